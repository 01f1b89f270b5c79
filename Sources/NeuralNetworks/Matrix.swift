/// A dense, row-major matrix of `Float` or `Double` values.
///
/// Conventions follow the course notes: a dense layer computes `z = W a + b` with `W` of shape
/// `outputSize × inputSize`. A mini-batch is stored one sample per **row** (`batchSize × features`), so in
/// batched code the same layer computes `Z = A Wᵀ + 1 bᵀ`.
public struct Matrix<Scalar: BinaryFloatingPoint & Sendable>: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, row after row: entry `(i, j)` is `storage[i * columns + j]`.
    public var storage: [Scalar]

    /// Creates a matrix from its row-major entries.
    /// - Precondition: `storage.count == rows * columns`.
    public init(rows: Int, columns: Int, storage: [Scalar]) {
        requirement(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        requirement(storage.count == rows * columns, "Matrix storage has \(storage.count) entries, expected \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// Creates a matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
        self.init(rows: rows, columns: columns, storage: Array(repeating: value, count: rows * columns))
    }

    /// Creates a matrix of `count` copies of `row`, one per row: a batch that feeds the same sample many times
    /// (e.g. to average what a random layer does to it). Built here, optimised, rather than element by element
    /// in an experiment, which is compiled without optimisation.
    public init(repeatingRow row: [Scalar], count: Int) {
        requirement(count >= 0, "Matrix(repeatingRow:count:) needs a count ≥ 0, got \(count)")
        var storage: [Scalar] = []
        storage.reserveCapacity(row.count * count)
        for _ in 0..<count { storage.append(contentsOf: row) }
        self.init(rows: count, columns: row.count, storage: storage)
    }

    /// Creates a matrix from nested rows, e.g. `Matrix([[1, 2], [3, 4]])`.
    /// - Precondition: every row has the same length.
    public init(_ nestedRows: [[Scalar]]) {
        let columnCount = nestedRows.first?.count ?? 0
        requirement(nestedRows.allSatisfy { $0.count == columnCount }, "All rows of a matrix must have the same length")
        self.init(rows: nestedRows.count, columns: columnCount, storage: nestedRows.flatMap { $0 })
    }

    /// The entry in row `row` and column `column`.
    @inlinable
    public subscript(row: Int, column: Int) -> Scalar {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// The entries of one row.
    public func row(_ index: Int) -> [Scalar] {
        Array(storage[(index * columns)..<((index + 1) * columns)])
    }

    /// The rows as nested arrays (for printing and tables).
    public var nestedRows: [[Scalar]] {
        (0..<rows).map(row)
    }
}

/// `Codable` so that a stage returning a matrix can be cached.
extension Matrix: Codable where Scalar: Codable {}
