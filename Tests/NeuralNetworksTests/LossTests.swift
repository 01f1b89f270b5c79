import Foundation
import XCTest
@testable import NeuralNetworks

final class LossTests: XCTestCase {
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

    func testSquaredErrorLossesOfABatchByHand() {
        // B = 2 samples, k = 3 outputs. Errors ŷ − y: (−0.5, 2, 0) and (1, −2, 2); squares sum to 4.25 and 9.
        let output = Matrix<Double>([[0.5, 2, 0], [1, -1, 3]]), targets = Matrix<Double>([[1, 0, 0], [0, 1, 1]])
        var gradient = Matrix<Double>(rows: 0, columns: 0)
        // ½Σ per sample, then the mean over the samples: (½·4.25 + ½·9)/2 (not the sum 6.625).
        XCTAssertEqual(Loss.halfSumOfSquaredErrors.valueAndGradient(output: output, targets: targets, gradient: &gradient), 3.3125)
        XCTAssertEqual(gradient.storage, [-0.25, 1, 0, 0.5, -1, 1], "(ŷ − y)/B")
        // PyTorch's MSELoss: the mean over all B·k = 6 entries, 13.25/6.
        XCTAssertEqual(Loss.meanSquaredError.valueAndGradient(output: output, targets: targets, gradient: &gradient), 13.25 / 6, accuracy: 1e-15)
        for (actual, expected) in zip(gradient.storage, [-1.0 / 6, 2.0 / 3, 0, 1.0 / 3, -2.0 / 3, 2.0 / 3]) {
            XCTAssertEqual(actual, expected, accuracy: 1e-15, "2(ŷ − y)/(B k)")
        }
        // A batch of B copies of one sample has that sample's loss.
        let copies = Matrix<Double>([[0.5, 2, 0], [0.5, 2, 0], [0.5, 2, 0]]), copyTargets = Matrix<Double>([[1, 0, 0], [1, 0, 0], [1, 0, 0]])
        XCTAssertEqual(Loss.halfSumOfSquaredErrors.value(output: copies, targets: copyTargets), 2.125)
    }

    func testSquaredErrorLossesOfALargeFloatBatchMatchADoubleReference() {
        // 2²⁰ entries: summed in Float, the running sum's rounding (about 2⁻²⁴ of the sum per addition) would
        // pile up to a relative error near 10⁻³ (5·10⁻⁴ for this batch); summed in Double it stays near 10⁻¹².
        let rows = 1024, columns = 1024
        var generator = SeededRandomNumberGenerator(seed: 51)
        let output = Matrix<Float>(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in Float(generator.nextNormal()) })
        let targets = Matrix<Float>(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in Float(generator.nextUniform()) })
        var reference = 0.0
        for (yHat, y) in zip(output.storage, targets.storage) {
            let difference = Double(yHat) - Double(y)
            reference += difference * difference
        }
        let half = Loss.halfSumOfSquaredErrors.value(output: output, targets: targets)
        let mean = Loss.meanSquaredError.value(output: output, targets: targets)
        XCTAssertEqual(half, 0.5 * reference / Double(rows), accuracy: 1e-10 * half)
        XCTAssertEqual(mean, reference / Double(rows * columns), accuracy: 1e-10 * mean)
        var gradient = Matrix<Float>(rows: 0, columns: 0)
        let withGradient = Loss.meanSquaredError.valueAndGradient(output: output, targets: targets, gradient: &gradient)
        XCTAssertEqual(withGradient, mean)
    }
}
