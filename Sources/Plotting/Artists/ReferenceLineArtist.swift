/// A horizontal or vertical line across the whole plot at a data value (matplotlib's `axhline`/`axvline`).
struct ReferenceLineArtist: Artist {
    enum Orientation { case horizontal, vertical }

    var orientation: Orientation
    var value: Double
    var label: String?
    var color: Color
    var lineWidth: Double
    var style: LineStyle

    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds {
        var bounds = DataBounds()
        switch orientation {
        case .horizontal: bounds.include(y: value, scale: yScale)
        case .vertical: bounds.include(x: value, scale: xScale)
        }
        return bounds
    }

    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme) {
        canvas.newPath()
        switch orientation {
        case .horizontal:
            let y = transform.y.position(value)
            guard y.isFinite, y >= clipRect.minY - 1, y <= clipRect.maxY + 1 else { return }
            canvas.move(to: PagePoint(x: clipRect.minX, y: y))
            canvas.line(to: PagePoint(x: clipRect.maxX, y: y))
        case .vertical:
            let x = transform.x.position(value)
            guard x.isFinite, x >= clipRect.minX - 1, x <= clipRect.maxX + 1 else { return }
            canvas.move(to: PagePoint(x: x, y: clipRect.minY))
            canvas.line(to: PagePoint(x: x, y: clipRect.maxY))
        }
        canvas.setColor(color)
        canvas.setLineWidth(lineWidth)
        canvas.setDash(style.dashes(lineWidth: lineWidth))
        canvas.stroke()
        canvas.setDash([])
    }

    var legendEntry: LegendEntry? {
        label.map { LegendEntry(label: $0, symbol: .line(color: color, width: lineWidth, style: style, marker: .none, markerSize: 0)) }
    }
}
