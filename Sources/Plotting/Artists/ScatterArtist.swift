/// Markers at data points, one colour for all or one per point.
struct ScatterArtist: Artist {
    var x: [Double]
    var y: [Double]
    var label: String?
    var color: Color
    var colors: [Color]?
    var marker: Marker
    var size: Double
    var edgeColor: Color?

    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds {
        var bounds = DataBounds()
        for index in 0..<min(x.count, y.count) {
            bounds.include(x: x[index], y: y[index], xScale: xScale, yScale: yScale)
        }
        return bounds
    }

    func pointsHiddenByLogScale(xScale: Scale, yScale: Scale) -> Int {
        Self.countHiddenByLogScale(x: x, y: y, xScale: xScale, yScale: yScale)
    }

    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme) {
        let visible = clipRect.insetBy(-size)
        for index in 0..<min(x.count, y.count) {
            guard let point = transform.point(x[index], y[index]), visible.contains(point) else { continue }
            let fill = colors.map { $0[index % max($0.count, 1)] } ?? color
            PolylinePainter.drawMarker(marker, at: point, size: size, fill: fill, edge: edgeColor,
                                       edgeWidth: 0.7, on: canvas)
        }
    }

    var legendEntry: LegendEntry? {
        label.map { LegendEntry(label: $0, symbol: .marker(marker, color: colors?.first ?? color, size: size, edge: edgeColor)) }
    }

    func obstacles(transform: DataTransform) -> [[PagePoint]] {
        (0..<min(x.count, y.count)).compactMap { transform.point(x[$0], y[$0]).map { [$0] } }
    }
}
