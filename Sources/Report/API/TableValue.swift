/// One cell of a table: text or a number, formatted by its column's ``NumberFormat``.
public enum TableValue: Sendable, Equatable {
    /// Plain text; Markdown and HTML special characters are escaped by the writers.
    case text(String)
    /// A number, written with the column's format.
    case number(Double)
    /// An integer, written as is unless the column's format says otherwise.
    case integer(Int)
    /// An empty cell.
    case empty

    /// Whether the value is numeric, which makes its column right-aligned by default.
    var isNumeric: Bool {
        switch self {
        case .number, .integer: return true
        case .text, .empty: return false
        }
    }

    /// The cell's text.
    /// - Parameters:
    ///   - format: the column's number format.
    ///   - language: the document's language.
    /// - Returns: the text to show.
    func formatted(with format: NumberFormat, language: DocumentLanguage) -> String {
        switch self {
        case .text(let text): return text
        case .number(let value): return format.text(value, language: language)
        case .integer(let value):
            return format == .automatic ? NumberFormat.withMinusSign(String(value))
                : format.text(Double(value), language: language)
        case .empty: return ""
        }
    }
}

/// A value that can be shown in a table cell.
public protocol TableCellConvertible {
    /// The cell for this value.
    var tableValue: TableValue { get }
}

extension TableValue: TableCellConvertible {
    public var tableValue: TableValue { self }
}

extension String: TableCellConvertible {
    public var tableValue: TableValue { .text(self) }
}

extension Substring: TableCellConvertible {
    public var tableValue: TableValue { .text(String(self)) }
}

extension Double: TableCellConvertible {
    public var tableValue: TableValue { .number(self) }
}

extension Float: TableCellConvertible {
    public var tableValue: TableValue { .number(Double(self)) }
}

extension Int: TableCellConvertible {
    public var tableValue: TableValue { .integer(self) }
}

extension Optional: TableCellConvertible where Wrapped: TableCellConvertible {
    public var tableValue: TableValue { self?.tableValue ?? .empty }
}
