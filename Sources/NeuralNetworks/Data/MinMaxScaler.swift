/// Min-max normalisation: each column mapped linearly so that its fitted minimum and maximum land on the ends
/// of a target interval [a, b] (by default [0, 1]), with the statistics fitted once and kept.
///
/// For column j with fitted minimum m_j and maximum M_j:
///
///     x' = a + (x − m_j) · (b − a) / d_j,     x = m_j + (x' − a) · d_j / (b − a)  (inverse),
///     d_j = M_j − m_j if M_j > m_j, else 1.
///
/// This is the `(X − X_min) / (X_max − X_min)` of notes 004 when [a, b] = [0, 1].
/// - Note: Data other than the fitting data may fall outside [a, b]; it is not clipped (as scikit-learn's
///   `MinMaxScaler(clip=False)`). A constant column (M_j = m_j) has its range taken as 1, as in scikit-learn,
///   so its fitted values map to a and other data is shifted by m_j and scaled by b − a.
public struct MinMaxScaler<Scalar: BinaryFloatingPoint & Sendable>: FeatureScaler {
    /// The fitted column minima m_j.
    public let minimums: [Scalar]
    /// The fitted column maxima M_j.
    public let maximums: [Scalar]
    /// The target interval [a, b].
    public let targetRange: ClosedRange<Scalar>

    public var columnCount: Int { minimums.count }

    /// Fits the column minima and maxima of `matrix`.
    /// - Parameters:
    ///   - matrix: The fitting data, usually the training inputs, with at least one row.
    ///   - targetRange: [a, b] with a < b; [0, 1] unless stated ([−1, 1] is the other common choice).
    public init(fittedTo matrix: Matrix<Scalar>, targetRange: ClosedRange<Scalar> = 0...1) {
        requirement(matrix.rows >= 1, "Fitting a min-max scaler needs at least one row")
        requirement(targetRange.lowerBound < targetRange.upperBound, "The target range of a min-max scaler must have a < b, got \(targetRange)")
        minimums = (0..<matrix.columns).map { column in (0..<matrix.rows).map { matrix[$0, column] }.min()! }
        maximums = (0..<matrix.columns).map { column in (0..<matrix.rows).map { matrix[$0, column] }.max()! }
        self.targetRange = targetRange
    }

    /// x' = a + (x − m_j) · (b − a) / d_j for every entry.
    public func transform(_ matrix: Matrix<Scalar>) -> Matrix<Scalar> {
        let width = targetRange.upperBound - targetRange.lowerBound
        return mapEntries(of: matrix) { value, column in
            targetRange.lowerBound + (value - minimums[column]) * width / dataRange(column)
        }
    }

    /// x = m_j + (x' − a) · d_j / (b − a) for every entry.
    public func inverseTransform(_ matrix: Matrix<Scalar>) -> Matrix<Scalar> {
        let width = targetRange.upperBound - targetRange.lowerBound
        return mapEntries(of: matrix) { value, column in
            minimums[column] + (value - targetRange.lowerBound) * dataRange(column) / width
        }
    }

    private func dataRange(_ column: Int) -> Scalar {
        maximums[column] > minimums[column] ? maximums[column] - minimums[column] : 1
    }
}
