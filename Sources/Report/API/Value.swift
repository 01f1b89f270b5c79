/// A computed value with a name, for Markdown prose to place: `{{value: final-loss}}`.
///
/// ```swift
/// Value("final-loss", history.last!.loss, format: .fixed(4))
/// Value("epochs", epochs)
/// Value("outcome", lossAfter < lossBefore ? "falls" : "rises")
/// ```
///
/// A value stands among a document's blocks but writes nothing where it stands: it defines a name that
/// ``Prose``, captions, included files and the Markdown of ``Document/init(title:markdown:language:seed:includesReproducibilityAppendix:parts:)``
/// use as `{{value: name}}`. A number is written with its ``NumberFormat`` — in text as the format writes it
/// (`−0.1235`, `1.2 × 10⁻⁴`, `95.3%`), inside math as TeX (`-0.1235`, `1.2 \times 10^{-4}`, `95.3\%`; see ``NumberFormat/math(_:language:)``), so
/// `$L = {{value: final-loss}}$` is a formula. Text is inserted as written, as Markdown outside math and as
/// TeX inside it; it may not span lines, so line numbers in messages stay those of the file.
///
/// Names are unique among values and spelled like figure names (ASCII letters, digits, `-`, `_`). A value no
/// prose uses is reported as a warning when the document is written.
public struct Value: DocumentComponent {
    let name: String
    let content: TableValue
    let format: NumberFormat

    /// Creates a named value.
    /// - Parameters:
    ///   - name: the name prose uses in `{{value: name}}`.
    ///   - value: a number (written with `format`) or a string (inserted as written).
    ///   - format: how a number is written; ignored for text.
    public init(_ name: String, _ value: some TableCellConvertible, format: NumberFormat = .automatic) {
        self.name = name
        content = value.tableValue
        self.format = format
    }

    public var documentNode: DocumentNode { DocumentNode(kind: .value(self)) }

    /// The value as it is written in text (Markdown) and inside math (TeX), in a document of `language` (which
    /// sets the space before `%`; see ``NumberFormat``).
    func written(language: DocumentLanguage) -> (text: String, tex: String) {
        switch content {
        case .text(let text): return (text, text)
        case .number(let number): return (format.text(number, language: language), format.math(number, language: language))
        case .integer(let integer):
            let text = content.formatted(with: format, language: language)
            return (text, format == .automatic ? String(integer) : format.math(Double(integer), language: language))
        case .empty: return ("", "")
        }
    }
}
