/// Contour lines of a grid at several levels, each level in its own colour.
struct ContourArtist: Artist {
    var levels: [(value: Double, color: Color, lines: [ContourLine])]
    var lineWidth: Double
    var bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>)
    var label: String?

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
        // A band of the page (see `Canvas.visibleRect`) skips runs whose strokes cannot reach it; the other
        // runs are drawn whole, so every pixel of the band comes out as without the band.
        let visibleRows = canvas.visibleRect.map { ($0.minY - lineWidth - 1)...($0.maxY + lineWidth + 1) }
        func add(_ run: [PagePoint]) {
            if let visibleRows, let first = run.first {
                var top = first.y, bottom = first.y
                for point in run {
                    top = min(top, point.y)
                    bottom = max(bottom, point.y)
                }
                guard visibleRows.overlaps(top...bottom) else { return }
            }
            PolylinePainter.addPath(PolylinePainter.segments(of: PolylinePainter.simplified(run, tolerance: 0.12),
                                                             reaching: visibleRows),
                                    to: canvas, bounds: bounds)
        }
        for level in levels {
            canvas.newPath()
            for line in level.lines {
                // Contour points always have positions on linear axes; on log axes non-positive ones split the line.
                var run: [PagePoint] = []
                for index in 0..<line.x.count {
                    if let point = transform.point(line.x[index], line.y[index]) {
                        run.append(point)
                    } else {
                        add(run)
                        run.removeAll()
                    }
                }
                add(run)
            }
            canvas.setColor(level.color)
            canvas.stroke()
        }
    }

    var legendEntry: LegendEntry? {
        guard let label, let middle = levels.dropFirst(levels.count / 2).first else { return nil }
        return LegendEntry(label: label, symbol: .line(color: middle.color, width: lineWidth, style: .solid,
                                                       marker: .none, markerSize: 0))
    }
}
