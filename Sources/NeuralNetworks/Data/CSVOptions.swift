/// How ``Dataset`` reads a CSV file: the separator, and what to do with missing values.
///
/// ```swift
/// let data = try Dataset<Float>(csvFile: url, inputColumns: ["x1", "x2"], targetColumns: ["y"],
///                               options: CSVOptions(separator: .semicolon, missingValues: .fillWithColumnMean))
/// ```
public struct CSVOptions: Sendable, Equatable {
    /// The character between fields, or nil to detect it from the header line: of `,`, `;` and tab, the one
    /// that occurs most often outside quotes (`,` when none does, or on a tie with it).
    public var separator: CSVSeparator?
    /// What a missing value (an empty field, `NA`, `N/A`, `null` or `NULL`) in a chosen column becomes.
    public var missingValues: MissingValuePolicy

    /// At most this many errors are listed at once; a file with more says how many more there were.
    public static let maximumListedErrors = 20

    public init(separator: CSVSeparator? = nil, missingValues: MissingValuePolicy = .reject) {
        self.separator = separator
        self.missingValues = missingValues
    }
}
