/// Element-wise helpers the engine and its callers use on whole matrices.
extension Matrix {
    /// The transpose, `columns × rows`.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns { result.storage[j * rows + i] = storage[i * columns + j] }
        }
        return result
    }

    /// The Frobenius norm `√(Σᵢⱼ xᵢⱼ²)`, accumulated in `Double`.
    public var frobeniusNorm: Double {
        storage.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    }

    /// The same entries converted to another scalar type.
    public func converted<Other: BinaryFloatingPoint & Sendable>(to type: Other.Type = Other.self) -> Matrix<Other> {
        Matrix<Other>(rows: rows, columns: columns, storage: storage.map { Other($0) })
    }

    /// Makes `self` a `rows × columns` matrix; when the shape changes the contents become zero.
    ///
    /// The training loop keeps its buffers between steps; this is how they follow the last, smaller mini-batch
    /// and back. The storage keeps its capacity, so alternating between a full and a smaller batch allocates
    /// nothing after the first epoch.
    @inline(__always)
    mutating func ensureShape(rows newRows: Int, columns newColumns: Int) {
        if rows != newRows || columns != newColumns {
            var reused: [Scalar] = []
            swap(&reused, &storage)
            reused.removeAll(keepingCapacity: true)
            reused.append(contentsOf: repeatElement(0, count: newRows * newColumns))
            self = Matrix(rows: newRows, columns: newColumns, storage: reused)
        }
    }
}

extension Matrix {
    /// The sum of each column, Σᵢ Aᵢⱼ, added row by row.
    public func columnSums() -> [Double] {
        var sums = Array(repeating: 0.0, count: columns)
        for row in 0..<rows {
            for column in 0..<columns { sums[column] += Double(storage[row * columns + column]) }
        }
        return sums
    }

    /// How many entries of each column are not zero.
    public func nonzeroCountsPerColumn() -> [Int] {
        var counts = Array(repeating: 0, count: columns)
        for row in 0..<rows {
            for column in 0..<columns where storage[row * columns + column] != 0 { counts[column] += 1 }
        }
        return counts
    }
}
