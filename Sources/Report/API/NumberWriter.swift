/// Writes the numbers of one document: ``NumberFormat`` bound to the document's language, for prose, table
/// cells built by hand, figure labels and math.
///
/// An experiment makes one, in the language it gives its `Document`, and writes every number it computes
/// through it, so that prose, tables and formulas agree digit for digit:
///
/// ```swift
/// static let numbers = NumberWriter(language: .english)
/// Prose("SGD ends at validation loss \(numbers.text(loss, .fixed(4))), "
///       + "a gap of $\(numbers.math(gap, .scientific(1)))$.")
/// ```
public struct NumberWriter: Sendable {
    /// The document's language.
    public let language: DocumentLanguage

    /// - Parameter language: The language of the document the numbers go into.
    public init(language: DocumentLanguage) {
        self.language = language
    }

    /// `value` as text (tables, prose outside math, figure labels), with a true minus sign.
    public func text(_ value: Double, _ format: NumberFormat) -> String {
        format.text(value, language: language)
    }

    /// An integer as text; ``NumberFormat/groupedInteger`` writes `12,345`.
    public func text(_ value: Int, _ format: NumberFormat = .integer) -> String {
        format.text(Double(value), language: language)
    }

    /// `value` as LaTeX for math inside `$…$`.
    public func math(_ value: Double, _ format: NumberFormat) -> String {
        format.math(value, language: language)
    }

    /// A point as text, `(x, y)`, both coordinates in `format`; nil is written `—`.
    public func text(_ point: SIMD2<Double>?, _ format: NumberFormat) -> String {
        guard let point else { return "—" }
        return "(\(text(point.x, format)), \(text(point.y, format)))"
    }

    /// A point as LaTeX, `(x, y)`, both coordinates in `format`.
    public func math(_ point: SIMD2<Double>, _ format: NumberFormat) -> String {
        "(\(math(point.x, format)), \(math(point.y, format)))"
    }
}
