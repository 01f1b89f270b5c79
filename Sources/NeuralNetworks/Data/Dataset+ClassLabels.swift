extension Dataset {
    /// One-hot rows for integer class labels: row `i` is 1 in column `labels[i]` and 0 elsewhere.
    ///
    /// Y_{ik} = 1 if k = labels[i], else 0, for k ∈ 0..<classCount (the K-dimensional one-hot vector of notes 001).
    /// - Parameters:
    ///   - labels: Class indices, each in `0..<classCount`.
    ///   - classCount: The number of classes K, the number of columns.
    /// - Returns: A `labels.count × classCount` matrix.
    public static func oneHot(labels: [Int], classCount: Int) -> Matrix<Scalar> {
        requirement(classCount >= 1, "One-hot encoding needs at least one class, got \(classCount)")
        var matrix = Matrix<Scalar>(rows: labels.count, columns: classCount)
        for (row, label) in labels.enumerated() {
            requirement((0..<classCount).contains(label), "Label \(label) of row \(row) is not in 0..<\(classCount)")
            matrix[row, label] = 1
        }
        return matrix
    }

    /// The class of each row of a score matrix: argmax_k M_{ik}, the first such column on ties (as `numpy.argmax`).
    ///
    /// Turns one-hot targets back into labels, and equally the rows of predicted probabilities or logits into
    /// predicted classes (softmax is monotonic, so the argmax of the logits is the argmax of the probabilities).
    /// - Parameter matrix: One row per sample, one column per class; at least one column.
    /// - Returns: One class index per row.
    public static func argmaxLabels(of matrix: Matrix<Scalar>) -> [Int] {
        requirement(matrix.columns >= 1, "argmax needs at least one column")
        return (0..<matrix.rows).map { row in
            var best = 0
            for column in 1..<matrix.columns where matrix[row, column] > matrix[row, best] {
                best = column
            }
            return best
        }
    }

    /// Class targets in this package's encoding: one 0/1 column for two classes, one-hot rows for more.
    ///
    /// - Parameters:
    ///   - labels: Class indices, each in `0..<classCount`.
    ///   - classCount: The number of classes K ≥ 2.
    /// - Returns: `labels.count × 1` (label as 0 or 1) when K = 2, otherwise `labels.count × K` one-hot rows.
    public static func classTargets(labels: [Int], classCount: Int) -> Matrix<Scalar> {
        requirement(classCount >= 2, "Classification needs at least two classes, got \(classCount)")
        guard classCount == 2 else { return oneHot(labels: labels, classCount: classCount) }
        return Matrix(rows: labels.count, columns: 1, storage: labels.map { label in
            requirement(label == 0 || label == 1, "Binary label must be 0 or 1, got \(label)")
            return Scalar(label)
        })
    }

    /// The class label of every sample, read from the targets.
    ///
    /// With one target column the label is 1 where the target is ≥ ½ and 0 otherwise (so 0/1 labels and
    /// predicted probabilities both work); with several columns it is ``argmaxLabels(of:)`` of the targets.
    public var classLabels: [Int] {
        guard targets.columns == 1 else { return Self.argmaxLabels(of: targets) }
        return targets.storage.map { $0 >= Scalar(0.5) ? 1 : 0 }
    }
}
