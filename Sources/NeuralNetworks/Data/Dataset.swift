/// A set of samples: one row of `inputs` and one row of `targets` per sample.
///
/// Targets are always a matrix so that regression (one column of real values), binary classification (one
/// column of 0/1 labels) and multi-class classification (one-hot rows) share one type.
public struct Dataset<Scalar: BinaryFloatingPoint & Sendable>: Equatable, Sendable {
    /// One sample per row (`count × inputSize`).
    public var inputs: Matrix<Scalar>
    /// One target per row (`count × targetSize`).
    public var targets: Matrix<Scalar>
    /// Names of the input columns (e.g. from a CSV header); empty when the data has none.
    public var inputNames: [String]
    /// Names of the target columns; empty when the data has none.
    public var targetNames: [String]

    /// Creates a data set.
    /// - Precondition: `inputs` and `targets` have the same number of rows.
    public init(inputs: Matrix<Scalar>, targets: Matrix<Scalar>, inputNames: [String] = [], targetNames: [String] = []) {
        precondition(inputs.rows == targets.rows, "A data set needs one target row per input row (\(inputs.rows) inputs, \(targets.rows) targets)")
        self.inputs = inputs
        self.targets = targets
        self.inputNames = inputNames
        self.targetNames = targetNames
    }

    /// Number of samples.
    public var count: Int { inputs.rows }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        func gather(_ matrix: Matrix<Scalar>) -> Matrix<Scalar> {
            var storage: [Scalar] = []
            storage.reserveCapacity(indices.count * matrix.columns)
            for index in indices {
                storage.append(contentsOf: matrix.storage[(index * matrix.columns)..<((index + 1) * matrix.columns)])
            }
            return Matrix(rows: indices.count, columns: matrix.columns, storage: storage)
        }
        return Dataset(inputs: gather(inputs), targets: gather(targets), inputNames: inputNames, targetNames: targetNames)
    }
}
