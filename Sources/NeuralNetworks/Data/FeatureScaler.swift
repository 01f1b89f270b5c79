/// A per-column transformation whose statistics were fitted on one matrix (the training data) and are kept,
/// so that validation, test and new data are transformed with the same numbers.
///
/// Fitting on the training set only keeps information from the held-out sets out of training.
public protocol FeatureScaler: Equatable, Sendable {
    /// The scalar type of the matrices this scaler transforms.
    associatedtype Scalar: BinaryFloatingPoint & Sendable

    /// Number of columns the scaler was fitted on (and accepts).
    var columnCount: Int { get }

    /// Scales each column with the fitted statistics.
    /// - Parameter matrix: A matrix with ``columnCount`` columns.
    /// - Returns: The scaled matrix, of the same shape.
    func transform(_ matrix: Matrix<Scalar>) -> Matrix<Scalar>

    /// Undoes ``transform(_:)``, e.g. to report predicted targets in their original units.
    /// - Parameter matrix: A matrix with ``columnCount`` columns, in scaled units.
    /// - Returns: The matrix in original units.
    func inverseTransform(_ matrix: Matrix<Scalar>) -> Matrix<Scalar>
}

extension FeatureScaler {
    /// Applies `scale(x, column)` to every entry; shared by the conforming types.
    func mapEntries(of matrix: Matrix<Scalar>, _ scale: (Scalar, Int) -> Scalar) -> Matrix<Scalar> {
        requirement(matrix.columns == columnCount, "\(Self.self) was fitted on \(columnCount) columns, got a matrix with \(matrix.columns)")
        var result = matrix
        for row in 0..<matrix.rows {
            for column in 0..<matrix.columns {
                result[row, column] = scale(matrix[row, column], column)
            }
        }
        return result
    }
}
