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

    func testBatchNormInTrainingMode() {
        var generator = SeededRandomNumberGenerator(seed: 12)
        var batchNorm = BatchNorm<Double>(size: 3)
        batchNorm.scale = [1.5, 0.7, -0.4]
        batchNorm.shift = [0.1, -0.2, 0.3]
        let network = Sequential<Double> {
            batchNorm
            ActivationLayer(.tanh, size: 3)
            Dense(inputSize: 3, outputSize: 2, weightInitializer: .xavierNormal, generator: &generator)
        }
        assertPasses(GradientChecker.check(network, inputs: batch(rows: 6, columns: 3, seed: 13),
                                           targets: batch(rows: 6, columns: 2, seed: 14), loss: .meanSquaredError,
                                           training: true))
    }

    func testBatchNormInTrainingModeOnASingleSample() {
        // With one sample the output is β whatever the input: every difference quotient of x and γ is zero.
        var generator = SeededRandomNumberGenerator(seed: 15)
        var batchNorm = BatchNorm<Double>(size: 3)
        batchNorm.scale = [1.5, 0.7, -0.4]
        batchNorm.shift = [0.1, -0.2, 0.3]
        let network = Sequential<Double> {
            batchNorm
            ActivationLayer(.tanh, size: 3)
            Dense(inputSize: 3, outputSize: 2, weightInitializer: .xavierNormal, generator: &generator)
        }
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

final class ActivationValueTests: XCTestCase {
    func testFloatTanhApproximationIsWithinFourTenMillionths() {
        var worst: Double = 0
        for step in -200_000...200_000 {
            let x = Double(step) / 10_000
            worst = max(worst, abs(Double(Float.hyperbolicTangent(Float(x))) - Foundation.tanh(Double(Float(x)))))
        }
        XCTAssertLessThan(worst, 4e-7)
        XCTAssertTrue(Float.hyperbolicTangent(.nan).isNaN)
        XCTAssertEqual(Float.hyperbolicTangent(.infinity), Float.hyperbolicTangent(100))
        XCTAssertEqual(Float.hyperbolicTangent(-1e30), -Float.hyperbolicTangent(1e30))
    }

    func testScalarValuesAndDerivatives() {
        XCTAssertEqual(Activation.sigmoid.value(at: 0), 0.5)
        XCTAssertEqual(Activation.sigmoid.derivative(at: 0), 0.25)
        XCTAssertEqual(Activation.sigmoid.value(at: -800), 0, "no overflow for large negative inputs")
        XCTAssertEqual(Activation.tanh.derivative(at: 0), 1)
        XCTAssertEqual(Activation.relu.value(at: -2), 0)
        XCTAssertEqual(Activation.relu.derivative(at: 0), 0, "PyTorch's convention at the kink")
        XCTAssertEqual(Activation.leakyReLU(slope: 0.01).value(at: -2), -0.02)
        XCTAssertEqual(Activation.heavisideStep.value(at: 0), 0)
        XCTAssertEqual(Activation.heavisideStep.value(at: 1e-9), 1)
        for z in stride(from: -3.0, through: 3.0, by: 0.37) {
            for activation in [Activation.sigmoid, .tanh, .identity] {
                let numeric = (activation.value(at: z + 1e-6) - activation.value(at: z - 1e-6)) / 2e-6
                XCTAssertEqual(activation.derivative(at: z), numeric, accuracy: 1e-8, activation.name)
            }
        }
    }

    func testSoftmaxRowsSumToOneAndSurviveLargeLogits() {
        var output = Matrix<Double>(rows: 0, columns: 0)
        Activation.softmax.apply(Matrix([[1000, 1001, 1002], [-5, 0, 5]]), into: &output)
        for row in output.nestedRows { XCTAssertEqual(row.reduce(0, +), 1, accuracy: 1e-15) }
        let e = Foundation.exp(1.0)
        XCTAssertEqual(output[0, 2], e * e / (1 + e + e * e), accuracy: 1e-15)
    }

    func testLossValuesByHand() {
        let output = Matrix<Double>([[0.5, 2]]), targets = Matrix<Double>([[1, 0]])
        XCTAssertEqual(Loss.halfSumOfSquaredErrors.value(output: output, targets: targets), 0.5 * (0.25 + 4))
        XCTAssertEqual(Loss.meanSquaredError.value(output: output, targets: targets), (0.25 + 4) / 2)
        let logits = Matrix<Double>([[0], [800], [-800]]), labels = Matrix<Double>([[1], [1], [1]])
        XCTAssertEqual(Loss.binaryCrossEntropyWithLogits.value(output: logits, targets: labels), (Foundation.log(2) + 0 + 800) / 3, accuracy: 1e-12)
        let scores = Matrix<Double>([[1, 2, 3]]), oneHot = Matrix<Double>([[0, 0, 1]])
        let expected = Foundation.log(Foundation.exp(1.0) + Foundation.exp(2.0) + Foundation.exp(3.0)) - 3
        XCTAssertEqual(Loss.softmaxCrossEntropy.value(output: scores, targets: oneHot), expected, accuracy: 1e-15)
        XCTAssertEqual(Loss.softmaxCrossEntropy.value(output: Matrix([[1000.0, 0]]), targets: Matrix([[0.0, 1]])), 1000, accuracy: 1e-9)
    }

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
