/// Matrix products for the training engine: `C ← α·op(A)·op(B) + β·C`, row-major.
///
/// Products go to OpenBLAS (`cblas_sgemm`/`cblas_dgemm`) unless they have fewer multiply-adds than
/// ``Matrix/blasThreshold``; below it a plain loop runs, written so the compiler vectorises it. The
/// `training-benchmark` executable times both at the shapes of the benchmark networks: on our machines OpenBLAS
/// (with its small-matrix kernels) is faster at every size, from 32×2·(2×16) upwards, so the threshold is 0.
/// The loop stays as the independent reference the tests compare BLAS with (`useBLAS: false`).
extension Matrix where Scalar: TrainingScalar {
    /// Products with fewer multiply-adds (m·n·k) than this run in the built-in loop; others call BLAS.
    ///
    /// 0, so every product goes to BLAS: `training-benchmark --products` measured OpenBLAS faster than the loop
    /// at every shape of the benchmark networks. A constant rather than a setting, so that no code can change
    /// the arithmetic of every other training run in the process; pass `useBLAS:` to choose for one call.
    public static var blasThreshold: Int { 0 }

    /// Computes `C ← α·op(A)·op(B) + β·C` where `op(X)` is `X` or `Xᵀ`.
    ///
    /// - Parameters:
    ///   - a: The left factor, used transposed when `transposeA` is true.
    ///   - b: The right factor, used transposed when `transposeB` is true.
    ///   - c: The result; it must already have the shape of `op(A)·op(B)` (it is read when `beta ≠ 0`).
    ///   - alpha: Factor on the product.
    ///   - beta: Factor on the previous contents of `c`; 0 overwrites it (even if it held NaN).
    ///   - useBLAS: Forces BLAS (`true`) or the loop (`false`); `nil` chooses by ``blasThreshold``.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func multiply(
        _ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false,
        into c: inout Matrix, alpha: Scalar = 1, beta: Scalar = 0, useBLAS: Bool? = nil
    ) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        let kB = transposeB ? b.columns : b.rows
        requirement(k == kB, "Inner dimensions differ: op(A) is \(m)×\(k), op(B) is \(kB)×\(n)")
        requirement(c.rows == m && c.columns == n, "Result is \(c.rows)×\(c.columns), expected \(m)×\(n)")
        if m == 0 || n == 0 { return }
        let blas = useBLAS ?? (m * n * k >= blasThreshold)
        let lda = a.columns, ldb = b.columns
        a.storage.withUnsafeBufferPointer { aBuffer in
            b.storage.withUnsafeBufferPointer { bBuffer in
                c.storage.withUnsafeMutableBufferPointer { cBuffer in
                    let pa = aBuffer.baseAddress!, pb = bBuffer.baseAddress!, pc = cBuffer.baseAddress!
                    if blas && k > 0 {
                        Scalar.blasMultiply(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                                            alpha: alpha, a: pa, leadingA: lda, b: pb, leadingB: ldb,
                                            beta: beta, c: pc, leadingC: n)
                    } else {
                        loopMultiply(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                                     a: pa, lda: lda, b: pb, ldb: ldb, beta: beta, c: pc)
                    }
                }
            }
        }
    }

    /// The product `op(A)·op(B)` as a new matrix.
    public static func product(_ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false) -> Matrix {
        var c = Matrix(rows: transposeA ? a.columns : a.rows, columns: transposeB ? b.rows : b.columns)
        multiply(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
        return c
    }

    // The loop keeps every inner loop contiguous: rows of C are updated by rows of B ("axpy" form) where B is
    // not transposed, and where it is (C = A·Bᵀ) the inner loop is a dot product of two stored rows, summed in
    // eight independent lanes so it vectorises without reordering a single accumulator.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func loopMultiply(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Scalar,
        a: UnsafePointer<Scalar>, lda: Int, b: UnsafePointer<Scalar>, ldb: Int,
        beta: Scalar, c: UnsafeMutablePointer<Scalar>
    ) {
        if beta == 0 {
            c.update(repeating: 0, count: m * n)
        } else if beta != 1 {
            for index in 0..<(m * n) { c[index] *= beta }
        }
        switch (transposeA, transposeB) {
        case (false, false):
            for i in 0..<m {
                let cRow = c + i * n
                for p in 0..<k {
                    let factor = alpha * a[i * lda + p]
                    let bRow = b + p * ldb
                    for j in 0..<n { cRow[j] += factor * bRow[j] }
                }
            }
        case (true, false):
            for p in 0..<k {
                let bRow = b + p * ldb
                for i in 0..<m {
                    let factor = alpha * a[p * lda + i]
                    let cRow = c + i * n
                    for j in 0..<n { cRow[j] += factor * bRow[j] }
                }
            }
        case (false, true) where k < 8:
            // Too short for vector lanes: a plain dot product.
            for i in 0..<m {
                let aRow = a + i * lda
                for j in 0..<n {
                    let bRow = b + j * ldb
                    var sum: Scalar = 0
                    for p in 0..<k { sum += aRow[p] * bRow[p] }
                    c[i * n + j] += alpha * sum
                }
            }
        case (false, true):
            for i in 0..<m {
                let aRow = a + i * lda
                for j in 0..<n {
                    c[i * n + j] += alpha * dot(aRow, b + j * ldb, count: k)
                }
            }
        case (true, true):
            for i in 0..<m {
                for j in 0..<n {
                    var sum: Scalar = 0
                    for p in 0..<k { sum += a[p * lda + i] * b[j * ldb + p] }
                    c[i * n + j] += alpha * sum
                }
            }
        }
    }

    @inline(__always)
    static func dot(_ x: UnsafePointer<Scalar>, _ y: UnsafePointer<Scalar>, count: Int) -> Scalar {
        var lanes = SIMD8<Scalar>(repeating: 0)
        var index = 0
        let rawX = UnsafeRawPointer(x), rawY = UnsafeRawPointer(y)
        let stride = MemoryLayout<Scalar>.stride
        while index + 8 <= count {
            let xs = rawX.loadUnaligned(fromByteOffset: index * stride, as: SIMD8<Scalar>.self)
            let ys = rawY.loadUnaligned(fromByteOffset: index * stride, as: SIMD8<Scalar>.self)
            lanes += xs * ys
            index += 8
        }
        var sum = lanes.sum()
        while index < count {
            sum += x[index] * y[index]
            index += 1
        }
        return sum
    }
}
