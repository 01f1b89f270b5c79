import Foundation

/// Reads the chosen numeric columns of a CSV text (UTF-8 bytes) into two arrays, row by row, collecting the
/// errors of bad rows instead of stopping at the first (see ``Dataset/init(csvData:fileName:inputColumns:targetColumns:options:)``).
struct CSVColumnReader<Scalar: BinaryFloatingPoint> {
    /// The first `inputCount` chosen columns, row-major.
    private(set) var inputs: [Scalar] = []
    /// The other chosen columns, row-major.
    private(set) var targets: [Scalar] = []
    /// Rows read (after any dropped for missing values).
    private(set) var rowCount = 0

    /// Fields that mean "no value here", after trimming (besides the empty field).
    static var missingTokens: Set<String> { csvMissingTokens }

    /// - Parameters:
    ///   - bytes: UTF-8 text without a byte-order mark.
    ///   - columns: The chosen column names: the inputs first, then the targets.
    ///   - inputCount: How many of `columns` are inputs.
    /// - Throws: ``CSVError``: one, or ``CSVError/several(_:moreCount:)``.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    init(bytes: UnsafeRawBufferPointer, fileName: String, columns: [String], inputCount: Int, options: CSVOptions) throws {
        let separator = options.separator?.rawValue ?? Self.detectSeparator(bytes)
        let table = CSVTable(bytes: bytes, separator: separator, fileName: fileName)
        var errors: [CSVError] = []
        var errorCount = 0
        func collect(_ error: CSVError) {
            errorCount += 1
            if errors.count < CSVOptions.maximumListedErrors { errors.append(error) }
        }

        var header: [String]?
        var positions: [Int] = []
        var fieldCount = 0
        let width = columns.count
        var row = [Scalar](repeating: 0, count: width)
        // For the column-mean policy: sums and counts of the values present, in Double.
        var sums = [Double](repeating: 0, count: width)
        var presentCounts = [Int](repeating: 0, count: width)
        let policy = options.missingValues

        try table.forEachRecord({ fields, line in
            guard let names = header else {
                let trimmed = fields.map { table.text(of: $0).trimmingCharacters(in: .spacesAndTabs) }
                header = trimmed
                fieldCount = trimmed.count
                positions = try columns.map { column in
                    let matches = trimmed.indices.filter { trimmed[$0] == column }
                    guard let first = matches.first else {
                        throw CSVError.missingColumn(file: fileName, line: line, column: column, header: trimmed)
                    }
                    guard matches.count == 1 else { throw CSVError.duplicateColumn(file: fileName, line: line, column: column) }
                    return first
                }
                return
            }
            guard fields.count == fieldCount else {
                collect(.wrongFieldCount(file: fileName, line: line, expected: fieldCount, found: fields.count))
                return
            }
            var rowIsUsable = true
            var rowHasMissing = false
            for (slot, position) in positions.enumerated() {
                let field = fields[position]
                let parsed: Parsed
                var text: String { table.text(of: field).trimmingCharacters(in: .spacesAndTabs) }
                if field.hasEscapedQuotes {
                    var unescaped = text
                    parsed = unescaped.withUTF8 { Self.parse(UnsafeRawBufferPointer($0), 0..<$0.count) }
                } else {
                    let range = table.trimmedRange(of: field)
                    parsed = Self.parse(table.bytes, range)
                }
                switch parsed {
                case .value(let value):
                    row[slot] = Scalar(value)
                    sums[slot] += value
                    presentCounts[slot] += 1
                case .notANumber:
                    collect(.notANumber(file: fileName, line: line, column: names[position], value: text))
                    rowIsUsable = false
                case .notFinite:
                    collect(.notFinite(file: fileName, line: line, column: names[position], value: text))
                    rowIsUsable = false
                case .missing:
                    switch policy {
                    case .reject:
                        collect(.missingValue(file: fileName, line: line, column: names[position]))
                        rowIsUsable = false
                    case .fill(let filler): row[slot] = Scalar(filler)
                    case .fillWithColumnMean: row[slot] = .nan
                    case .dropRow: rowHasMissing = true
                    }
                }
            }
            guard rowIsUsable, !rowHasMissing, errorCount == 0 else { return }
            inputs.append(contentsOf: row[0..<inputCount])
            targets.append(contentsOf: row[inputCount...])
            rowCount += 1
        }, problem: { error in collect(error) })

        guard header != nil else { throw CSVError.emptyFile(file: fileName) }
        if errorCount == 1 { throw errors[0] }
        if errorCount > 1 { throw CSVError.several(errors, moreCount: errorCount - errors.count) }
        guard rowCount > 0 else { throw CSVError.noDataRows(file: fileName) }
        if policy == .fillWithColumnMean {
            for slot in 0..<width {
                guard presentCounts[slot] > 0 else {
                    throw CSVError.allValuesMissing(file: fileName, column: columns[slot])
                }
                let mean = Scalar(sums[slot] / Double(presentCounts[slot]))
                if slot < inputCount {
                    for index in stride(from: slot, to: inputs.count, by: inputCount) where inputs[index].isNaN { inputs[index] = mean }
                } else {
                    let stride = width - inputCount
                    for index in Swift.stride(from: slot - inputCount, to: targets.count, by: stride) where targets[index].isNaN {
                        targets[index] = mean
                    }
                }
            }
        }
    }

    /// What a chosen field holds.
    enum Parsed {
        case value(Double), missing, notANumber, notFinite
    }

    /// Reads the trimmed field `bytes[range]`: empty or a missing token, else a finite `Double`. Only a field
    /// that starts with `N` or `n` can be a missing token, so the common case makes no String.
    static func parse(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Parsed {
        if range.isEmpty { return .missing }
        let first = bytes[range.lowerBound] | 0x20
        if first == UInt8(ascii: "n"), range.count <= 4,
           missingTokens.contains(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)) {
            return .missing
        }
        guard let value = CSVNumberParser.parse(bytes, range) else { return .notANumber }
        return value.isFinite ? .value(value) : .notFinite
    }

    /// The separator of the header line: of `,`, `;` and tab, the one most frequent outside quotes (`,` wins
    /// ties and when none occurs).
    static func detectSeparator(_ bytes: UnsafeRawBufferPointer) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var insideQuotes = false
        var sawText = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { insideQuotes.toggle(); continue }
            if insideQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if sawText { break }
                continue
            }
            if byte != UInt8(ascii: " ") { sawText = true }
            if CSVSeparator(rawValue: byte) != nil { counts[byte, default: 0] += 1 }
        }
        var best = CSVSeparator.comma.rawValue
        for candidate in CSVSeparator.allCases where counts[candidate.rawValue, default: 0] > counts[best, default: 0] {
            best = candidate.rawValue
        }
        return best
    }
}

/// See ``CSVColumnReader/missingTokens``; a generic type cannot hold a stored static.
private let csvMissingTokens: Set<String> = ["NA", "N/A", "null", "NULL"]

extension CharacterSet {
    static let spacesAndTabs = CharacterSet(charactersIn: " \t")
}
