import Foundation
import XCTest
@testable import NeuralNetworks

/// Every layer, activation and loss against central finite differences (relative error < 1e-6, Double).
final class GradientCheckTests: XCTestCase {
    private let tolerance = 1e-6

    /// A batch whose entries stay away from 0, so ReLU-type kinks are not straddled by ±h.
    private func batch(rows: Int, columns: Int, seed: UInt64) -> Matrix<Double> {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in
            let magnitude = generator.nextUniform(in: 0.2, 1.5)
            return generator.nextUniform() < 0.5 ? -magnitude : magnitude
        })
    }

    private func oneHot(rows: Int, classes: Int, seed: UInt64) -> Matrix<Double> {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var matrix = Matrix<Double>(rows: rows, columns: classes)
        for row in 0..<rows { matrix[row, generator.nextInt(below: classes)] = 1 }
        return matrix
    }

    private func assertPasses(_ report: GradientCheckReport, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(report.entries.isEmpty, file: file, line: line)
        for entry in report.entries {
            XCTAssertLessThan(entry.relativeError, tolerance, entry.name, file: file, line: line)
            XCTAssertTrue(entry.analytic.contains { $0 != 0 } || entry.numeric.allSatisfy { abs($0) < 1e-9 },
                          "\(entry.name): analytic gradient is all zero", file: file, line: line)
        }
    }

    func testDenseLayerWithEveryElementwiseActivation() {
        let activations: [Activation] = [.identity, .sigmoid, .tanh, .relu, .leakyReLU(slope: 0.1)]
        for (index, activation) in activations.enumerated() {
            var generator = SeededRandomNumberGenerator(seed: UInt64(index))
            let network = Sequential<Double> {
                Dense(inputSize: 3, outputSize: 4, activation: activation, weightInitializer: .xavierNormal,
                      biasInitializer: .uniformInverseSquareRoot, generator: &generator)
                Dense(inputSize: 4, outputSize: 2, weightInitializer: .xavierNormal, generator: &generator)
            }
            let report = GradientChecker.check(network, inputs: batch(rows: 5, columns: 3, seed: 10),
                                               targets: batch(rows: 5, columns: 2, seed: 11), loss: .meanSquaredError)
            assertPasses(report)
        }
    }

    func testSoftmaxActivationInsideTheNetwork() {
        var generator = SeededRandomNumberGenerator(seed: 3)
        let network = Sequential<Double> {
            Dense(inputSize: 3, outputSize: 4, activation: .softmax, weightInitializer: .xavierNormal, generator: &generator)
        }
        assertPasses(GradientChecker.check(network, inputs: batch(rows: 4, columns: 3, seed: 1),
                                           targets: batch(rows: 4, columns: 4, seed: 2), loss: .halfSumOfSquaredErrors))
    }

    func testStandaloneActivationLayers() {
        for activation in [Activation.sigmoid, .tanh, .relu, .leakyReLU(slope: 0.2), .softmax, .identity] {
            var generator = SeededRandomNumberGenerator(seed: 4)
            let network = Sequential<Double> {
                Dense(inputSize: 2, outputSize: 3, weightInitializer: .xavierNormal, generator: &generator)
                ActivationLayer(activation, size: 3)
            }
            // Inputs large enough that the pre-activations avoid ReLU's kink.
            assertPasses(GradientChecker.check(network, inputs: batch(rows: 4, columns: 2, seed: 5),
                                               targets: batch(rows: 4, columns: 3, seed: 6), loss: .meanSquaredError))
        }
    }

    func testHeavisideStepHasZeroDerivativeAwayFromZero() {
        let network = Sequential<Double>([ActivationLayer<Double>(.heavisideStep, size: 3)])
        let report = GradientChecker.check(network, inputs: batch(rows: 3, columns: 3, seed: 7),
                                           targets: batch(rows: 3, columns: 3, seed: 8), loss: .meanSquaredError)
        let inputs = report.entries.last!
        XCTAssertEqual(inputs.analytic, Array(repeating: 0, count: 9))
        XCTAssertEqual(inputs.numeric.map(abs).max()!, 0, accuracy: 1e-12)
    }

    /// BatchNorm(3) with γ, β away from their defaults (so their gradients are not trivially those of 1 and 0),
    /// then tanh and a 3→2 dense layer drawn from `seed`.
    private func batchNormNetwork(seed: UInt64) -> Sequential<Double> {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var batchNorm = BatchNorm<Double>(size: 3)
        batchNorm.scale = [1.5, 0.7, -0.4]
        batchNorm.shift = [0.1, -0.2, 0.3]
        return Sequential<Double> {
            batchNorm
            ActivationLayer(.tanh, size: 3)
            Dense(inputSize: 3, outputSize: 2, weightInitializer: .xavierNormal, generator: &generator)
        }
    }

    func testBatchNormInTrainingMode() {
        let network = batchNormNetwork(seed: 12)
        assertPasses(GradientChecker.check(network, inputs: batch(rows: 6, columns: 3, seed: 13),
                                           targets: batch(rows: 6, columns: 2, seed: 14), loss: .meanSquaredError,
                                           training: true))
    }

    func testBatchNormInTrainingModeOnASingleSample() {
        // With one sample the output is β whatever the input: every difference quotient of x and γ is zero.
        let network = batchNormNetwork(seed: 15)
        let report = GradientChecker.check(network, inputs: batch(rows: 1, columns: 3, seed: 16),
                                           targets: batch(rows: 1, columns: 2, seed: 17), loss: .meanSquaredError,
                                           training: true)
        assertPasses(report)
        XCTAssertEqual(report.entries.last!.analytic, [0, 0, 0])
        XCTAssertTrue(report.entries[1].analytic.allSatisfy { $0 != 0 }, "∂L/∂β = g is not zero")
    }

    func testBatchNormCancelsTheGradientOfAPrecedingBias() {
        // A bias before BatchNorm is removed by the mean subtraction, so its exact gradient is zero; the
        // weights before it still get the right gradient.
        var generator = SeededRandomNumberGenerator(seed: 31)
        let network = Sequential<Double> {
            Dense(inputSize: 2, outputSize: 3, weightInitializer: .xavierNormal, generator: &generator)
            BatchNorm(size: 3)
            ActivationLayer(.tanh, size: 3)
            Dense(inputSize: 3, outputSize: 1, weightInitializer: .xavierNormal, generator: &generator)
        }
        let report = GradientChecker.check(network, inputs: batch(rows: 5, columns: 2, seed: 32),
                                           targets: batch(rows: 5, columns: 1, seed: 33), loss: .meanSquaredError)
        XCTAssertLessThan(report.entries[0].relativeError, tolerance)
        XCTAssertLessThan(report.entries[1].analytic.map(abs).max()!, 1e-12)
        XCTAssertLessThan(report.entries[1].numeric.map(abs).max()!, 1e-8)
        for entry in report.entries[2...] { XCTAssertLessThan(entry.relativeError, tolerance, entry.name) }
    }

    func testBatchNormInEvaluationMode() {
        var batchNorm = BatchNorm<Double>(size: 2)
        batchNorm.runningMean = [0.3, -0.2]
        batchNorm.runningVariance = [2, 0.5]
        batchNorm.scale = [0.8, 1.3]
        let network = Sequential<Double>([batchNorm])
        assertPasses(GradientChecker.check(network, inputs: batch(rows: 4, columns: 2, seed: 15),
                                           targets: batch(rows: 4, columns: 2, seed: 16), loss: .meanSquaredError,
                                           training: false))
    }

    func testDropoutInTrainingMode() {
        var generator = SeededRandomNumberGenerator(seed: 17)
        let network = Sequential<Double> {
            Dense(inputSize: 3, outputSize: 6, activation: .tanh, weightInitializer: .xavierNormal, generator: &generator)
            Dropout(size: 6, keepProbability: 0.6, seed: 18)
            Dense(inputSize: 6, outputSize: 2, weightInitializer: .xavierNormal, generator: &generator)
        }
        assertPasses(GradientChecker.check(network, inputs: batch(rows: 5, columns: 3, seed: 19),
                                           targets: batch(rows: 5, columns: 2, seed: 20), loss: .meanSquaredError))
    }

    func testEveryLoss() {
        let output = batch(rows: 4, columns: 3, seed: 21)
        var generator = SeededRandomNumberGenerator(seed: 22)
        let binaryTargets = Matrix(rows: 4, columns: 3, storage: (0..<12).map { _ in Double(generator.nextInt(below: 2)) })
        assertPasses(GradientChecker.check(loss: .halfSumOfSquaredErrors, output: output, targets: batch(rows: 4, columns: 3, seed: 23)))
        assertPasses(GradientChecker.check(loss: .meanSquaredError, output: output, targets: batch(rows: 4, columns: 3, seed: 24)))
        assertPasses(GradientChecker.check(loss: .binaryCrossEntropyWithLogits, output: output, targets: binaryTargets))
        assertPasses(GradientChecker.check(loss: .softmaxCrossEntropy, output: output, targets: oneHot(rows: 4, classes: 3, seed: 25)))
        // Soft targets that do not sum to one exercise the general form of the fused gradient.
        assertPasses(GradientChecker.check(loss: .softmaxCrossEntropy, output: output,
                                           targets: Matrix(rows: 4, columns: 3, storage: (0..<12).map { Double($0 % 5) / 4 })))
    }

    func testFusedSoftmaxCrossEntropyThroughANetwork() {
        var generator = SeededRandomNumberGenerator(seed: 26)
        let network = Sequential<Double> {
            Dense(inputSize: 4, outputSize: 5, activation: .relu, weightInitializer: .heNormal,
                  biasInitializer: .constant(0.3), generator: &generator)
            Dense(inputSize: 5, outputSize: 3, weightInitializer: .xavierUniform, generator: &generator)
        }
        assertPasses(GradientChecker.check(network, inputs: batch(rows: 6, columns: 4, seed: 27),
                                           targets: oneHot(rows: 6, classes: 3, seed: 28), loss: .softmaxCrossEntropy))
    }

    func testBinaryCrossEntropyThroughANetwork() {
        let network = Sequential<Double>.multilayerPerceptron(sizes: [2, 5, 5, 1], hiddenActivation: .tanh, seed: 29)
        let targets = Matrix(rows: 6, columns: 1, storage: [0, 1, 1, 0, 1, 0])
        assertPasses(GradientChecker.check(network, inputs: batch(rows: 6, columns: 2, seed: 30), targets: targets,
                                           loss: .binaryCrossEntropyWithLogits))
    }

    func testCheckerDetectsAWrongGradient() {
        // The checker itself must be able to fail: compare a correct numerical gradient with a wrong one.
        let numeric = GradientChecker.numericalGradient(of: { $0[0] * $0[0] * $0[1] }, at: [3, 2])
        XCTAssertEqual(numeric[0], 12, accuracy: 1e-8)
        XCTAssertEqual(numeric[1], 9, accuracy: 1e-8)
        XCTAssertGreaterThan(GradientChecker.relativeError([12, 9.1], numeric), 1e-3)
    }
}
