import XCTest
@testable import NeuralNetworks

/// Seed 002's 2-2-2 sigmoid network, every value against numpy's (References/backprop-2-2-2.json), to 1e-9.
final class BackpropWorkedExampleTests: XCTestCase {
    private let tolerance = 1e-9

    private func assertClose(_ actual: [Double], _ expected: [Double], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, what, file: file, line: line)
        for (a, e) in zip(actual, expected) { XCTAssertEqual(a, e, accuracy: tolerance, what, file: file, line: line) }
    }

    private func trace(updatesBiases: Bool) throws -> (TrainingStepTrace<Double>, [String: Any]) {
        let reference = try ReferenceFile.json("backprop-2-2-2.json")
        let network = Sequential<Double> {
            Dense(weights: Matrix(reference.matrix("W1")), bias: reference.doubles("b1"), activation: .sigmoid)
            Dense(weights: Matrix(reference.matrix("W2")), bias: reference.doubles("b2"), activation: .sigmoid)
        }
        let trace = network.traceTrainingStep(
            inputs: Matrix([reference.doubles("input")]), targets: Matrix([reference.doubles("target")]),
            loss: .halfSumOfSquaredErrors, learningRate: reference.number("learning_rate"), updatesBiases: updatesBiases)
        return (trace, reference)
    }

    func testForwardValuesDeltasAndGradients() throws {
        let (trace, reference) = try trace(updatesBiases: true)
        let forward = reference.object("forward"), backward = reference.object("backward")
        assertClose(trace.layers[0].preactivation.storage, forward.doubles("z1"), "z1")
        assertClose(trace.layers[0].activation.storage, forward.doubles("a1"), "a1")
        assertClose(trace.layers[1].preactivation.storage, forward.doubles("z2"), "z2")
        assertClose(trace.layers[1].activation.storage, forward.doubles("a2"), "a2")
        XCTAssertEqual(trace.loss, forward.number("loss"), accuracy: tolerance)
        assertClose(trace.layers[1].delta.storage, backward.doubles("delta2"), "δ2")
        assertClose(trace.layers[0].delta.storage, backward.doubles("delta1"), "δ1")
        assertClose(trace.layers[1].weightGradient.storage, backward.matrix("grad_W2").flatMap { $0 }, "∂L/∂W2")
        assertClose(trace.layers[0].weightGradient.storage, backward.matrix("grad_W1").flatMap { $0 }, "∂L/∂W1")
        assertClose(trace.layers[1].biasGradient, backward.doubles("grad_b2"), "∂L/∂b2")
        assertClose(trace.layers[0].biasGradient, backward.doubles("grad_b1"), "∂L/∂b1")
        XCTAssertLessThan(trace.lossAfterStep, trace.loss)
    }

    func testUpdateOfAllParameters() throws {
        let (trace, reference) = try trace(updatesBiases: true)
        let after = reference.object("after_one_step_all_parameters")
        assertClose(trace.layers[0].updatedWeights.storage, after.matrix("W1").flatMap { $0 }, "W1")
        assertClose(trace.layers[1].updatedWeights.storage, after.matrix("W2").flatMap { $0 }, "W2")
        assertClose(trace.layers[0].updatedBias, after.doubles("b1"), "b1")
        assertClose(trace.layers[1].updatedBias, after.doubles("b2"), "b2")
        XCTAssertEqual(trace.updatedNetwork.denseLayers[1].bias, trace.layers[1].updatedBias)
    }

    func testUpdateOfWeightsOnlyKeepsBiases() throws {
        let (trace, reference) = try trace(updatesBiases: false)
        let after = reference.object("after_one_step_weights_only")
        assertClose(trace.layers[0].updatedWeights.storage, after.matrix("W1").flatMap { $0 }, "W1")
        assertClose(trace.layers[1].updatedWeights.storage, after.matrix("W2").flatMap { $0 }, "W2")
        XCTAssertEqual(trace.layers[0].updatedBias, reference.doubles("b1"))
        XCTAssertEqual(trace.layers[1].updatedBias, reference.doubles("b2"))
    }
}
