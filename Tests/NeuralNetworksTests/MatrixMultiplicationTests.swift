import XCTest
@testable import NeuralNetworks

final class MatrixMultiplicationTests: XCTestCase {
    /// The textbook triple loop, as the independent reference.
    private func naiveProduct(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        (0..<a.count).map { i in (0..<b[0].count).map { j in (0..<b.count).reduce(0) { $0 + a[i][$1] * b[$1][j] } } }
    }

    private func random(_ rows: Int, _ columns: Int, _ generator: inout SeededRandomNumberGenerator) -> Matrix<Double> {
        Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in generator.nextNormal() })
    }

    func testEveryTranspositionWithLoopAndBLASAgainstTheTripleLoop() {
        var generator = SeededRandomNumberGenerator(seed: 1)
        for (m, k, n) in [(1, 1, 1), (3, 2, 4), (7, 13, 5), (16, 9, 17)] {
            let a = random(m, k, &generator), b = random(k, n, &generator)
            let expected = naiveProduct(a.nestedRows, b.nestedRows).flatMap { $0 }
            for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
                let left = transposeA ? a.transposed : a, right = transposeB ? b.transposed : b
                for useBLAS in [false, true] {
                    var c = Matrix<Double>(rows: m, columns: n, repeating: .nan)
                    Matrix.multiply(left, transposeA: transposeA, right, transposeB: transposeB, into: &c, useBLAS: useBLAS)
                    for (x, y) in zip(c.storage, expected) { XCTAssertEqual(x, y, accuracy: 1e-12, "\(m)×\(k)×\(n) \(transposeA) \(transposeB) BLAS \(useBLAS)") }
                }
            }
        }
    }

    func testAlphaAndBetaAccumulate() {
        let a = Matrix<Float>([[1, 2], [3, 4]]), b = Matrix<Float>([[1, 0], [0, 1]])
        for useBLAS in [false, true] {
            var c = Matrix<Float>([[10, 10], [10, 10]])
            Matrix.multiply(a, b, into: &c, alpha: 2, beta: 0.5, useBLAS: useBLAS)
            XCTAssertEqual(c, Matrix([[7, 9], [11, 13]]))
        }
        XCTAssertEqual(Matrix.product(a, b), a)
    }
}
