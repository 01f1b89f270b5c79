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
        requirement(inputs.rows == targets.rows, "A data set needs one target row per input row (\(inputs.rows) inputs, \(targets.rows) targets)")
        self.inputs = inputs
        self.targets = targets
        self.inputNames = inputNames
        self.targetNames = targetNames
    }

    /// Number of samples.
    public var count: Int { inputs.rows }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        Dataset(inputs: Self.gatherRows(of: inputs, at: indices), targets: Self.gatherRows(of: targets, at: indices),
                inputNames: inputNames, targetNames: targetNames)
    }

    // Row copies through raw buffers, pre-specialised: mini-batches are gathered every step, and the generic
    // `append(contentsOf:)` of array slices costs more than the training step of a small network.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private static func gatherRows(of matrix: Matrix<Scalar>, at indices: [Int]) -> Matrix<Scalar> {
        var result = Matrix<Scalar>(rows: 0, columns: matrix.columns)
        gatherRows(of: matrix, at: indices[...], into: &result)
        return result
    }

    /// Copies the rows `indices` of `matrix`, in that order, into `destination`, which becomes
    /// `indices.count × matrix.columns` (keeping its storage when it already has that shape).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func gatherRows(of matrix: Matrix<Scalar>, at indices: ArraySlice<Int>, into destination: inout Matrix<Scalar>) {
        let columns = matrix.columns
        destination.ensureShape(rows: indices.count, columns: columns)
        guard columns > 0, !indices.isEmpty else { return }
        matrix.storage.withUnsafeBufferPointer { source in
            destination.storage.withUnsafeMutableBufferPointer { target in
                var row = target.baseAddress!
                for index in indices {
                    requirement(index >= 0 && index < matrix.rows, "Sample index \(index) is out of range 0..<\(matrix.rows)")
                    row.update(from: source.baseAddress! + index * columns, count: columns)
                    row += columns
                }
            }
        }
    }
}

/// `Codable` so that a stage returning a data set can be cached.
extension Dataset: Codable where Scalar: Codable {}
