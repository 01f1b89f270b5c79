import Foundation

/// Why a CSV file could not be turned into a data set; the description names the file, line and column, in
/// the `file:line: message` form of compiler diagnostics, e.g. `data.csv:17: column "price": "abc" is not a number`.
///
/// Lines are counted from 1 (the header is line 1), counting every line of the file, blank ones included. An
/// error inside a record that spans several lines (a quoted field holding a line break) names the line where
/// the record starts.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file does not exist or cannot be read.
    case unreadable(file: String, reason: String)
    /// The file holds nothing but blank lines, so it has no header.
    case emptyFile(file: String)
    /// The file has a header and no data rows.
    case noDataRows(file: String)
    /// A requested column is not in the header.
    case missingColumn(file: String, line: Int, column: String, header: [String])
    /// A requested column name appears more than once in the header, so the choice is ambiguous.
    case duplicateColumn(file: String, line: Int, column: String)
    /// A row has a different number of fields from the header.
    case wrongFieldCount(file: String, line: Int, expected: Int, found: Int)
    /// A field of a requested column does not parse as a decimal number (`value` is the field, trimmed).
    case notANumber(file: String, line: Int, column: String, value: String)
    /// A field of a requested column parses as infinity or NaN, which training cannot use.
    case notFinite(file: String, line: Int, column: String, value: String)
    /// A quoted field is still open at the end of the file.
    case unterminatedQuote(file: String, line: Int)
    /// Text follows the closing quote of a quoted field, as in `"abc"x`. `field` counts from 1.
    case textAfterClosingQuote(file: String, line: Int, field: Int)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot be read: \(reason)"
        case let .emptyFile(file):
            return "\(file): the file is empty; expected a header line naming the columns"
        case let .noDataRows(file):
            return "\(file): the file has a header but no data rows"
        case let .missingColumn(file, line, column, header):
            return "\(file):\(line): no column named \(quoted(column)); the header has \(header.map(quoted).joined(separator: ", "))"
        case let .duplicateColumn(file, line, column):
            return "\(file):\(line): column \(quoted(column)) appears more than once in the header"
        case let .wrongFieldCount(file, line, expected, found):
            return "\(file):\(line): expected \(expected) fields as in the header, found \(found)"
        case let .notANumber(file, line, column, value):
            return value.isEmpty
                ? "\(file):\(line): column \(quoted(column)): the field is empty, expected a number"
                : "\(file):\(line): column \(quoted(column)): \(quoted(value)) is not a number"
        case let .notFinite(file, line, column, value):
            return "\(file):\(line): column \(quoted(column)): \(quoted(value)) is not a finite number"
        case let .unterminatedQuote(file, line):
            return "\(file):\(line): a quoted field opened on this line is never closed"
        case let .textAfterClosingQuote(file, line, field):
            return "\(file):\(line): field \(field): unexpected text after the closing quote"
        }
    }

    public var errorDescription: String? { description }

    private func quoted(_ text: String) -> String { "\"\(text)\"" }
}
