import Foundation
import Plotting

/// A plotting figure goes straight into a ``FigureBlock``: `FigureBlock(name:caption:figure)`.
extension Figure: PNGRenderable {
    /// A figure renders at `deviceScale` pixels per point (2 by default).
    public var pixelsPerPoint: Double { deviceScale }

    /// A report embeds the figure through a palette where that is visually lossless (``PNGCompression/palette``):
    /// about a third of the lossless size, which keeps a self-contained `report.html` small.
    public func documentPNGData() throws -> Data { try pngData(compression: .palette) }
}
