import Plotting

/// A plotting figure goes straight into a ``FigureBlock``: `FigureBlock(name:caption:figure)`.
extension Figure: PNGRenderable {
    /// A figure renders at `deviceScale` pixels per point (2 by default).
    public var pixelsPerPoint: Double { deviceScale }
}
