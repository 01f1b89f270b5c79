import Foundation

/// An arrow from a text label to a point of interest (matplotlib's `annotate` with `arrowprops`).
struct ArrowArtist: Artist {
    var text: RichText
    var target: (x: Double, y: Double)
    var textPosition: (x: Double, y: Double)
    var coordinates: Coordinates
    var color: Color?
    var size: Double?

    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds { DataBounds() }

    var isClipped: Bool { false }

    /// The label's box and the arrow's shaft, which the legend must not hide.
    func obstacleAreas(transform: DataTransform, canvas: Canvas, theme: Theme) -> [PageRect] {
        guard let anchor = TextArtist.anchor(x: textPosition.x, y: textPosition.y, coordinates: coordinates,
                                             transform: transform) else { return [] }
        return [canvas.bounds(of: text, size: size ?? theme.annotationSize, at: anchor, horizontal: .center,
                              vertical: .center)]
    }

    func obstacles(transform: DataTransform) -> [[PagePoint]] {
        guard let tip = transform.point(target.x, target.y),
              let anchor = TextArtist.anchor(x: textPosition.x, y: textPosition.y, coordinates: coordinates,
                                             transform: transform) else { return [] }
        return [[anchor, tip]]
    }

    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme) {
        guard let tip = TextArtist.anchor(x: target.x, y: target.y, coordinates: .data, transform: transform),
              let anchor = TextArtist.anchor(x: textPosition.x, y: textPosition.y, coordinates: coordinates,
                                             transform: transform) else { return }
        let size = size ?? theme.annotationSize
        let color = color ?? theme.textColor
        let box = canvas.bounds(of: text, size: size, at: anchor, horizontal: .center, vertical: .center).insetBy(-4)
        // The shaft starts where the line from the label centre to the tip leaves the label's box.
        let start = Geometry.clip(anchor, tip, to: box).map { $0.1 } ?? anchor
        let dx = tip.x - start.x
        let dy = tip.y - start.y
        let length = (dx * dx + dy * dy).squareRoot()
        if length > 6 {
            let ux = dx / length
            let uy = dy / length
            let headLength = 9.0
            let headHalfWidth = 3.6
            let base = PagePoint(x: tip.x - ux * headLength, y: tip.y - uy * headLength)
            canvas.newPath()
            canvas.move(to: start)
            canvas.line(to: base)
            canvas.setColor(color)
            canvas.setLineWidth(1.3)
            canvas.stroke()
            canvas.move(to: tip)
            canvas.line(to: PagePoint(x: base.x - uy * headHalfWidth, y: base.y + ux * headHalfWidth))
            canvas.line(to: PagePoint(x: base.x + uy * headHalfWidth, y: base.y - ux * headHalfWidth))
            canvas.closePath()
            canvas.fill()
        }
        canvas.draw(text, size: size, color: color, at: anchor, horizontal: .center, vertical: .center)
    }
}
