import Foundation

extension Dataset {
    /// Loads a data set from a CSV file with a header line, choosing input and target columns by name.
    ///
    /// The file is read as described in ``init(csvData:fileName:inputColumns:targetColumns:options:)``.
    /// - Parameters:
    ///   - url: The file. Errors name it by `url.relativePath`, so a relative URL gives a short name.
    ///   - inputColumns: Header names of the input columns, in the order wanted (at least one).
    ///   - targetColumns: Header names of the target columns, in the order wanted.
    ///   - options: The separator (detected by default) and the missing-value policy (reject by default).
    /// - Throws: ``CSVError``, describing the file, line and column at fault.
    public init(csvFile url: URL, inputColumns: [String], targetColumns: [String], options: CSVOptions = CSVOptions()) throws {
        let fileName = url.relativePath
        guard let contents = InputFileLedger.contents(of: url) else {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "no such file"
            throw CSVError.unreadable(file: fileName, reason: reason)
        }
        try self.init(csvData: contents, fileName: fileName, inputColumns: inputColumns, targetColumns: targetColumns,
                      options: options)
    }

    /// Parses a data set from CSV text with a header line, choosing input and target columns by name.
    /// See ``init(csvData:fileName:inputColumns:targetColumns:options:)``.
    public init(csvText text: String, fileName: String, inputColumns: [String], targetColumns: [String],
                options: CSVOptions = CSVOptions()) throws {
        try self.init(csvData: Data(text.utf8), fileName: fileName, inputColumns: inputColumns,
                      targetColumns: targetColumns, options: options)
    }

    /// Parses a data set from the bytes of a CSV file with a header line, choosing columns by name.
    ///
    /// The bytes are UTF-8, with or without a byte-order mark, or UTF-16 with one; other encodings are refused
    /// with the encoding they most likely are and the `iconv` command that converts them (``CSVEncoding``).
    /// The separator is `options.separator`, or detected from the header line (`,`, `;` or tab). The first
    /// non-blank line names the columns (names are trimmed of spaces and tabs); every later non-blank line is
    /// one sample and must have as many fields as the header. Only the chosen columns must hold numbers: a
    /// field, trimmed of spaces and tabs, is read as a `Double` (decimal or exponent notation, as `Double(_:)`
    /// reads it) and then rounded to `Scalar`; a missing value (empty, `NA`, `N/A`, `null`, `NULL`) follows
    /// `options.missingValues`; non-numeric, infinite and NaN fields are errors. Other columns may hold
    /// anything but control characters. Quoting, line endings and blank lines are as in RFC 4180 (see
    /// ``CSVTable``).
    ///
    /// Row errors do not stop the reading: up to ``CSVOptions/maximumListedErrors`` are reported together as
    /// ``CSVError/several(_:moreCount:)`` (one alone as itself). An unterminated quote or bytes that are not
    /// text stop it at once.
    ///
    /// The bytes are parsed in place, one pass, and only the chosen columns' numbers are kept: a 200 MB file
    /// takes a few seconds and little memory beyond its own size.
    /// - Parameters:
    ///   - data: The file's contents.
    ///   - fileName: How errors name the source, e.g. `"data.csv"`.
    ///   - inputColumns: Header names of the input columns, in the order wanted (at least one).
    ///   - targetColumns: Header names of the target columns, in the order wanted.
    ///   - options: The separator and the missing-value policy.
    /// - Throws: ``CSVError``, describing the file, line and column at fault.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public init(csvData data: Data, fileName: String, inputColumns: [String], targetColumns: [String],
                options: CSVOptions = CSVOptions()) throws {
        guard !inputColumns.isEmpty else { throw CSVError.noInputColumns(file: fileName) }
        let prepared = try data.withUnsafeBytes { try CSVEncoding.prepare($0, fileName: fileName) }
        let columns = inputColumns + targetColumns
        let reader: CSVColumnReader<Scalar>
        switch prepared {
        case .utf8(let offset):
            reader = try data.withUnsafeBytes { bytes in
                try CSVColumnReader(bytes: UnsafeRawBufferPointer(rebasing: bytes[offset...]), fileName: fileName,
                                    columns: columns, inputCount: inputColumns.count, options: options)
            }
        case .converted(let converted, _):
            reader = try converted.withUnsafeBytes { bytes in
                try CSVColumnReader(bytes: bytes, fileName: fileName, columns: columns, inputCount: inputColumns.count,
                                    options: options)
            }
        }
        let rows = reader.rowCount
        let inputs = reader.inputs, targets = reader.targets
        self.init(
            inputs: Matrix(rows: rows, columns: inputColumns.count, storage: inputs),
            targets: Matrix(rows: rows, columns: targetColumns.count, storage: targets),
            inputNames: inputColumns,
            targetNames: targetColumns
        )
    }
}
