import XCTest
@testable import NeuralNetworks

final class WeightInitializerTests: XCTestCase {
    func testInitialiserBounds() {
        var generator = SeededRandomNumberGenerator(seed: 1)
        let uniform: Matrix<Double> = WeightInitializer.uniformInverseSquareRoot.matrix(fanIn: 16, fanOut: 50, generator: &generator)
        XCTAssertEqual(uniform.rows, 50)
        XCTAssertTrue(uniform.storage.allSatisfy { abs($0) <= 0.25 })
        XCTAssertGreaterThan(uniform.storage.map(abs).max()!, 0.24)
        let xavier: Matrix<Double> = WeightInitializer.xavierUniform.matrix(fanIn: 20, fanOut: 10, generator: &generator)
        XCTAssertTrue(xavier.storage.allSatisfy { abs($0) <= (6.0 / 30).squareRoot() })
        let he: Matrix<Double> = WeightInitializer.heNormal.matrix(fanIn: 200, fanOut: 100, generator: &generator)
        let variance = he.storage.reduce(0) { $0 + $1 * $1 } / Double(he.storage.count)
        XCTAssertEqual(variance, 2.0 / 200, accuracy: 0.001)
        let zeros: Matrix<Float> = WeightInitializer.zeros.matrix(fanIn: 3, fanOut: 2, generator: &generator)
        XCTAssertEqual(zeros.storage, Array(repeating: 0, count: 6))
        var first = SeededRandomNumberGenerator(seed: 9), second = SeededRandomNumberGenerator(seed: 9)
        let a: Matrix<Double> = WeightInitializer.xavierNormal.matrix(fanIn: 4, fanOut: 4, generator: &first)
        let b: Matrix<Double> = WeightInitializer.xavierNormal.matrix(fanIn: 4, fanOut: 4, generator: &second)
        XCTAssertEqual(a, b)
    }

    // Statistical checks on 30 000 draws with fanIn ≠ fanOut, so a swapped or wrong fan fails. The sample standard
    // deviation of n normal draws has a relative standard error of 1/√(2n) ≈ 0.4 %, so a 2 % tolerance is five
    // standard errors wide, while the nearest wrong formula here (√(2/fanOut) for √(2/(fanIn + fanOut))) is 15 %
    // away. For U(−r, r), the chance that no draw lies within r/1000 of an end is (1 − 1/2000)ⁿ ≈ e⁻¹⁵.
    private let fanIn = 100, fanOut = 300

    private func draws(_ initializer: WeightInitializer, seed: UInt64) -> [Double] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        let matrix: Matrix<Double> = initializer.matrix(fanIn: fanIn, fanOut: fanOut, generator: &generator)
        XCTAssertEqual(matrix.rows, fanOut)
        XCTAssertEqual(matrix.columns, fanIn)
        return matrix.storage
    }

    private func assertNormal(_ initializer: WeightInitializer, standardDeviation: Double, seed: UInt64,
                              file: StaticString = #filePath, line: UInt = #line) {
        let values = draws(initializer, seed: seed)
        let count = Double(values.count)
        let mean = values.reduce(0, +) / count
        let sampleStandardDeviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)).squareRoot()
        XCTAssertEqual(sampleStandardDeviation, standardDeviation, accuracy: 0.02 * standardDeviation, file: file, line: line)
        XCTAssertLessThan(abs(mean), 5 * standardDeviation / count.squareRoot(), file: file, line: line)
    }

    private func assertUniform(_ initializer: WeightInitializer, bound: Double, seed: UInt64,
                               file: StaticString = #filePath, line: UInt = #line) {
        let values = draws(initializer, seed: seed)
        XCTAssertLessThanOrEqual(values.max()!, bound, "never above r", file: file, line: line)
        XCTAssertGreaterThanOrEqual(values.min()!, -bound, "never below −r", file: file, line: line)
        XCTAssertGreaterThan(values.max()!, bound * 0.999, "r is reached", file: file, line: line)
        XCTAssertLessThan(values.min()!, -bound * 0.999, "−r is reached", file: file, line: line)
        let count = Double(values.count)
        let meanSquare = values.reduce(0) { $0 + $1 * $1 } / count
        XCTAssertEqual(meanSquare.squareRoot(), bound / 3.0.squareRoot(), accuracy: 0.02 * bound / 3.0.squareRoot(),
                       "U(−r, r) has standard deviation r/√3", file: file, line: line)
    }

    func testXavierNormalStandardDeviationIsSquareRootOfTwoOverFanSum() {
        assertNormal(.xavierNormal, standardDeviation: (2.0 / 400).squareRoot(), seed: 61)
    }

    func testHeNormalStandardDeviationIsSquareRootOfTwoOverFanIn() {
        assertNormal(.heNormal, standardDeviation: (2.0 / 100).squareRoot(), seed: 62)
    }

    func testXavierUniformBoundIsSquareRootOfSixOverFanSum() {
        assertUniform(.xavierUniform, bound: (6.0 / 400).squareRoot(), seed: 63)
    }

    func testHeUniformBoundIsSquareRootOfSixOverFanIn() {
        assertUniform(.heUniform, bound: (6.0 / 100).squareRoot(), seed: 64)
    }

    func testUniformInverseSquareRootBoundIsOneOverSquareRootOfFanIn() {
        assertUniform(.uniformInverseSquareRoot, bound: 1.0 / 10, seed: 65)
    }
}
