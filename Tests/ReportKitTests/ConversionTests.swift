import ReportKit
import XCTest

/// The engine-to-figure conversions carry every value across unchanged; expected values are written out by
/// hand from the inputs, not computed by the conversions.
final class ConversionTests: XCTestCase {
    /// Two epochs, built from JSON because a history's records are made by training only.
    private func history(validation: Bool) -> TrainingHistory {
        let losses = validation ? [", \"validationLoss\": 1.0", ", \"validationLoss\": 0.6"] : ["", ""]
        let json = """
            {"epochs": [
              {"epoch": 1, "trainingLoss": 0.9\(losses[0]), "gradientNorms": [0.5, 2], "learningRate": 0.1},
              {"epoch": 2, "trainingLoss": 0.4\(losses[1]), "gradientNorms": [0.25, 1], "learningRate": 0.1}
            ], "iterationLosses": [], "optimizerName": "SGD"}
            """
        return try! JSONDecoder().decode(TrainingHistory.self, from: Data(json.utf8))
    }

    func testTrainingAndValidationCurvesComeFromTheHistory() {
        let training = LossCurve.trainingLoss(of: history(validation: true), name: "SGD training")
        XCTAssertEqual(training.x, [1, 2])
        XCTAssertEqual(training.y, [0.9, 0.4])
        let validation = LossCurve.validationLoss(of: history(validation: true), name: "SGD validation")
        XCTAssertEqual(validation.y, [1.0, 0.6])
        XCTAssertEqual(validation.style, .dashed)
        let missing = LossCurve.validationLoss(of: history(validation: false), name: "none")
        XCTAssertTrue(missing.y.allSatisfy(\.isNaN))
    }

    func testTrajectoryKeepsEveryPoint() {
        let path = OptimizationTrajectory(name: "Adam", points: [SIMD2(-1.5, 2), SIMD2(-1.4, 1.9)], values: [1, 0.5])
        let trajectory = Trajectory(path)
        XCTAssertEqual(trajectory.name, "Adam")
        XCTAssertEqual(trajectory.x, [-1.5, -1.4])
        XCTAssertEqual(trajectory.y, [2, 1.9])
        XCTAssertEqual(Trajectory(path, name: "B = 4").name, "B = 4")
        let values = LossCurve(path)
        XCTAssertEqual(values.x, [0, 1])
        XCTAssertEqual(values.y, [1, 0.5])
        // ‖(−1.4, 1.9) − (1, 1)‖ = √(2.4² + 0.9²) = √6.57.
        XCTAssertEqual(path.distanceFromEnd(to: SIMD2(1, 1)), 6.57.squareRoot(), accuracy: 1e-12)
    }

    func testTestFunctionGridSamplesTheFunction() {
        // Rosenbrock at (−2, −1): 3² + 100 · (−1 − 4)² = 2509; at (2, 3): 1 + 100 · (3 − 4)² = 101.
        let grid = ScalarGrid(.rosenbrock, xRange: -2...2, yRange: -1...3, columns: 3, rows: 3)
        XCTAssertEqual(grid[0, 0], 2509)
        XCTAssertEqual(grid[2, 2], 101)
        XCTAssertEqual(grid.x, [-2, 0, 2])
    }

    func testDatasetPointsAndLabels() {
        let data = Dataset<Float>(inputs: Matrix(rows: 2, columns: 2, storage: [0.5, -1, 2, 3]),
                                  targets: Matrix(rows: 2, columns: 1, storage: [0, 1]))
        XCTAssertEqual(data.inputPoints, [SIMD2(0.5, -1), SIMD2(2, 3)])
        XCTAssertEqual(data.firstTargets, [0, 1])
        XCTAssertEqual(data.inputTargetPoints, [SIMD2(0.5, 0), SIMD2(2, 1)])
    }

    /// A network of one dense layer with identity activation, z = 2x₁ − y₁·1 + 0.5, read as a logit.
    func testClassifierPanelEvaluatesTheNetworkInOneBatch() {
        let network = Sequential<Double>([Dense<Double>(weights: Matrix(rows: 1, columns: 2, storage: [2, -1]),
                                                        bias: [0.5], activation: .identity)])
        let panel = Figure.ClassifierPanel(title: "linear", network: network, output: .logit)
        let probabilities = panel.probabilities([SIMD2(0, 0), SIMD2(1, 3)])
        // σ(0.5) and σ(2 − 3 + 0.5) = σ(−0.5).
        XCTAssertEqual(probabilities[0], 1 / (1 + exp(-0.5)), accuracy: 1e-12)
        XCTAssertEqual(probabilities[1], 1 / (1 + exp(0.5)), accuracy: 1e-12)
        let raw = Figure.ClassifierPanel(title: "raw", network: network, output: .probability)
        XCTAssertEqual(raw.probabilities([SIMD2(1, 3)]), [-0.5])
    }

    func testActivationPanelUsesTheEngine() {
        let panel = FunctionPanel(.tanh, name: "tanh")
        XCTAssertEqual(panel.function(0.5), tanh(0.5), accuracy: 1e-15)
        XCTAssertEqual(panel.derivative(0.5), 1 - tanh(0.5) * tanh(0.5), accuracy: 1e-15)
    }

    func testCompositeFiguresRenderFromEngineValues() throws {
        let paths = TestFunction.rosenbrock.trajectories(from: SIMD2(-1.5, 2), steps: 20,
                                                         [("SGD", SGD<Double>(learningRate: 1e-3))])
        let figures = [
            Figure.trainingCurves([("SGD", history(validation: true)), ("Adam", history(validation: false))]),
            Figure.gradientMagnitudes(of: history(validation: false)),
            Figure.optimizerTrajectories(paths, over: .rosenbrock, minimum: [1, 1], gridSize: 40),
            Figure.lossSurface(of: .himmelblau, path: paths[0], gridSize: 12),
            Figure.networkDiagram(of: Sequential<Double>.multilayerPerceptron(sizes: [2, 3, 1], hiddenActivation: .relu,
                                                                                seed: 1)),
        ]
        for figure in figures {
            XCTAssertTrue(try figure.pngData().starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }
}
