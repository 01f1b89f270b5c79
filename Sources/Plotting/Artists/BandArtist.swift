/// The region between two curves over the same x values (for example mean ± standard deviation).
///
/// The band breaks where x or either bound is not finite. On a log axis a lower bound ≤ 0 is drawn at the
/// bottom edge of the plot, so mean − std < 0 clips the band instead of dropping it.
struct BandArtist: Artist {
    var x: [Double]
    var lower: [Double]
    var upper: [Double]
    var label: String?
    var color: Color

    private var count: Int { min(x.count, lower.count, upper.count) }

    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds {
        var bounds = DataBounds()
        for index in 0..<count {
            bounds.include(x: x[index], y: lower[index], xScale: xScale, yScale: yScale)
            bounds.include(x: x[index], y: upper[index], xScale: xScale, yScale: yScale)
        }
        return bounds
    }

    /// Maps a bound to a page y: values below the visible range of a log axis go just past the bottom edge.
    private func pageY(_ value: Double, _ transform: DataTransform, clipRect: PageRect) -> Double? {
        guard value.isFinite else { return nil }
        if transform.y.scale == .log10 && value <= 0 {
            return transform.y.start < transform.y.end ? clipRect.minY - 1 : clipRect.maxY + 1
        }
        let position = transform.y.position(value)
        return position.isFinite ? position : nil
    }

    /// Polygons of the band in page space, one per unbroken run of points.
    func polygons(_ transform: DataTransform, clipRect: PageRect) -> [[PagePoint]] {
        var polygons: [[PagePoint]] = []
        var top: [PagePoint] = []
        var bottom: [PagePoint] = []
        func flush() {
            if top.count >= 2 { polygons.append(top + bottom.reversed()) }
            top.removeAll()
            bottom.removeAll()
        }
        for index in 0..<count {
            let px = transform.x.position(x[index])
            guard px.isFinite, let low = pageY(lower[index], transform, clipRect: clipRect),
                  let high = pageY(upper[index], transform, clipRect: clipRect) else {
                flush()
                continue
            }
            top.append(PagePoint(x: px, y: high))
            bottom.append(PagePoint(x: px, y: low))
        }
        flush()
        return polygons
    }

    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme) {
        canvas.newPath()
        for polygon in polygons(transform, clipRect: clipRect) {
            let clipped = Geometry.clip(polygon: polygon, to: clipRect.insetBy(-4))
            guard let first = clipped.first else { continue }
            canvas.move(to: first)
            for point in clipped.dropFirst() { canvas.line(to: point) }
            canvas.closePath()
        }
        canvas.setColor(color)
        canvas.fill()
    }

    var legendEntry: LegendEntry? { label.map { LegendEntry(label: $0, symbol: .patch(color: color, edge: nil)) } }

    func obstacles(transform: DataTransform) -> [[PagePoint]] {
        (0..<count).compactMap { index in
            guard let a = transform.point(x[index], lower[index]), let b = transform.point(x[index], upper[index]) else { return nil }
            return [a, b]
        }
    }
}
