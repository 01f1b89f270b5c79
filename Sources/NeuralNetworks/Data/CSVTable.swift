/// The records of a CSV text, parsed as RFC 4180 with the usual liberties, in one pass over the bytes and
/// without copying them: a record is a list of byte ranges, and text is made only for the fields asked for.
///
/// - Fields are separated by `separator` (`,`, `;` or tab); records end at LF, CRLF or a lone CR; a final line
///   break is optional.
/// - A field that starts with `"` (after spaces or tabs) is quoted: it may hold separators, line breaks and
///   `""` (one literal quote), and ends at the next lone `"`; only spaces or tabs may follow before the next
///   separator.
/// - A `"` inside an unquoted field is kept literally.
/// - Blank lines (empty or only spaces and tabs) are skipped, but still counted in line numbers.
/// - The text must be UTF-8 (see ``CSVEncoding`` for the byte-order marks and conversions done before); an
///   invalid sequence stops the parse with ``CSVError/notUTF8(file:line:column:likelyEncoding:)``. Control
///   characters other than tab, LF and CR (NUL, for one, which C-based readers take as the end of a field) are
///   reported per record through `problem`.
struct CSVTable {
    /// One field: its bytes `start..<end` (inside the quotes for a quoted field).
    struct Field {
        var start: Int
        var end: Int
        var isQuoted: Bool
        /// Whether the quoted field holds `""`, so its text must be unescaped.
        var hasEscapedQuotes: Bool
    }

    let bytes: UnsafeRawBufferPointer
    let separator: UInt8
    let fileName: String

    private static let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// Calls `record` for every non-blank record with its fields and the 1-based line it starts on, and
    /// `problem` for a record that holds a control character or text after a closing quote (that record is
    /// then not passed on).
    /// - Throws: ``CSVError/unterminatedQuote(file:line:)`` and ``CSVError/notUTF8(file:line:column:likelyEncoding:)``,
    ///   which end the parse, and whatever the closures throw.
    func forEachRecord(_ record: (_ fields: [Field], _ line: Int) throws -> Void,
                       problem: (CSVError) throws -> Void) throws {
        let count = bytes.count
        var index = 0
        var line = 1
        var lineStart = 0
        var fields: [Field] = []
        fields.reserveCapacity(16)
        let separator = self.separator
        let skipsTabs = separator != Self.tab

        @inline(__always) func isPadding(_ byte: UInt8) -> Bool { byte == Self.space || (byte == Self.tab && skipsTabs) }

        while index < count {
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            var recordProblem: CSVError?

            /// Checks a byte that is not plain printable ASCII; returns how many bytes it takes.
            func inspect(_ position: Int) throws -> Int {
                let byte = bytes[position]
                if byte >= 0x80 {
                    let length = CSVEncoding.utf8SequenceLength(bytes, at: position)
                    guard length > 0 else {
                        throw CSVError.notUTF8(file: fileName, line: line, column: column(of: position, lineStart: lineStart),
                                               likelyEncoding: CSVEncoding.guessEncoding(of: bytes))
                    }
                    return length
                }
                if (byte < 0x20 && byte != Self.tab && byte != Self.lineFeed && byte != Self.carriageReturn) || byte == 0x7F {
                    if recordProblem == nil {
                        recordProblem = .controlCharacter(file: fileName, line: line,
                                                          column: column(of: position, lineStart: lineStart), byte: byte)
                    }
                }
                return 1
            }

            fieldLoop: while true {
                var probe = index
                while probe < count && isPadding(bytes[probe]) { probe += 1 }
                if probe < count && bytes[probe] == Self.quote {
                    let quoteLine = line
                    var position = probe + 1
                    let start = position
                    var hasEscapedQuotes = false
                    while true {
                        guard position < count else { throw CSVError.unterminatedQuote(file: fileName, line: quoteLine) }
                        let byte = bytes[position]
                        if byte == Self.quote {
                            if position + 1 < count && bytes[position + 1] == Self.quote {
                                hasEscapedQuotes = true
                                position += 2
                                continue
                            }
                            break
                        }
                        if byte == Self.lineFeed || (byte == Self.carriageReturn && (position + 1 == count || bytes[position + 1] != Self.lineFeed)) {
                            line += 1
                            lineStart = position + 1
                            position += 1
                            continue
                        }
                        position += (byte >= 0x20 && byte < 0x7F) ? 1 : try inspect(position)
                    }
                    fields.append(Field(start: start, end: position, isQuoted: true, hasEscapedQuotes: hasEscapedQuotes))
                    position += 1
                    while position < count && isPadding(bytes[position]) { position += 1 }
                    if position < count, bytes[position] != separator, bytes[position] != Self.lineFeed, bytes[position] != Self.carriageReturn {
                        if recordProblem == nil {
                            recordProblem = .textAfterClosingQuote(file: fileName, line: line, field: fields.count)
                        }
                        while position < count, bytes[position] != separator, bytes[position] != Self.lineFeed,
                              bytes[position] != Self.carriageReturn {
                            position += 1
                        }
                    }
                    index = position
                } else {
                    var position = index
                    while position < count {
                        let byte = bytes[position]
                        if byte == separator || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                        position += (byte >= 0x20 && byte < 0x7F) ? 1 : try inspect(position)
                    }
                    fields.append(Field(start: index, end: position, isQuoted: false, hasEscapedQuotes: false))
                    index = position
                }
                if index < count && bytes[index] == separator {
                    index += 1
                    continue fieldLoop
                }
                if index < count {
                    index += bytes[index] == Self.carriageReturn && index + 1 < count && bytes[index + 1] == Self.lineFeed ? 2 : 1
                    line += 1
                    lineStart = index
                }
                break
            }

            if let recordProblem {
                try problem(recordProblem)
                continue
            }
            if fields.count == 1 && !fields[0].isQuoted
                && (fields[0].start..<fields[0].end).allSatisfy({ isPadding(bytes[$0]) || bytes[$0] == Self.tab }) {
                continue
            }
            try record(fields, recordLine)
        }
    }

    /// The field's text, unescaped (`""` → `"`); not trimmed.
    func text(of field: Field) -> String {
        let slice = UnsafeRawBufferPointer(rebasing: bytes[field.start..<field.end])
        let text = String(decoding: slice, as: UTF8.self)
        return field.hasEscapedQuotes ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    /// The field's bytes without leading and trailing spaces and tabs.
    func trimmedRange(of field: Field) -> Range<Int> {
        var start = field.start, end = field.end
        while start < end && (bytes[start] == Self.space || bytes[start] == Self.tab) { start += 1 }
        while end > start && (bytes[end - 1] == Self.space || bytes[end - 1] == Self.tab) { end -= 1 }
        return start..<end
    }

    /// The 1-based column, in characters, of the byte at `position` on the line starting at `lineStart`.
    func column(of position: Int, lineStart: Int) -> Int {
        var characters = 1
        for offset in lineStart..<position where bytes[offset] & 0xC0 != 0x80 { characters += 1 }
        return characters
    }
}
