import XCTest
@testable import NeuralNetworks

final class ClassicAlgorithmTests: XCTestCase {
    func testPerceptronRuleByHand() {
        // Start at w = 0, b = 0. Every score is 0, which counts as a mistake: the first sample visited moves
        // the parameters by y·x and y.
        var perceptron = Perceptron(weights: [0, 0], bias: 0)
        let data = Dataset<Double>(inputs: Matrix([[2, 1]]), targets: Matrix([[1]]))
        var generator = SeededRandomNumberGenerator(seed: 0)
        let history = perceptron.train(on: data, maximumEpochs: 5, generator: &generator)
        XCTAssertEqual(perceptron.weights, [2, 1])
        XCTAssertEqual(perceptron.bias, 1)
        XCTAssertEqual(history.mistakesPerEpoch, [1, 0])
        XCTAssertTrue(history.converged)
        XCTAssertEqual(perceptron.predict([2, 1]), 1)
    }

    func testPerceptronSeparatesLinearlySeparableData() {
        var generator = SeededRandomNumberGenerator(seed: 3)
        var inputs: [[Double]] = [], targets: [[Double]] = []
        while inputs.count < 60 {
            let x = generator.nextUniform(in: -1, 1), y = generator.nextUniform(in: -1, 1)
            let margin = x + 2 * y - 0.3
            guard abs(margin) > 0.1 else { continue }
            inputs.append([x, y])
            targets.append([margin > 0 ? 1 : -1])
        }
        let data = Dataset(inputs: Matrix(inputs), targets: Matrix(targets))
        var perceptron = Perceptron(inputSize: 2, generator: &generator)
        let history = perceptron.train(on: data, maximumEpochs: 1000, generator: &generator)
        XCTAssertTrue(history.converged)
        XCTAssertEqual(history.mistakesPerEpoch.last, 0)
        XCTAssertEqual(history.updates.count, history.mistakesPerEpoch.reduce(0, +))
        for (input, target) in zip(inputs, targets) { XCTAssertEqual(Double(perceptron.predict(input)), target[0]) }
    }

    func testPerceptronNeverConvergesOnXOR() {
        let xor = Dataset<Double>(inputs: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), targets: Matrix([[0], [1], [1], [0]]))
        var generator = SeededRandomNumberGenerator(seed: 1)
        var perceptron = Perceptron(inputSize: 2, generator: &generator)
        let history = perceptron.train(on: xor, maximumEpochs: 200, generator: &generator)
        XCTAssertFalse(history.converged)
        XCTAssertEqual(history.mistakesPerEpoch.count, 200)
    }

    private func line(count: Int, seed: UInt64) -> Dataset<Double> {
        // y = 3x₁ − 2x₂ + 0.5 + small noise.
        var generator = SeededRandomNumberGenerator(seed: seed)
        var inputs: [[Double]] = [], targets: [[Double]] = []
        for _ in 0..<count {
            let x1 = generator.nextUniform(in: -1, 1), x2 = generator.nextUniform(in: -1, 1)
            inputs.append([x1, x2])
            targets.append([3 * x1 - 2 * x2 + 0.5 + generator.nextNormal(mean: 0, standardDeviation: 0.01)])
        }
        return Dataset(inputs: Matrix(inputs), targets: Matrix(targets))
    }

    func testLinearRegressionOneBatchStepByHand() {
        // Two samples, w = (1, 0), b = 0: errors ŷ − y are 1·1 − 2 = −1 and 1·0 − 1 = −1 (x = (1, 0), (0, 1)).
        // ∂E/∂w = ((−1)(1) + (−1)(0), (−1)(0) + (−1)(1))/2 = (−0.5, −0.5), ∂E/∂b = −1; α = 0.1.
        var model = LinearRegression(weights: [1, 0], bias: 0)
        let data = Dataset<Double>(inputs: Matrix([[1, 0], [0, 1]]), targets: Matrix([[2], [1]]))
        let losses = model.fitByBatchGradientDescent(on: data, learningRate: 0.1, iterations: 1)
        XCTAssertEqual(model.weights[0], 1.05, accuracy: 1e-15)
        XCTAssertEqual(model.weights[1], 0.05, accuracy: 1e-15)
        XCTAssertEqual(model.bias, 0.1, accuracy: 1e-15)
        XCTAssertEqual(losses[0], 0.5, accuracy: 1e-15, "E = (1 + 1)/(2·2)")
    }

    func testLinearRegressionByBatchGradientDescentAndBySGDRecoversTheLine() {
        let data = line(count: 200, seed: 4)
        var generator = SeededRandomNumberGenerator(seed: 5)
        var batch = LinearRegression(inputSize: 2, generator: &generator)
        var stochastic = batch
        let batchLosses = batch.fitByBatchGradientDescent(on: data, learningRate: 0.5, iterations: 500)
        let sgdLosses = stochastic.fitByStochasticGradientDescent(on: data, learningRate: 0.05, epochs: 30, generator: &generator)
        XCTAssertEqual(batchLosses.count, 501)
        XCTAssertEqual(sgdLosses.count, 31)
        for model in [batch, stochastic] {
            XCTAssertEqual(model.weights[0], 3, accuracy: 0.02)
            XCTAssertEqual(model.weights[1], -2, accuracy: 0.02)
            XCTAssertEqual(model.bias, 0.5, accuracy: 0.02)
        }
        XCTAssertLessThan(batchLosses.last!, 1e-4)
    }
}
