/// Vertical bars from a baseline to each height.
struct BarArtist: Artist {
    var x: [Double]
    var heights: [Double]
    var width: Double
    var baseline: Double
    var label: String?
    var color: Color
    var edgeColor: Color?

    private var count: Int { min(x.count, heights.count) }

    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds {
        var bounds = DataBounds()
        for index in 0..<count {
            bounds.include(x: x[index] - width / 2, y: heights[index], xScale: xScale, yScale: yScale)
            bounds.include(x: x[index] + width / 2, y: baseline, xScale: xScale, yScale: yScale)
        }
        return bounds
    }

    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme) {
        let limit = clipRect.insetBy(-2)
        for index in 0..<count where heights[index].isFinite && x[index].isFinite {
            let left = transform.x.position(x[index] - width / 2)
            let right = transform.x.position(x[index] + width / 2)
            var top = transform.y.position(heights[index])
            var bottom = transform.y.position(baseline)
            // On a log axis a baseline of 0 has no position: the bar starts below the plot instead.
            if !bottom.isFinite { bottom = limit.maxY }
            if !top.isFinite { continue }
            top = min(max(top, limit.minY), limit.maxY)
            bottom = min(max(bottom, limit.minY), limit.maxY)
            guard left.isFinite, right.isFinite else { continue }
            canvas.newPath()
            canvas.rectangle(PageRect(x: min(left, right), y: min(top, bottom), width: abs(right - left),
                                      height: abs(bottom - top)))
            canvas.fillAndStroke(fill: color, stroke: edgeColor, lineWidth: 0.8)
        }
    }

    var legendEntry: LegendEntry? { label.map { LegendEntry(label: $0, symbol: .patch(color: color, edge: edgeColor)) } }

    /// Each bar's rectangle, so that a legend overlapping a bar's side counts as well as one over its middle.
    func obstacleAreas(transform: DataTransform, canvas: Canvas, theme: Theme) -> [PageRect] {
        (0..<count).compactMap { index in
            guard let topLeft = transform.point(x[index] - width / 2, heights[index]),
                  let bottomRight = transform.point(x[index] + width / 2, baseline) else { return nil }
            return PageRect(x: min(topLeft.x, bottomRight.x), y: min(topLeft.y, bottomRight.y),
                            width: abs(bottomRight.x - topLeft.x), height: abs(bottomRight.y - topLeft.y))
        }
    }
}
