import Foundation

extension Dataset {
    /// Loads a data set from a CSV file with a header line, choosing input and target columns by name.
    ///
    /// The file is read as UTF-8 and parsed as described in ``init(csvText:fileName:inputColumns:targetColumns:)``.
    /// - Parameters:
    ///   - url: The file. Errors name it by `url.relativePath`, so a relative URL gives a short name.
    ///   - inputColumns: Header names of the input columns, in the order wanted (at least one).
    ///   - targetColumns: Header names of the target columns, in the order wanted.
    /// - Throws: ``CSVError``, describing the file, line and column at fault.
    public init(csvFile url: URL, inputColumns: [String], targetColumns: [String]) throws {
        let fileName = url.relativePath
        guard let contents = InputFileLedger.contents(of: url) else {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "no such file"
            throw CSVError.unreadable(file: fileName, reason: reason)
        }
        try self.init(csvBytes: Array(contents), fileName: fileName, inputColumns: inputColumns, targetColumns: targetColumns)
    }

    /// Parses a data set from CSV text with a header line, choosing input and target columns by name.
    ///
    /// The first non-blank line names the columns (names are trimmed of spaces and tabs); every later non-blank
    /// line is one sample and must have as many fields as the header. Only the chosen columns must hold
    /// numbers: a field, trimmed of spaces and tabs, is read as a `Double` (decimal or exponent notation, as
    /// `Double(_:)` reads it) and then rounded to `Scalar`; empty, non-numeric, infinite and NaN fields are
    /// errors. Other columns may hold anything. Quoting, line endings and blank lines are as in RFC 4180 with
    /// CRLF, LF or CR line breaks, an optional final line break and an optional byte-order mark.
    /// - Parameters:
    ///   - text: The CSV contents.
    ///   - fileName: How errors name the source, e.g. `"data.csv"`.
    ///   - inputColumns: Header names of the input columns, in the order wanted (at least one).
    ///   - targetColumns: Header names of the target columns, in the order wanted.
    /// - Throws: ``CSVError``, describing the file, line and column at fault.
    public init(csvText text: String, fileName: String, inputColumns: [String], targetColumns: [String]) throws {
        try self.init(csvBytes: Array(text.utf8), fileName: fileName, inputColumns: inputColumns, targetColumns: targetColumns)
    }

    private init(csvBytes bytes: [UInt8], fileName: String, inputColumns: [String], targetColumns: [String]) throws {
        requirement(!inputColumns.isEmpty, "Choose at least one input column")
        let records = try CSVTable(parsing: bytes, fileName: fileName).records
        guard let header = records.first else { throw CSVError.emptyFile(file: fileName) }
        let names = header.fields.map { $0.trimmingCharacters(in: .spacesAndTabs) }

        func position(of column: String) throws -> Int {
            let matches = names.indices.filter { names[$0] == column }
            guard let first = matches.first else {
                throw CSVError.missingColumn(file: fileName, line: header.line, column: column, header: names)
            }
            guard matches.count == 1 else {
                throw CSVError.duplicateColumn(file: fileName, line: header.line, column: column)
            }
            return first
        }
        let inputPositions = try inputColumns.map(position)
        let targetPositions = try targetColumns.map(position)

        let rows = records.dropFirst()
        guard !rows.isEmpty else { throw CSVError.noDataRows(file: fileName) }
        var inputs: [Scalar] = []
        var targets: [Scalar] = []
        inputs.reserveCapacity(rows.count * inputPositions.count)
        targets.reserveCapacity(rows.count * targetPositions.count)
        for record in rows {
            guard record.fields.count == names.count else {
                throw CSVError.wrongFieldCount(file: fileName, line: record.line, expected: names.count, found: record.fields.count)
            }
            func number(at position: Int) throws -> Scalar {
                let text = record.fields[position].trimmingCharacters(in: .spacesAndTabs)
                guard let value = Double(text) else {
                    throw CSVError.notANumber(file: fileName, line: record.line, column: names[position], value: text)
                }
                guard value.isFinite else {
                    throw CSVError.notFinite(file: fileName, line: record.line, column: names[position], value: text)
                }
                return Scalar(value)
            }
            for position in inputPositions { inputs.append(try number(at: position)) }
            for position in targetPositions { targets.append(try number(at: position)) }
        }
        self.init(
            inputs: Matrix(rows: rows.count, columns: inputPositions.count, storage: inputs),
            targets: Matrix(rows: rows.count, columns: targetPositions.count, storage: targets),
            inputNames: inputColumns,
            targetNames: targetColumns
        )
    }
}

private extension CharacterSet {
    static let spacesAndTabs = CharacterSet(charactersIn: " \t")
}
