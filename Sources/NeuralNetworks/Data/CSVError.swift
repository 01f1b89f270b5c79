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
    /// No input column was asked for.
    case noInputColumns(file: String)
    /// A control character (NUL, for one) where text belongs; `column` counts characters from 1.
    case controlCharacter(file: String, line: Int, column: Int, byte: UInt8)
    /// The bytes are not UTF-8 (nor UTF-16 with a byte-order mark); `likelyEncoding` is the best guess, if any.
    case notUTF8(file: String, line: Int, column: Int, likelyEncoding: String?)
    /// A field of a requested column is missing (empty, `NA`, `N/A`, `null`) and the policy is to reject it.
    case missingValue(file: String, line: Int, column: String)
    /// Every value of a column is missing, so its mean cannot fill them.
    case allValuesMissing(file: String, column: String)
    /// Several of the errors above, in file order: the first ``CSVOptions/maximumListedErrors`` of them and
    /// how many more there were.
    case several([CSVError], moreCount: Int)

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
        case let .noInputColumns(file):
            return "\(file): no input columns were chosen; name at least one column of the header as input"
        case let .controlCharacter(file, line, column, byte):
            let name = byte == 0 ? "NUL" : byte == 0x7F ? "DEL" : String(format: "U+%04X", byte)
            return "\(file):\(line):\(column): control character \(name) (byte 0x\(String(format: "%02X", byte))) in the text; "
                + "a CSV file holds none: is it a binary file, or saved in another encoding?"
        case let .notUTF8(file, line, column, likelyEncoding):
            guard let likelyEncoding else {
                return "\(file):\(line):\(column): the file is not valid UTF-8 or UTF-16 text"
            }
            let source = CSVEncoding.iconvName(likelyEncoding)
            let converted = (file as NSString).deletingPathExtension + "-utf8.csv"
            let origin = likelyEncoding.hasPrefix("GBK") ? ", as Excel saves CSV on Chinese Windows"
                : likelyEncoding.hasPrefix("UTF-16") ? " without a byte-order mark" : ""
            return "\(file):\(line):\(column): the file is not UTF-8; it looks like \(likelyEncoding)\(origin). "
                + "Convert it with: iconv -f \(source) -t UTF-8 \(file) > \(converted)"
        case let .missingValue(file, line, column):
            return "\(file):\(line): column \(quoted(column)): the value is missing; fix the file, or choose a policy with "
                + "CSVOptions(missingValues: .fill(0)), .fillWithColumnMean or .dropRow"
        case let .allValuesMissing(file, column):
            return "\(file): column \(quoted(column)): every value is missing, so there is no mean to fill them with"
        case let .several(errors, moreCount):
            let total = errors.count + moreCount
            var lines = ["\(errors.first?.fileName ?? "CSV"): \(total) problems" + (moreCount > 0 ? ", the first \(errors.count):" : ":")]
            lines += errors.map { "  " + $0.description }
            if moreCount > 0 { lines.append("  … and \(moreCount) more") }
            return lines.joined(separator: "\n")
        }
    }

    public var errorDescription: String? { description }

    /// The file the error is about.
    var fileName: String {
        switch self {
        case let .unreadable(file, _), let .emptyFile(file), let .noDataRows(file), let .missingColumn(file, _, _, _),
             let .duplicateColumn(file, _, _), let .wrongFieldCount(file, _, _, _), let .notANumber(file, _, _, _),
             let .notFinite(file, _, _, _), let .unterminatedQuote(file, _), let .textAfterClosingQuote(file, _, _),
             let .noInputColumns(file), let .controlCharacter(file, _, _, _), let .notUTF8(file, _, _, _),
             let .missingValue(file, _, _), let .allValuesMissing(file, _):
            return file
        case let .several(errors, _):
            return errors.first?.fileName ?? ""
        }
    }

    private func quoted(_ text: String) -> String { "\"\(text)\"" }
}
