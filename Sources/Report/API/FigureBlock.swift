import Foundation

/// A figure: a PNG image with a numbered caption, referenced from prose as `@fig:<name>`.
///
/// The image is produced when the document is written, once, and used by both writers: it is saved as
/// `figures/<name>.png` (linked from the Markdown) and embedded as a `data:` URI in the HTML.
public struct FigureBlock: DocumentComponent {
    let name: String
    let caption: String
    let render: () throws -> Data
    /// Image pixels per CSS pixel; the HTML shows the image at its pixel size divided by this.
    let pixelsPerPoint: Double

    /// Creates a figure from a closure that returns PNG bytes.
    /// - Parameters:
    ///   - name: the figure's name, unique among figures: lowercase letters, digits and `-` (it becomes the file
    ///     name and the reference target).
    ///   - caption: Markdown for the caption, which may contain math and references; the writers put
    ///     "Figure n." / "图 n" before it.
    ///   - pixelsPerPoint: image pixels per CSS pixel (2 for an image drawn at twice its layout size).
    ///   - png: returns the encoded PNG; an error it throws is reported naming the figure.
    public init(name: String, caption: String, pixelsPerPoint: Double = 1, png: @escaping () throws -> Data) {
        self.name = name
        self.caption = caption
        self.pixelsPerPoint = pixelsPerPoint
        render = png
    }

    /// Creates a figure from anything that renders to PNG, such as a plotting figure.
    /// - Parameters:
    ///   - name: the figure's name (see ``init(name:caption:png:)``).
    ///   - caption: Markdown for the caption.
    ///   - figure: the image source; it is asked for its PNG once, when the document is written.
    public init(name: String, caption: String, _ figure: some PNGRenderable) {
        self.init(name: name, caption: caption, pixelsPerPoint: figure.pixelsPerPoint, png: { try figure.documentPNGData() })
    }

    public var documentNode: DocumentNode { DocumentNode(kind: .figure(self)) }
}
