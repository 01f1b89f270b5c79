/// The bands between contour levels of a grid, each filled with its own colour.
///
/// On pixels it draws a raster (computed once, shared by the render bands); in SVG and PDF it draws paths:
/// band k's colour fills the whole set {f ≥ b_k} of its lower boundary b_k, from the lowest band up, so each
/// band is painted over the one below it and no background shows through a seam between two bands.
///
/// - Note: Because the bands overlap, a colour map with translucent colours would stack them in SVG and PDF;
///   fading goes through `opacity`, which fades the stack as a whole.
struct FilledContourArtist: Artist {
    var grid: ScalarGrid
    /// The lower boundary of each band, increasing (the first at or below the grid's smallest value).
    var lowerBoundaries: [Double]
    /// Band colours, one per boundary.
    var colors: [Color]
    /// Opacity of the whole fill: the bands are drawn opaque as one group, then faded together.
    var opacity: Double
    /// The same bands as pixels, for image surfaces.
    var raster: ImageArtist

    /// Largest distance, in page units, between a drawn band edge and the traced one.
    static let simplificationTolerance = 0.05

    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds {
        raster.dataBounds(xScale: xScale, yScale: yScale)
    }

    var wantsTightLimits: Bool { true }

    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme) {
        guard canvas.drawsVectors else {
            raster.draw(on: canvas, transform: transform, clipRect: clipRect, theme: theme)
            return
        }
        let regions = MarchingSquares.superlevelBoundaries(in: grid, levels: lowerBoundaries)
        if opacity < 1 { canvas.beginGroup() }
        for (loops, color) in zip(regions, colors) {
            canvas.newPath()
            for loop in loops {
                // Points without a position (non-positive values on a log axis) are left out of the outline.
                let points = loop.x.indices.compactMap { transform.point(loop.x[$0], loop.y[$0]) }
                let outline = PolylinePainter.simplified(points, tolerance: Self.simplificationTolerance)
                guard outline.count > 2 else { continue }
                canvas.move(to: outline[0])
                for point in outline.dropFirst() { canvas.line(to: point) }
                canvas.closePath()
            }
            canvas.setColor(color)
            canvas.fillEvenOdd()
        }
        if opacity < 1 { canvas.endGroup(opacity: opacity) }
    }
}
