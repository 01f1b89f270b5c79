/// A figure: a grid of ``Axes`` on a page of `width` × `height` logical units, rendered to PNG, SVG or PDF.
///
/// ```swift
/// let figure = Figure(rows: 2, columns: 3, sharedX: true)
/// figure[0, 0].plot(x, sigmoid)
/// let png = try figure.pngData()
/// ```
///
/// Margins come from measured text: each panel reserves exactly the space its tick labels, axis labels and
/// title need, and panels in one column (row) share their left and right (top and bottom) margins so that
/// their frames line up.
public final class Figure {
    public let width: Double
    public let height: Double
    /// Pixels per logical unit in PNG output (2 gives sharp figures on high-density screens and in print).
    public var deviceScale: Double
    public let rows: Int
    public let columns: Int
    public let theme: Theme
    /// All panels share one x range; only the lowest visible panel of each column shows x tick labels and
    /// the x-axis label.
    public let sharedX: Bool
    /// All panels share one y range; only the leftmost visible panel of each row shows y tick labels and
    /// the y-axis label.
    public let sharedY: Bool
    /// A title above all panels.
    public var title: String?
    /// The panels in row-major order.
    public let allAxes: [Axes]

    /// - Parameters:
    ///   - width: Page width in logical units (default 800: 1600 px at device scale 2).
    ///   - height: Page height in logical units (default 500: 1000 px at device scale 2).
    ///   - rows: Rows of panels.
    ///   - columns: Columns of panels.
    ///   - sharedX: Share the x range across all panels.
    ///   - sharedY: Share the y range across all panels.
    ///   - deviceScale: Pixels per logical unit in PNG output.
    ///   - theme: The visual style.
    public init(width: Double = 800, height: Double = 500, rows: Int = 1, columns: Int = 1, sharedX: Bool = false,
                sharedY: Bool = false, deviceScale: Double = 2, theme: Theme = Theme()) {
        precondition(rows >= 1 && columns >= 1, "a figure needs at least one panel")
        precondition(width > 0 && height > 0 && deviceScale > 0, "figure size and scale must be positive")
        self.width = width
        self.height = height
        self.deviceScale = deviceScale
        self.rows = rows
        self.columns = columns
        self.theme = theme
        self.sharedX = sharedX
        self.sharedY = sharedY
        allAxes = (0..<(rows * columns)).map { _ in Axes(theme: theme) }
    }

    /// The first (for a single-panel figure, the only) axes.
    public var axes: Axes { allAxes[0] }

    /// The panel at `row`, `column` (0-based, row 0 at the top).
    public subscript(row: Int, column: Int) -> Axes {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "panel index out of range")
        return allAxes[row * columns + column]
    }

    // MARK: - Layout and rendering

    /// Where every panel goes: the result of measuring the figure's text, shared by all drawing passes.
    struct Layout {
        var plots: [PageRect]
        var transforms: [DataTransform]
        var ticks: [(x: AxisTicks, y: AxisTicks)]
    }

    /// Lays out and draws every panel.
    func render(on canvas: Canvas) {
        draw(layout(measuringWith: canvas), on: canvas)
    }

    /// Places the panels: shares limits, decides which panels show tick labels, and sizes the margins to the
    /// text `canvas` measures. This is the only step of rendering that changes the figure's state.
    func layout(measuringWith canvas: Canvas) -> Layout {
        var limits = allAxes.map { $0.automaticLimits() }
        if sharedX { shareLimits(&limits, x: true) }
        if sharedY { shareLimits(&limits, x: false) }
        // Shared axes label only the outer panels: x at the lowest visible panel of each column, y at the
        // leftmost visible panel of each row (a hidden panel, such as an empty grid cell, does not count).
        for (index, axes) in allAxes.enumerated() {
            let row = index / columns
            let column = index % columns
            axes.hidesXTickLabels = sharedX && ((row + 1)..<rows).contains { !self[$0, column].hidesAxes }
            axes.hidesYTickLabels = sharedY && (0..<column).contains { !self[row, $0].hidesAxes }
        }

        let titleHeight = title.map { canvas.height(of: RichText($0), size: theme.figureTitleSize) + 6 } ?? 0
        var insets = [Insets](repeating: Insets(left: 60, right: 16, top: 24, bottom: 48), count: allAxes.count)
        var plots = arrange(insets: insets, titleHeight: titleHeight, limits: limits)
        var ticks: [(x: AxisTicks, y: AxisTicks)] = []
        // Tick labels depend on the plot size and the plot size on the labels; two rounds settle it.
        for _ in 0..<2 {
            ticks = computeTicks(plots: plots, limits: limits)
            for (index, axes) in allAxes.enumerated() {
                insets[index] = axes.decorationInsets(canvas: canvas, plot: plots[index], xTicks: ticks[index].x,
                                                      yTicks: ticks[index].y,
                                                      transform: transform(index, plots[index], limits))
            }
            plots = arrange(insets: insets, titleHeight: titleHeight, limits: limits)
        }
        ticks = computeTicks(plots: plots, limits: limits)
        return Layout(plots: plots, transforms: plots.indices.map { transform($0, plots[$0], limits) }, ticks: ticks)
    }

    /// Draws the background, the title and every panel at the places `layout` gives; reads the figure only,
    /// so several passes may run at once (see `withRenderedSurface`).
    func draw(_ layout: Layout, on canvas: Canvas) {
        canvas.newPath()
        canvas.rectangle(PageRect(x: 0, y: 0, width: width, height: height))
        canvas.setColor(theme.background)
        canvas.fill()
        if let title {
            canvas.draw(RichText(title), size: theme.figureTitleSize, color: theme.textColor,
                        at: PagePoint(x: width / 2, y: theme.figurePadding), horizontal: .center, vertical: .top)
        }
        for (index, axes) in allAxes.enumerated() {
            axes.draw(on: canvas, plot: layout.plots[index], transform: layout.transforms[index],
                      xTicks: layout.ticks[index].x, yTicks: layout.ticks[index].y)
        }
    }

    private func transform(_ index: Int, _ plot: PageRect,
                           _ limits: [(x: ClosedRange<Double>, y: ClosedRange<Double>)]) -> DataTransform {
        let axes = allAxes[index]
        return DataTransform(
            x: AxisMapping(scale: axes.xScale, lower: limits[index].x.lowerBound, upper: limits[index].x.upperBound,
                           start: plot.minX, end: plot.maxX),
            y: AxisMapping(scale: axes.yScale, lower: limits[index].y.lowerBound, upper: limits[index].y.upperBound,
                           start: plot.maxY, end: plot.minY))
    }

    private func computeTicks(plots: [PageRect], limits: [(x: ClosedRange<Double>, y: ClosedRange<Double>)])
        -> [(x: AxisTicks, y: AxisTicks)] {
        allAxes.enumerated().map { index, axes in
            guard !axes.hidesAxes else { return (AxisTicks(), AxisTicks()) }
            func custom(_ ticks: [(position: Double, label: String)]) -> AxisTicks {
                AxisTicks(major: ticks.map(\.position), minor: [], labels: ticks.map { RichText($0.label) })
            }
            return (axes.customXTicks.map(custom)
                        ?? Axes.ticks(scale: axes.xScale, limits: limits[index].x, length: plots[index].width,
                                      spacing: theme.xTickSpacing, locator: axes.xLocator, formatter: axes.xFormatter),
                    axes.customYTicks.map(custom)
                        ?? Axes.ticks(scale: axes.yScale, limits: limits[index].y, length: plots[index].height,
                                      spacing: theme.yTickSpacing, locator: axes.yLocator, formatter: axes.yFormatter))
        }
    }

    private func shareLimits(_ limits: inout [(x: ClosedRange<Double>, y: ClosedRange<Double>)], x: Bool) {
        let ranges = limits.map { x ? $0.x : $0.y }
        let shared = ranges.map(\.lowerBound).min()!...ranges.map(\.upperBound).max()!
        for index in limits.indices {
            if x { limits[index].x = shared } else { limits[index].y = shared }
        }
    }

    /// Plot rectangles for all panels given each panel's decoration insets: equal plot sizes, frames aligned
    /// per row and column.
    private func arrange(insets: [Insets], titleHeight: Double,
                         limits: [(x: ClosedRange<Double>, y: ClosedRange<Double>)]) -> [PageRect] {
        var left = [Double](repeating: 0, count: columns)
        var right = [Double](repeating: 0, count: columns)
        var top = [Double](repeating: 0, count: rows)
        var bottom = [Double](repeating: 0, count: rows)
        for (index, inset) in insets.enumerated() {
            let row = index / columns
            let column = index % columns
            left[column] = max(left[column], inset.left)
            right[column] = max(right[column], inset.right)
            top[row] = max(top[row], inset.top)
            bottom[row] = max(bottom[row], inset.bottom)
        }
        let padding = theme.figurePadding
        let plotWidth = max(10, (width - 2 * padding - left.reduce(0, +) - right.reduce(0, +)
                                 - Double(columns - 1) * theme.panelSpacing) / Double(columns))
        let plotHeight = max(10, (height - 2 * padding - titleHeight - top.reduce(0, +) - bottom.reduce(0, +)
                                  - Double(rows - 1) * theme.panelSpacing) / Double(rows))
        var rects: [PageRect] = []
        for index in allAxes.indices {
            let row = index / columns
            let column = index % columns
            var x = padding + left[column]
            for previous in 0..<column { x += left[previous] + right[previous] + plotWidth + theme.panelSpacing }
            var y = padding + titleHeight + top[row]
            for previous in 0..<row { y += top[previous] + bottom[previous] + plotHeight + theme.panelSpacing }
            var rect = PageRect(x: x, y: y, width: plotWidth, height: plotHeight)
            let axes = allAxes[index]
            if axes.equalAspect, axes.xScale == .linear, axes.yScale == .linear {
                let ratio = (limits[index].y.upperBound - limits[index].y.lowerBound)
                    / (limits[index].x.upperBound - limits[index].x.lowerBound)
                if plotWidth * ratio > plotHeight {
                    let fitted = plotHeight / ratio
                    rect = PageRect(x: x + (plotWidth - fitted) / 2, y: y, width: fitted, height: plotHeight)
                } else {
                    let fitted = plotWidth * ratio
                    rect = PageRect(x: x, y: y + (plotHeight - fitted) / 2, width: plotWidth, height: fitted)
                }
            }
            rects.append(rect)
        }
        return rects
    }
}
