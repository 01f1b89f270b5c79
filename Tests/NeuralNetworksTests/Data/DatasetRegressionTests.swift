import Foundation
import XCTest
@testable import NeuralNetworks

final class DatasetRegressionTests: XCTestCase {
    func testNoiselessSineIsExactAndInsideItsInterval() {
        let data = Dataset<Double>.noisySine(count: 200, interval: -2...3, noise: 0, seed: 1)
        XCTAssertEqual(data.inputNames, ["x"])
        XCTAssertEqual(data.targetNames, ["y"])
        for (x, y) in zip(data.inputs.storage, data.targets.storage) {
            XCTAssertTrue((-2..<3).contains(x))
            XCTAssertEqual(y, sin(x))
        }
        let xs = data.inputs.storage
        XCTAssertLessThan(xs.min()!, -1.8)
        XCTAssertGreaterThan(xs.max()!, 2.8)
    }

    func testSineNoiseHasTheRequestedStandardDeviation() {
        let data = Dataset<Double>.noisySine(count: 5000, noise: 0.3, seed: 2)
        let residuals = zip(data.inputs.storage, data.targets.storage).map { $1 - sin($0) }
        let mean = residuals.reduce(0, +) / 5000
        let deviation = (residuals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 5000).squareRoot()
        XCTAssertEqual(mean, 0, accuracy: 0.02)
        XCTAssertEqual(deviation, 0.3, accuracy: 0.015)
    }

    func testNoisyFunctionIsSeeded() {
        let square: (Double) -> Double = { $0 * $0 }
        let a = Dataset<Float>.noisyFunction(count: 30, interval: 0...1, noise: 0.1, seed: 5, square)
        XCTAssertEqual(a, Dataset<Float>.noisyFunction(count: 30, interval: 0...1, noise: 0.1, seed: 5, square))
        XCTAssertNotEqual(a, Dataset<Float>.noisyFunction(count: 30, interval: 0...1, noise: 0.1, seed: 6, square))
    }

    func testNoiselessLinearSetSatisfiesItsEquation() {
        let data = Dataset<Double>.linearRegression(count: 50, weights: [2, -3, 0.5], bias: 1.25, noise: 0, seed: 3)
        XCTAssertEqual(data.inputNames, ["x1", "x2", "x3"])
        for (row, y) in zip(data.inputs.nestedRows, data.targets.storage) {
            XCTAssertEqual(y, 2 * row[0] - 3 * row[1] + 0.5 * row[2] + 1.25, accuracy: 1e-12)
        }
    }

    func testLeastSquaresRecoversTheTrueParameters() {
        let data = Dataset<Double>.linearRegression(count: 4000, weights: [1.5, -0.7], bias: 0.4, noise: 0.2, seed: 8)
        // Normal equations for [w1, w2, b] with the design matrix [x1 x2 1], solved by Cramer's rule.
        let rows = data.inputs.nestedRows.map { $0 + [1] }
        var gram = Array(repeating: Array(repeating: 0.0, count: 3), count: 3)
        var moment = [0.0, 0.0, 0.0]
        for (row, y) in zip(rows, data.targets.storage) {
            for i in 0..<3 {
                moment[i] += row[i] * y
                for j in 0..<3 { gram[i][j] += row[i] * row[j] }
            }
        }
        func determinant(_ m: [[Double]]) -> Double {
            m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        }
        let solution = (0..<3).map { column -> Double in
            var replaced = gram
            for row in 0..<3 { replaced[row][column] = moment[row] }
            return determinant(replaced) / determinant(gram)
        }
        // Each estimate has standard error about 0.2/√4000 ≈ 0.0032.
        XCTAssertEqual(solution[0], 1.5, accuracy: 0.015)
        XCTAssertEqual(solution[1], -0.7, accuracy: 0.015)
        XCTAssertEqual(solution[2], 0.4, accuracy: 0.015)
        let residuals = zip(rows, data.targets.storage).map { $1 - (1.5 * $0[0] - 0.7 * $0[1] + 0.4) }
        let rms = (residuals.map { $0 * $0 }.reduce(0, +) / 4000).squareRoot()
        XCTAssertEqual(rms, 0.2, accuracy: 0.01)
        let inputMean = data.inputs.storage.reduce(0, +) / 8000
        XCTAssertEqual(inputMean, 0, accuracy: 0.05)
    }
}
