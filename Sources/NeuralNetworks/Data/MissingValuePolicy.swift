/// What a missing value in a chosen CSV column becomes. There is no silent default: without a policy, a
/// missing value is an error naming its line and column.
public enum MissingValuePolicy: Sendable, Equatable {
    /// An error (``CSVError/missingValue(file:line:column:)``).
    case reject
    /// This value.
    case fill(Double)
    /// The mean of the column's values that are present (computed in `Double`).
    case fillWithColumnMean
    /// The row is left out of the data set.
    case dropRow
}
