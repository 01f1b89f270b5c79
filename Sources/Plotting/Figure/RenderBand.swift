/// One horizontal band of a raster image being drawn on its own thread: a surface over the band's rows,
/// its context and canvas. Each band is used by one thread only.
final class RenderBand: @unchecked Sendable {
    let surface: OpaquePointer?
    let context: OpaquePointer
    let canvas: Canvas

    init(surface: OpaquePointer?, context: OpaquePointer, canvas: Canvas) {
        self.surface = surface
        self.context = context
        self.canvas = canvas
    }
}
