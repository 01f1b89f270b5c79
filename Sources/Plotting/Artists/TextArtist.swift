/// Text placed in an axes, optionally on a white box so it stays legible over data.
struct TextArtist: Artist {
    var text: RichText
    var x: Double
    var y: Double
    var coordinates: Coordinates
    var size: Double?
    var color: Color?
    var horizontal: HorizontalAlignment
    var vertical: VerticalAlignment
    var boxed: Bool

    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds { DataBounds() }

    var isClipped: Bool { false }

    static func anchor(x: Double, y: Double, coordinates: Coordinates, transform: DataTransform) -> PagePoint? {
        switch coordinates {
        case .data:
            return transform.point(x, y)
        case .axesFraction:
            return PagePoint(x: transform.x.start + x * (transform.x.end - transform.x.start),
                             y: transform.y.start + y * (transform.y.end - transform.y.start))
        }
    }

    /// A label (a bar's value, a note) must stay readable, so the legend avoids its box.
    func obstacleAreas(transform: DataTransform, canvas: Canvas, theme: Theme) -> [PageRect] {
        guard let anchor = Self.anchor(x: x, y: y, coordinates: coordinates, transform: transform) else { return [] }
        return [canvas.bounds(of: text, size: size ?? theme.annotationSize, at: anchor, horizontal: horizontal,
                              vertical: vertical)]
    }

    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme) {
        guard let anchor = Self.anchor(x: x, y: y, coordinates: coordinates, transform: transform) else { return }
        let size = size ?? theme.annotationSize
        if boxed {
            let bounds = canvas.bounds(of: text, size: size, at: anchor, horizontal: horizontal, vertical: vertical)
            canvas.newPath()
            canvas.rectangle(bounds.insetBy(-3))
            canvas.setColor(theme.legendBackground)
            canvas.fill()
        }
        canvas.draw(text, size: size, color: color ?? theme.textColor, at: anchor,
                    horizontal: horizontal, vertical: vertical)
    }
}
