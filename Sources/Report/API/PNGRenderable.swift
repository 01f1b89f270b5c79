import Foundation

/// Anything that can draw itself as a PNG image, e.g. a plotting figure.
///
/// ``FigureBlock`` accepts any conforming value, so a plotting type joins the document model with a one-line
/// conformance (`extension Figure: PNGRenderable {}`) and the report module never needs to know how it draws.
public protocol PNGRenderable {
    /// The encoded PNG file.
    /// - Returns: bytes starting with the PNG signature.
    func pngData() throws -> Data
}
