import Foundation
import XCTest
@testable import NeuralNetworks

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
}
