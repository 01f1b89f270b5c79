import Foundation

/// A shaded 3-D surface z = f(x, y) in an orthographic view, drawn with the painter's algorithm, plus an
/// optional path on the surface and the axis edges of its bounding box.
///
/// A point (x, y, z) is first normalised to the unit box, u, v ∈ [−½, ½] and w ∈ [−h/2, h/2] (h the
/// relative height), then turned by the azimuth φ about the vertical and tilted by the elevation θ:
///
///     X = u cos φ − v sin φ,   D = u sin φ + v cos φ
///     screen = (X, D sin θ + w cos θ),   nearness = w sin θ − D cos θ
///
/// Quadrilaterals are filled from the farthest to the nearest, coloured by the square root of their height
/// fraction (the colour map lightened by 30 % towards white) and shaded by Lambert's law, brightness = 0.62 + 0.38·|n · ℓ|, with n the
/// quad's normal and ℓ a light from the upper left. The floor of 0.62 keeps the darkest colour of the map a
/// mid grey in print (with 0.45 and viridis's dark end, valleys printed black).
///
/// The path's segments join the quadrilaterals in the painter's order, each with the nearness of its
/// midpoint plus one cell, so the surface in front of a segment hides it and the quads around it do not.
/// The whole path is then drawn once more over the surface as a thin dashed line, as hidden edges are in a
/// technical drawing, so the part behind a ridge still shows where the descent went.
///
/// - Note: Occlusion is only as exact as the painter's algorithm with that bias: a segment much longer than
///   a cell is ordered by its midpoint alone, so callers split the path into pieces no longer than a cell.
struct SurfaceArtist: Artist {
    var grid: ScalarGrid
    /// Heights after the optional log transform, used for shading and colour.
    var heights: [Double]
    var heightRange: ClosedRange<Double>
    var path: (x: [Double], y: [Double], z: [Double])?
    var pathColor: Color
    var azimuth: Double
    var elevation: Double
    var relativeHeight: Double
    var colormap: Colormap
    var labels: (x: String, y: String, z: String)
    /// Heights are log₁₀ of the function, so height ticks are labelled 10^k.
    var logarithmic: Bool

    func project(x: Double, y: Double, height: Double) -> (screenX: Double, screenY: Double, nearness: Double) {
        let u = (x - grid.x.first!) / (grid.x.last! - grid.x.first!) - 0.5
        let v = (y - grid.y.first!) / (grid.y.last! - grid.y.first!) - 0.5
        let span = heightRange.upperBound - heightRange.lowerBound
        let w = ((height - heightRange.lowerBound) / (span > 0 ? span : 1) - 0.5) * relativeHeight
        let X = u * cos(azimuth) - v * sin(azimuth)
        let D = u * sin(azimuth) + v * cos(azimuth)
        return (X, D * sin(elevation) + w * cos(elevation), w * sin(elevation) - D * cos(elevation))
    }

    /// The eight corners of the box, for the data bounds.
    private var boxCorners: [(Double, Double, Double)] {
        var corners: [(Double, Double, Double)] = []
        for x in [grid.x.first!, grid.x.last!] {
            for y in [grid.y.first!, grid.y.last!] {
                for z in [heightRange.lowerBound, heightRange.upperBound] { corners.append((x, y, z)) }
            }
        }
        return corners
    }

    /// The height axis's tick labels lie left of the box, outside the plotting area.
    var isClipped: Bool { false }

    /// The floor of the box, the surface itself and the height axis (at the leftmost corner), but not the
    /// box's empty top: a bowl reaches its top height only at a corner or two, and the box's top corners
    /// left a wide blank band above the surface.
    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds {
        var bounds = DataBounds()
        func include(_ x: Double, _ y: Double, _ z: Double) {
            let point = project(x: x, y: y, height: z)
            bounds.include(x: point.screenX, y: point.screenY, xScale: .linear, yScale: .linear)
        }
        for (x, y, z) in boxCorners where z == heightRange.lowerBound { include(x, y, z) }
        for row in grid.y.indices {
            for column in grid.x.indices where heights[row * grid.x.count + column].isFinite {
                include(grid.x[column], grid.y[row], heights[row * grid.x.count + column])
            }
        }
        let leftmost = boxCorners.filter { $0.2 == heightRange.lowerBound }
            .min { project(x: $0.0, y: $0.1, height: $0.2).screenX < project(x: $1.0, y: $1.1, height: $1.2).screenX }
        if let leftmost { include(leftmost.0, leftmost.1, heightRange.upperBound) }
        // Room below the box for the tick labels and axis labels of the floor edges.
        bounds.minY -= 0.08 * (bounds.maxY - bounds.minY)
        return bounds
    }

    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme) {
        let columns = grid.x.count
        let rows = grid.y.count
        func page(_ x: Double, _ y: Double, _ height: Double) -> PagePoint? {
            let point = project(x: x, y: y, height: height)
            return transform.point(point.screenX, point.screenY)
        }
        drawBackEdges(on: canvas, page: page, clipRect: clipRect, theme: theme)

        struct Quad {
            var corners: [PagePoint]
            var nearness: Double
            var color: Color
        }
        var quads: [Quad] = []
        quads.reserveCapacity((columns - 1) * (rows - 1))
        let light = (x: -0.45, y: -0.35, z: 0.82)
        let span = heightRange.upperBound - heightRange.lowerBound
        for row in 0..<(rows - 1) {
            for column in 0..<(columns - 1) {
                let indices = [(column, row), (column + 1, row), (column + 1, row + 1), (column, row + 1)]
                let zs = indices.map { heights[$0.1 * columns + $0.0] }
                guard zs.allSatisfy(\.isFinite) else { continue }
                let corners = zip(indices, zs).compactMap { index, z in page(grid.x[index.0], grid.y[index.1], z) }
                guard corners.count == 4 else { continue }
                let centerX = (grid.x[column] + grid.x[column + 1]) / 2
                let centerY = (grid.y[row] + grid.y[row + 1]) / 2
                let meanHeight = zs.reduce(0, +) / 4
                // Normal from the two diagonals in normalised coordinates.
                let du = (grid.x[column + 1] - grid.x[column]) / (grid.x.last! - grid.x.first!)
                let dv = (grid.y[row + 1] - grid.y[row]) / (grid.y.last! - grid.y.first!)
                let scale = relativeHeight / (span > 0 ? span : 1)
                let a = (du, dv, (zs[2] - zs[0]) * scale)
                let b = (-du, dv, (zs[3] - zs[1]) * scale)
                var normal = (a.1 * b.2 - a.2 * b.1, a.2 * b.0 - a.0 * b.2, a.0 * b.1 - a.1 * b.0)
                let length = (normal.0 * normal.0 + normal.1 * normal.1 + normal.2 * normal.2).squareRoot()
                if length > 0 { normal = (normal.0 / length, normal.1 / length, normal.2 / length) }
                let lambert = abs(normal.0 * light.x + normal.1 * light.y + normal.2 * light.z)
                let brightness = 0.62 + 0.38 * lambert
                // √ of the height fraction: loss surfaces spend most of their area near the bottom, which
                // linear colouring painted all in the map's darkest colour.
                let fraction = span > 0 ? max((meanHeight - heightRange.lowerBound) / span, 0).squareRoot() : 0.5
                let base = colormap.color(at: fraction).mixed(with: .white, fraction: 0.3)
                let color = Color(red: base.red * brightness, green: base.green * brightness, blue: base.blue * brightness)
                quads.append(Quad(corners: corners, nearness: project(x: centerX, y: centerY, height: meanHeight).nearness,
                                  color: color))
            }
        }
        quads.sort { $0.nearness < $1.nearness }

        // Path segments as (start, end, nearness), sorted like the quads.
        var points: [PagePoint?] = []
        var segments: [(start: PagePoint, end: PagePoint, nearness: Double)] = []
        if let path {
            let count = min(path.x.count, path.y.count, path.z.count)
            points = (0..<count).map { page(path.x[$0], path.y[$0], path.z[$0]) }
            let bias = 1 / Double(max(min(columns, rows) - 1, 1))
            for index in 0..<max(count - 1, 0) {
                guard let start = points[index], let end = points[index + 1] else { continue }
                let middle = project(x: (path.x[index] + path.x[index + 1]) / 2, y: (path.y[index] + path.y[index + 1]) / 2,
                                     height: (path.z[index] + path.z[index + 1]) / 2)
                segments.append((start, end, middle.nearness + bias))
            }
            segments.sort { $0.nearness < $1.nearness }
        }
        /// Strokes a run of segments that no quad separates: white halo first, then the colour, so halos of
        /// the run never cover its own line. Halos have butt ends, so a later run's halo stops at the joint
        /// instead of whitening the end of the line before it; the line's round ends close the joints.
        func drawSegments(_ run: ArraySlice<(start: PagePoint, end: PagePoint, nearness: Double)>) {
            guard !run.isEmpty else { return }
            for (color, width, round) in [(Color.white, 4.0, false), (pathColor, 2.2, true)] {
                canvas.newPath()
                for segment in run {
                    canvas.move(to: segment.start)
                    canvas.line(to: segment.end)
                }
                canvas.setColor(color)
                canvas.setLineWidth(width)
                canvas.setRoundCaps(round)
                canvas.stroke()
            }
            canvas.setRoundCaps(false)
        }
        var nextSegment = 0
        for quad in quads {
            let runStart = nextSegment
            while nextSegment < segments.count && segments[nextSegment].nearness <= quad.nearness { nextSegment += 1 }
            drawSegments(segments[runStart..<nextSegment])
            canvas.newPath()
            canvas.move(to: quad.corners[0])
            for corner in quad.corners.dropFirst() { canvas.line(to: corner) }
            canvas.closePath()
            canvas.setColor(quad.color)
            canvas.fillPreserve()
            // Stroking in the fill colour hides the hairline seams antialiasing leaves between quads.
            canvas.setLineWidth(0.6)
            canvas.stroke()
        }
        drawSegments(segments[nextSegment...])
        if path != nil {
            canvas.newPath()
            var drawing = false
            for point in points {
                guard let point else {
                    drawing = false
                    continue
                }
                if drawing { canvas.line(to: point) } else { canvas.move(to: point) }
                drawing = true
            }
            canvas.setColor(pathColor)
            canvas.setLineWidth(1.3)
            canvas.setDash([4, 3])
            canvas.stroke()
            canvas.setDash([])
        }

        drawHeightAxis(on: canvas, page: page, theme: theme)
        if path != nil {
            if let first = points.compactMap({ $0 }).first {
                PolylinePainter.drawMarker(.circle, at: first, size: 10, fill: pathColor, edge: .white, edgeWidth: 1,
                                           on: canvas)
            }
            if let last = points.compactMap({ $0 }).last {
                PolylinePainter.drawMarker(.star, at: last, size: 16, fill: Color(hex: 0xFFD700), edge: .black,
                                           edgeWidth: 0.8, on: canvas)
            }
        }
    }

    /// Draws the floor of the box and the vertical edge at its back corner, with axis labels, behind the surface.
    ///
    /// The vertical edge rises only to the surface's corner above it: the box has no top to meet, and an edge
    /// to the top height stood above any surface lower at that corner than at its highest point.
    private func drawBackEdges(on canvas: Canvas, page: (Double, Double, Double) -> PagePoint?, clipRect: PageRect,
                               theme: Theme) {
        let xs = [grid.x.first!, grid.x.last!]
        let ys = [grid.y.first!, grid.y.last!]
        let low = heightRange.lowerBound, high = heightRange.upperBound
        // The back corner is the bottom corner farthest from the viewer.
        var back = (x: xs[0], y: ys[0])
        var farthest = Double.infinity
        for x in xs {
            for y in ys {
                let nearness = project(x: x, y: y, height: low).nearness
                if nearness < farthest {
                    farthest = nearness
                    back = (x, y)
                }
            }
        }
        let otherX = back.x == xs[0] ? xs[1] : xs[0]
        let otherY = back.y == ys[0] ? ys[1] : ys[0]
        let cornerHeight = heights[(back.y == ys[0] ? 0 : grid.y.count - 1) * grid.x.count
            + (back.x == xs[0] ? 0 : grid.x.count - 1)]
        guard let corner = page(back.x, back.y, low), let alongX = page(otherX, back.y, low),
              let alongY = page(back.x, otherY, low),
              let up = page(back.x, back.y, cornerHeight.isFinite ? cornerHeight : high),
              let frontX = page(otherX, otherY, low) else { return }
        canvas.save()
        canvas.clip(to: clipRect)
        canvas.newPath()
        for end in [alongX, alongY, up] {
            canvas.move(to: corner)
            canvas.line(to: end)
        }
        canvas.move(to: alongX)
        canvas.line(to: frontX)
        canvas.move(to: alongY)
        canvas.line(to: frontX)
        canvas.setColor(Color(gray: 0.55))
        canvas.setLineWidth(0.9)
        canvas.stroke()
        canvas.restore()
        func label(_ text: String, at point: PagePoint, horizontal: HorizontalAlignment) {
            canvas.draw(RichText(text), size: theme.axisLabelSize, color: theme.textColor, at: point,
                        horizontal: horizontal, vertical: .top)
        }
        // Ticks and labels go on the two front edges, which run from the ends of the back edges to the
        // front corner: x varies along the one at y = otherY, y along the one at x = otherX.
        let tickLabelHeight = canvas.height(of: RichText("0"), size: theme.tickLabelSize)
        func ticks(_ range: (Double, Double), at point: (Double) -> PagePoint?) {
            let values = ExtendedWilkinsonLocator().ticks(lower: min(range.0, range.1), upper: max(range.0, range.1),
                                                           targetCount: 5)
                // Ticks at the corners would collide with the neighbouring edge's labels.
                .filter { $0 > min(range.0, range.1) + 1e-9 && $0 < max(range.0, range.1) - 1e-9 }
            for (value, text) in zip(values, TickFormatter.linearLabels(values).labels) {
                guard let position = point(value) else { continue }
                canvas.newPath()
                canvas.move(to: position)
                canvas.line(to: PagePoint(x: position.x, y: position.y + theme.tickLength))
                canvas.setColor(theme.axisLineColor)
                canvas.setLineWidth(theme.tickWidth)
                canvas.stroke()
                canvas.draw(RichText(text), size: theme.tickLabelSize, color: theme.textColor,
                            at: PagePoint(x: position.x, y: position.y + theme.tickLength + 2), horizontal: .center,
                            vertical: .top)
            }
        }
        ticks((xs[0], xs[1])) { page($0, otherY, low) }
        ticks((ys[0], ys[1])) { page(otherX, $0, low) }
        let offset = theme.tickLength + 2 + tickLabelHeight + theme.axisLabelPadding
        let xMiddle = PagePoint(x: (alongY.x + frontX.x) / 2, y: (alongY.y + frontX.y) / 2 + offset)
        let yMiddle = PagePoint(x: (alongX.x + frontX.x) / 2, y: (alongX.y + frontX.y) / 2 + offset)
        label(labels.x, at: xMiddle, horizontal: .center)
        label(labels.y, at: yMiddle, horizontal: .center)
    }

    /// Draws the height axis on the vertical edge at the leftmost corner of the box, with ticks and label.
    /// It is drawn after the surface: at the silhouette's left edge it touches the surface at most at a corner.
    private func drawHeightAxis(on canvas: Canvas, page: (Double, Double, Double) -> PagePoint?, theme: Theme) {
        let low = heightRange.lowerBound, high = heightRange.upperBound
        var leftmost: (x: Double, y: Double)?
        var smallestX = Double.infinity
        for x in [grid.x.first!, grid.x.last!] {
            for y in [grid.y.first!, grid.y.last!] {
                if let point = page(x, y, low), point.x < smallestX {
                    smallestX = point.x
                    leftmost = (x, y)
                }
            }
        }
        guard let corner = leftmost, let bottom = page(corner.x, corner.y, low),
              let top = page(corner.x, corner.y, high), high > low else { return }
        canvas.newPath()
        canvas.move(to: bottom)
        canvas.line(to: top)
        canvas.setColor(theme.axisLineColor)
        canvas.setLineWidth(theme.axisLineWidth)
        canvas.stroke()
        var ticks = ExtendedWilkinsonLocator().ticks(lower: low, upper: high, targetCount: 5)
            .filter { $0 >= low - 1e-9 * (high - low) && $0 <= high + 1e-9 * (high - low) }
        if logarithmic { ticks = ticks.filter { abs($0 - $0.rounded()) < 1e-9 } }
        let tickLabels = logarithmic ? TickFormatter.logLabels(ticks.map { pow(10, $0) }) : TickFormatter.linearLabels(ticks).labels
        var labelsLeft = bottom.x
        for (value, label) in zip(ticks, tickLabels) {
            guard let point = page(corner.x, corner.y, value) else { continue }
            canvas.newPath()
            canvas.move(to: point)
            canvas.line(to: PagePoint(x: point.x - theme.tickLength, y: point.y))
            canvas.setLineWidth(theme.tickWidth)
            canvas.stroke()
            let text = RichText(label)
            let anchor = PagePoint(x: point.x - theme.tickLength - theme.tickLabelPadding, y: point.y)
            canvas.draw(text, size: theme.tickLabelSize, color: theme.textColor, at: anchor, horizontal: .right,
                        vertical: .center)
            labelsLeft = min(labelsLeft, anchor.x - canvas.width(of: text, size: theme.tickLabelSize))
        }
        canvas.draw(RichText(labels.z), size: theme.axisLabelSize, color: theme.textColor,
                    at: PagePoint(x: labelsLeft - theme.axisLabelPadding, y: (bottom.y + top.y) / 2),
                    horizontal: .center, vertical: .bottom, rotation: Double.pi / 2)
    }
}
