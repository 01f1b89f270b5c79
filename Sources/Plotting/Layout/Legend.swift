/// The legend of one axes: measures its rows, chooses a place and draws itself.
struct Legend {
    var entries: [LegendEntry]
    var location: LegendLocation

    /// Distance between the legend box and the axes frame.
    static let inset = 8.0
    /// Distance between the axes frame and a legend outside it.
    static let outsideGap = 12.0

    func rowHeight(canvas: Canvas, theme: Theme) -> Double {
        let metrics = canvas.fontMetrics(size: theme.legendTextSize)
        return max(metrics.ascent + metrics.descent, theme.markerSize) + Self.rowGap
    }

    /// Space between legend rows (about matplotlib's `labelspacing` of 0.5 em).
    static let rowGap = 6.0

    /// Space between entries of a legend laid out in one row (``LegendLocation/outsideTop``).
    static let columnGap = 18.0

    /// Whether the entries stand side by side in one row instead of one per row.
    var isHorizontal: Bool { location == .outsideTop }

    private func entryWidth(_ entry: LegendEntry, canvas: Canvas, theme: Theme) -> Double {
        theme.legendLineLength + 8 + canvas.width(of: RichText(entry.label), size: theme.legendTextSize)
    }

    /// Width and height of the legend box.
    func size(canvas: Canvas, theme: Theme) -> (width: Double, height: Double) {
        let widths = entries.map { entryWidth($0, canvas: canvas, theme: theme) }
        if isHorizontal {
            let width = 2 * theme.legendPadding + widths.reduce(0, +) + Double(max(entries.count - 1, 0)) * Self.columnGap
            return (width, 2 * theme.legendPadding + rowHeight(canvas: canvas, theme: theme) - Self.rowGap)
        }
        let width = 2 * theme.legendPadding + (widths.max() ?? 0)
        let height = 2 * theme.legendPadding + Double(entries.count) * rowHeight(canvas: canvas, theme: theme) - Self.rowGap
        return (width, height)
    }

    /// The legend box for a fixed location inside `plot`.
    static func rect(for location: LegendLocation, width: Double, height: Double, in plot: PageRect) -> PageRect {
        let left = plot.minX + inset
        let right = plot.maxX - inset - width
        let middleX = plot.minX + (plot.width - width) / 2
        let top = plot.minY + inset
        let bottom = plot.maxY - inset - height
        let middleY = plot.minY + (plot.height - height) / 2
        let (x, y): (Double, Double)
        switch location {
        case .best, .upperRight: (x, y) = (right, top)
        case .upperLeft: (x, y) = (left, top)
        case .lowerLeft: (x, y) = (left, bottom)
        case .lowerRight: (x, y) = (right, bottom)
        case .right, .centerRight: (x, y) = (right, middleY)
        case .centerLeft: (x, y) = (left, middleY)
        case .lowerCenter: (x, y) = (middleX, bottom)
        case .upperCenter: (x, y) = (middleX, top)
        case .center: (x, y) = (middleX, middleY)
        case .outsideRight: (x, y) = (plot.maxX + outsideGap, plot.minY)
        case .outsideTop: (x, y) = (middleX, plot.minY - outsideGap / 2 - height)
        }
        return PageRect(x: x, y: y, width: width, height: height)
    }

    /// The candidate location whose box covers the least data, and how much it covers.
    ///
    /// badness(box) is ``LegendObstacles/badness(of:)`` of the box grown by `clearance`, so that markers just
    /// outside it, which would still be hidden under its edge, count too. Among the candidates of least
    /// badness the one covering the least context (``LegendObstacles/softBadness(of:)``) wins, and among
    /// those the first in matplotlib's order.
    ///
    /// - Parameters:
    ///   - width: Legend box width.
    ///   - height: Legend box height.
    ///   - plot: The plotting area.
    ///   - obstacles: The data and context as they lie on the page.
    ///   - clearance: How far around the box data still counts as covered.
    /// - Returns: A location other than `.best`, and its badness (0: it covers no data).
    static func bestLocation(width: Double, height: Double, in plot: PageRect, avoiding obstacles: LegendObstacles,
                             clearance: Double = 6) -> (location: LegendLocation, badness: Int) {
        var best = (location: LegendLocation.upperRight, badness: Int.max, soft: Int.max)
        for candidate in LegendLocation.candidates {
            let box = rect(for: candidate, width: width, height: height, in: plot).insetBy(-clearance)
            let badness = obstacles.badness(of: box)
            guard badness <= best.badness else { continue }
            let soft = obstacles.softBadness(of: box)
            if badness < best.badness || soft < best.soft { best = (candidate, badness, soft) }
        }
        return (best.location, best.badness)
    }

    /// ``bestLocation(width:height:in:avoiding:clearance:)`` for data given as polylines only.
    static func bestLocation(width: Double, height: Double, in plot: PageRect,
                             avoiding polylines: [[PagePoint]], clearance: Double = 6) -> LegendLocation {
        bestLocation(width: width, height: height, in: plot, avoiding: LegendObstacles(lines: polylines),
                     clearance: clearance).location
    }

    /// Draws the legend; `raisedBy` lifts a legend above the plot further (over the panel's title, so that
    /// titles of panels side by side stay on one line).
    func draw(on canvas: Canvas, plot: PageRect, obstacles: LegendObstacles, theme: Theme, raisedBy: Double = 0) {
        guard !entries.isEmpty else { return }
        let (width, height) = size(canvas: canvas, theme: theme)
        let chosen = location == .best
            ? Self.bestLocation(width: width, height: height, in: plot, avoiding: obstacles).location : location
        var box = Self.rect(for: chosen, width: width, height: height, in: plot)
        if chosen == .outsideTop { box.y -= raisedBy }
        canvas.newPath()
        canvas.rectangle(box)
        canvas.fillAndStroke(fill: theme.legendBackground, stroke: theme.legendBorder, lineWidth: 0.9)
        let row = rowHeight(canvas: canvas, theme: theme)
        var left = box.minX + theme.legendPadding
        for (index, entry) in entries.enumerated() {
            let centerY = isHorizontal ? box.minY + theme.legendPadding + (row - Self.rowGap) / 2
                : box.minY + theme.legendPadding + (Double(index) + 0.5) * row - Self.rowGap / 2
            let symbolLeft = isHorizontal ? left : box.minX + theme.legendPadding
            left += entryWidth(entry, canvas: canvas, theme: theme) + Self.columnGap
            let symbolCenter = PagePoint(x: symbolLeft + theme.legendLineLength / 2, y: centerY)
            drawSymbol(entry.symbol, left: symbolLeft, center: symbolCenter, canvas: canvas, theme: theme)
            canvas.draw(RichText(entry.label), size: theme.legendTextSize, color: theme.textColor,
                        at: PagePoint(x: symbolLeft + theme.legendLineLength + 8, y: centerY),
                        horizontal: .left, vertical: .center)
        }
    }

    private func drawSymbol(_ symbol: LegendEntry.Symbol, left: Double, center: PagePoint, canvas: Canvas, theme: Theme) {
        canvas.newPath()
        switch symbol {
        case let .line(color, width, style, marker, markerSize):
            if width > 0 {
                canvas.move(to: PagePoint(x: left, y: center.y))
                canvas.line(to: PagePoint(x: left + theme.legendLineLength, y: center.y))
                canvas.setColor(color)
                canvas.setLineWidth(width)
                canvas.setDash(style.dashes(lineWidth: width))
                canvas.stroke()
                canvas.setDash([])
            }
            if marker != .none {
                PolylinePainter.drawMarker(marker, at: center, size: markerSize, fill: color,
                                           edge: marker.isStroked ? nil : Color.white, edgeWidth: 0.8, on: canvas)
            }
        case let .marker(marker, color, size, edge):
            PolylinePainter.drawMarker(marker, at: center, size: min(size, 12), fill: color, edge: edge,
                                       edgeWidth: 0.7, on: canvas)
        case let .lineWithEndMarker(color, width, style, marker):
            let end = PagePoint(x: left + theme.legendLineLength - 5, y: center.y)
            canvas.move(to: PagePoint(x: left, y: center.y))
            canvas.line(to: end)
            canvas.setColor(color)
            canvas.setLineWidth(width)
            canvas.setDash(style.dashes(lineWidth: width))
            canvas.stroke()
            canvas.setDash([])
            PolylinePainter.drawMarker(marker, at: end, size: 10, fill: color, edge: .black, edgeWidth: 0.7, on: canvas)
        case let .patch(color, edge):
            let height = 10.0
            canvas.rectangle(PageRect(x: left, y: center.y - height / 2, width: theme.legendLineLength, height: height))
            canvas.fillAndStroke(fill: color, stroke: edge, lineWidth: 0.8)
        }
    }
}
