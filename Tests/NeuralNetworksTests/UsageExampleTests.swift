import XCTest
import NeuralNetworks

/// The adam-vs-sgd experiment's use of the engine, written as the handout would (public API only).
final class UsageExampleTests: XCTestCase {
    func testAdamVersusSGDFromTheSameInitialisation() throws {
        let moons = Dataset<Float>.twoMoons(count: 600, noise: 0.1, seed: 0)
        let parts = try moons.split(validationFraction: 0.25, testFraction: 0, seed: 1)
        let initial = Sequential<Float>.multilayerPerceptron(sizes: [2, 16, 16, 1], hiddenActivation: .tanh, seed: 42)
        let configuration = TrainingConfiguration(epochs: 40, batchSize: 32, loss: .binaryCrossEntropyWithLogits, shuffleSeed: 7)

        var sgdNetwork = initial, adamNetwork = initial
        let sgd = sgdNetwork.train(on: parts.training, validation: parts.validation,
                                   optimizer: SGD(learningRate: 0.1), configuration: configuration)
        let adam = adamNetwork.train(on: parts.training, validation: parts.validation,
                                     optimizer: Adam(learningRate: 1e-2), configuration: configuration)

        for history in [sgd, adam] {
            XCTAssertNil(history.divergedAtEpoch)
            XCTAssertEqual(history.trainingLosses.count, 40)
            XCTAssertEqual(history.validationLosses.count, 40)
            XCTAssertEqual(history.trainingAccuracies.count, 40)
            XCTAssertGreaterThan(history.validationAccuracies.last!, 0.85, history.optimizerName)
        }
        // The decision boundary figure evaluates the trained network on a grid.
        let grid = Matrix<Float>(rows: 3, columns: 2, storage: [-1, 0, 0.5, 0.25, 2, 0.5])
        XCTAssertEqual(adamNetwork.predict(grid).rows, 3)
    }

    func testFiveOptimizersOnRosenbrock() {
        let optimizers: [any Optimizer<Double>] = [
            SGD(learningRate: 1e-3), Momentum(learningRate: 2e-4, momentum: 0.9), AdaGrad(learningRate: 0.1),
            RMSProp(learningRate: 0.01), Adam(learningRate: 0.1),
        ]
        let paths = optimizers.map { TestFunction.rosenbrock.trajectory(from: SIMD2(-1.5, 2), optimizer: $0, steps: 300) }
        XCTAssertEqual(paths.map(\.name), ["SGD", "Momentum", "AdaGrad", "RMSProp", "Adam"])
        XCTAssertTrue(paths.allSatisfy { $0.points.count == 301 })
        XCTAssertEqual(TestFunction.rosenbrock.minima, [SIMD2(1, 1)])
    }
}
