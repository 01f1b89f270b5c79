/// The records of a CSV text, parsed as RFC 4180 with the usual liberties, each with the line it starts on.
///
/// - Fields are separated by commas; records end at LF, CRLF or a lone CR; a final line break is optional.
/// - A field that starts with `"` is quoted: it may hold commas, line breaks and `""` (one literal quote), and
///   ends at the next lone `"`; only spaces or tabs may follow before the next separator.
/// - A `"` inside an unquoted field is kept literally; a leading UTF-8 byte-order mark is skipped.
/// - Blank lines (empty or only spaces and tabs) are skipped, but still counted in line numbers.
struct CSVTable {
    /// One record: its fields and the 1-based line it starts on.
    struct Record {
        var fields: [String]
        var line: Int
    }

    /// The records in file order; the first is the header when the file has one.
    var records: [Record]

    /// Parses `bytes` (UTF-8) into records.
    /// - Parameter fileName: Names the file in errors.
    /// - Throws: ``CSVError/unterminatedQuote(file:line:)`` or ``CSVError/textAfterClosingQuote(file:line:field:)``.
    init(parsing bytes: [UInt8], fileName: String) throws {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldIsQuoted = false
        var insideQuotes = false
        var afterClosingQuote = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        // A record holding one quoted empty field (`""`) is data, not a blank line.
        var recordHasQuotedField = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldIsQuoted = false
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            let isBlank = fields.count == 1 && !fields[0].contains { $0 != " " && $0 != "\t" }
            if !isBlank || recordHasQuotedField {
                records.append(Record(fields: fields, line: recordLine))
            }
            fields.removeAll(keepingCapacity: true)
            recordHasQuotedField = false
        }

        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if insideQuotes {
                if byte == quote {
                    if index < bytes.count && bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        insideQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    if byte == lineFeed || (byte == carriageReturn && (index == bytes.count || bytes[index] != lineFeed)) {
                        line += 1
                    }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case comma:
                endField()
            case lineFeed, carriageReturn:
                if byte == carriageReturn && index < bytes.count && bytes[index] == lineFeed {
                    index += 1
                }
                endRecord()
                line += 1
                recordLine = line
            case quote where field.allSatisfy({ $0 == space || $0 == tab }) && !fieldIsQuoted:
                field.removeAll(keepingCapacity: true)
                insideQuotes = true
                fieldIsQuoted = true
                recordHasQuotedField = true
                quoteLine = line
            default:
                if afterClosingQuote {
                    if byte == space || byte == tab { continue }
                    throw CSVError.textAfterClosingQuote(file: fileName, line: line, field: fields.count + 1)
                }
                field.append(byte)
            }
        }
        if insideQuotes {
            throw CSVError.unterminatedQuote(file: fileName, line: quoteLine)
        }
        if !field.isEmpty || !fields.isEmpty || fieldIsQuoted {
            endRecord()
        }
        self.records = records
    }
}
