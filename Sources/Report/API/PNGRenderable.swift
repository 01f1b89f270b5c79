import Foundation

/// Anything that can draw itself as a PNG image, e.g. a plotting figure.
///
/// ``FigureBlock`` accepts any conforming value, so a plotting type joins the document model with a one-line
/// conformance (`extension Figure: PNGRenderable {}`) and the report module never needs to know how it draws.
public protocol PNGRenderable {
    /// The encoded PNG file.
    /// - Returns: bytes starting with the PNG signature.
    func pngData() throws -> Data
    /// The PNG a written report embeds: smaller where the type can make it so without visible loss.
    /// - Returns: bytes starting with the PNG signature; ``pngData()`` unless the type says otherwise.
    func documentPNGData() throws -> Data

    /// Image pixels per CSS pixel: 2 for a figure drawn at twice its layout size for sharp screens and print.
    /// The HTML shows the figure at its layout size (pixels ÷ scale), so text is the same size in every figure.
    var pixelsPerPoint: Double { get }
}

extension PNGRenderable {
    /// The PNG as ``pngData()`` writes it, unless the type says otherwise.
    public func documentPNGData() throws -> Data { try pngData() }

    /// One image pixel per CSS pixel, unless the type says otherwise.
    public var pixelsPerPoint: Double { 1 }
}
