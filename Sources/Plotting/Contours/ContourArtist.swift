/// Contour lines of a grid at several levels, each level in its own colour.
struct ContourArtist: Artist {
    var levels: [(value: Double, color: Color, lines: [ContourLine])]
    var lineWidth: Double
    var bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>)
    var label: String?
    /// Page-space runs shared by the bands of a raster render.
    let runCache = ContourRunCache()

    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds {
        var result = DataBounds()
        result.include(x: bounds.x.lowerBound, y: bounds.y.lowerBound, xScale: xScale, yScale: yScale)
        result.include(x: bounds.x.upperBound, y: bounds.y.upperBound, xScale: xScale, yScale: yScale)
        return result
    }

    var wantsTightLimits: Bool { true }

    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme) {
        canvas.setLineWidth(lineWidth)
        canvas.setDash([])
        let bounds = clipRect.insetBy(-4)
        // A band of the page (see `Canvas.visibleRect`) strokes only the segments that can reach it, each
        // whole, so every pixel of the band comes out as without the band.
        let visibleRows = canvas.visibleRect.map { ($0.minY - lineWidth - 1)...($0.maxY + lineWidth + 1) }
        for (index, level) in levels.enumerated() {
            canvas.newPath()
            for run in runCache.runs(level: index, transform: transform, make: { pageRuns(level.lines, transform) }) {
                PolylinePainter.addPath(PolylinePainter.segments(of: run, reaching: visibleRows), to: canvas,
                                        bounds: bounds)
            }
            canvas.setColor(level.color)
            canvas.stroke()
        }
    }

    /// The lines in page space, simplified to within 0.12 logical units.
    private func pageRuns(_ lines: [ContourLine], _ transform: DataTransform) -> [[PagePoint]] {
        var runs: [[PagePoint]] = []
        for line in lines {
            // Contour points always have positions on linear axes; on log axes non-positive ones split the line.
            var run: [PagePoint] = []
            for index in 0..<line.x.count {
                if let point = transform.point(line.x[index], line.y[index]) {
                    run.append(point)
                } else {
                    runs.append(PolylinePainter.simplified(run, tolerance: 0.12))
                    run.removeAll()
                }
            }
            runs.append(PolylinePainter.simplified(run, tolerance: 0.12))
        }
        return runs
    }

    /// At most this many levels make the lines data (a decision boundary p = 0.5) that a legend must not
    /// cover; more make them a background (the contours under optimizer paths).
    static let dataLevelLimit = 3

    private func pageLines(_ transform: DataTransform) -> [[PagePoint]] {
        levels.indices.flatMap { index in
            runCache.runs(level: index, transform: transform, make: { pageRuns(levels[index].lines, transform) })
        }
    }

    func obstacles(transform: DataTransform) -> [[PagePoint]] {
        levels.count <= Self.dataLevelLimit ? pageLines(transform) : []
    }

    /// Many contour lines are the background of optimizer paths: a legend may cover them, but where their
    /// lines crowd (a valley) it rather should not.
    func softObstacles(transform: DataTransform) -> [[PagePoint]] {
        levels.count > Self.dataLevelLimit ? pageLines(transform) : []
    }

    var legendEntry: LegendEntry? {
        guard let label, let middle = levels.dropFirst(levels.count / 2).first else { return nil }
        return LegendEntry(label: label, symbol: .line(color: middle.color, width: lineWidth, style: .solid,
                                                       marker: .none, markerSize: 0))
    }
}
