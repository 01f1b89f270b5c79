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
}
