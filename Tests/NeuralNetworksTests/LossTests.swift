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
}
