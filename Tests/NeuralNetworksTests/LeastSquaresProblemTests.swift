import XCTest
@testable import NeuralNetworks

/// `LeastSquaresProblem` computes everything from five sums; these tests recompute each quantity from the
/// samples directly (sums over i written out here), by finite differences, or by hand for small data.
final class LeastSquaresProblemTests: XCTestCase {
    let inputs = [0.5, 1.5, 2.0, 3.5, 4.0, 6.25]
    let targets = [1.2, 2.9, 3.1, 6.0, 7.4, 11.0]

    /// E(w, b) = (1/2n) Σ (w xᵢ + b − yᵢ)², summed sample by sample.
    func directLoss(_ w: Double, _ b: Double) -> Double {
        zip(inputs, targets).map { (w * $0 + b - $1) * (w * $0 + b - $1) }.reduce(0, +) / Double(2 * inputs.count)
    }

    func testLossFromTheSumsEqualsTheSumOverSamples() {
        let problem = LeastSquaresProblem(inputs: inputs, targets: targets)
        for (w, b) in [(0.0, 0.0), (1.7, -0.3), (-2.5, 4.0)] {
            XCTAssertEqual(problem.loss(w, b), directLoss(w, b), accuracy: 1e-12 * max(1, directLoss(w, b)))
        }
    }

    func testGradientMatchesCentralFiniteDifferences() {
        let problem = LeastSquaresProblem(inputs: inputs, targets: targets)
        let point = SIMD2(0.8, -1.1), h = 1e-6
        let numeric = SIMD2((directLoss(point.x + h, point.y) - directLoss(point.x - h, point.y)) / (2 * h),
                            (directLoss(point.x, point.y + h) - directLoss(point.x, point.y - h)) / (2 * h))
        let analytic = problem.gradient(point)
        XCTAssertEqual(analytic.x, numeric.x, accuracy: 1e-6)
        XCTAssertEqual(analytic.y, numeric.y, accuracy: 1e-6)
        // The mini-batch gradient over every sample is the full gradient.
        let batch = problem.gradient(point, batch: Array(inputs.indices)[...])
        XCTAssertEqual(batch.x, analytic.x, accuracy: 1e-12)
        XCTAssertEqual(batch.y, analytic.y, accuracy: 1e-12)
    }

    func testMinimumOfExactlyLinearDataIsItsLine() {
        let xs = [-1.0, 0.0, 2.0, 5.0]
        let problem = LeastSquaresProblem(inputs: xs, targets: xs.map { 3 * $0 - 2 })
        XCTAssertEqual(problem.minimum.x, 3, accuracy: 1e-12)
        XCTAssertEqual(problem.minimum.y, -2, accuracy: 1e-12)
        XCTAssertEqual(problem.loss(3, -2), 0, accuracy: 1e-12)
    }

    func testHessianEigenvaluesOfASmallCaseWorkedByHand() {
        // x = 1, 2, 3: H = (1/3)[[14, 6], [6, 3]], trace 17/3, determinant 2/3, λ = (17 ± √265) / 6.
        let problem = LeastSquaresProblem(inputs: [1, 2, 3], targets: [0, 0, 0])
        let eigenvalues = problem.hessianEigenvalues
        XCTAssertEqual(eigenvalues.largest, (17 + 265.0.squareRoot()) / 6, accuracy: 1e-12)
        XCTAssertEqual(eigenvalues.smallest, (17 - 265.0.squareRoot()) / 6, accuracy: 1e-12)
    }

    /// Gradient descent written out with the per-sample gradient: the returned step is the first whose gap
    /// E − E* is within the tolerance of the starting gap.
    func testStepsToConvergeIsTheFirstStepWithinTheTolerance() throws {
        let problem = LeastSquaresProblem(inputs: inputs, targets: targets)
        let rate = 1 / problem.hessianEigenvalues.largest, tolerance = 1e-6
        let steps = try XCTUnwrap(problem.stepsToConverge(learningRate: rate, from: .zero, tolerance: tolerance, limit: 100_000))
        let best = directLoss(problem.minimum.x, problem.minimum.y)
        let target = (directLoss(0, 0) - best) * tolerance
        var w = 0.0, b = 0.0
        var gaps: [Double] = []
        for _ in 0..<steps {
            let errors = zip(inputs, targets).map { w * $0 + b - $1 }
            let gradientW = zip(errors, inputs).map { $0 * $1 }.reduce(0, +) / Double(inputs.count)
            let gradientB = errors.reduce(0, +) / Double(inputs.count)
            w -= rate * gradientW
            b -= rate * gradientB
            gaps.append(directLoss(w, b) - best)
        }
        XCTAssertLessThanOrEqual(gaps[steps - 1], target * (1 + 1e-9))
        XCTAssertGreaterThan(gaps[steps - 2], target * (1 - 1e-9))
        XCTAssertNil(problem.stepsToConverge(learningRate: rate, from: .zero, tolerance: tolerance, limit: steps - 1))
    }

    func testFullBatchMiniBatchPathIsGradientDescentOnTheTestFunction() {
        let problem = LeastSquaresProblem(inputs: inputs, targets: targets)
        let path = problem.miniBatchPath(batchSize: inputs.count, learningRate: 0.05, steps: 40, from: SIMD2(1, 1), seed: 7)
        let reference = problem.testFunction.trajectory(from: SIMD2(1, 1), optimizer: SGD<Double>(learningRate: 0.05), steps: 40)
        XCTAssertEqual(path.points.count, 41)
        for (point, expected) in zip(path.points, reference.points) {
            XCTAssertEqual(point.x, expected.x, accuracy: 1e-12)
            XCTAssertEqual(point.y, expected.y, accuracy: 1e-12)
        }
    }

    func testMiniBatchPathIsSeededAndRecordsTheFullLoss() {
        let problem = LeastSquaresProblem(inputs: inputs, targets: targets)
        let first = problem.miniBatchPath(batchSize: 2, learningRate: 0.02, steps: 30, from: .zero, seed: 3)
        XCTAssertEqual(first, problem.miniBatchPath(batchSize: 2, learningRate: 0.02, steps: 30, from: .zero, seed: 3))
        XCTAssertNotEqual(first.points, problem.miniBatchPath(batchSize: 2, learningRate: 0.02, steps: 30, from: .zero, seed: 4).points)
        // Every recorded value is the full-data loss at its point, not the batch's loss.
        for (point, value) in zip(first.points, first.values) {
            XCTAssertEqual(value, directLoss(point.x, point.y), accuracy: 1e-12 * max(1, value))
        }
    }
}
