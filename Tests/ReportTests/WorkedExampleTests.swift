import NeuralNetworks
import XCTest
@testable import Report

/// The worked example against seed 002's 2-2-2 sigmoid network, computed independently with numpy
/// (`Goldens/References/backprop-2-2-2.json`, a copy of the shared reference).
final class WorkedExampleTests: XCTestCase {
    private struct Reference: Decodable {
        struct Forward: Decodable { var z1, a1, z2, a2: [Double]; var loss: Double }
        struct Backward: Decodable {
            var delta2, grad_b2, delta1, grad_b1: [Double]
            var grad_W2, grad_W1: [[Double]]
        }
        struct WeightsOnly: Decodable { var W1, W2: [[Double]] }
        struct AllParameters: Decodable { var W1, W2: [[Double]]; var b1, b2: [Double] }
        var input, target, b1, b2: [Double]
        var W1, W2: [[Double]]
        var learning_rate: Double
        var forward: Forward
        var backward: Backward
        var after_one_step_weights_only: WeightsOnly
        var after_one_step_all_parameters: AllParameters
    }

    private func reference() throws -> Reference {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Goldens/References/backprop-2-2-2.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    private func document(updatesBiases: Bool, language: DocumentLanguage = .english) throws -> Document {
        let reference = try reference()
        let network = Sequential<Double>([
            Dense(weights: Matrix(reference.W1), bias: reference.b1, activation: .sigmoid),
            Dense(weights: Matrix(reference.W2), bias: reference.b2, activation: .sigmoid),
        ])
        return Document(title: "Backpropagation", language: language, includesReproducibilityAppendix: false) {
            WorkedExample(network: network, input: reference.input, target: reference.target,
                          learningRate: reference.learning_rate, updatesBiases: updatesBiases, precision: .decimals(6))
        }
    }

    private func markdown(updatesBiases: Bool, language: DocumentLanguage = .english) throws -> String {
        try document(updatesBiases: updatesBiases, language: language)
            .render(context: RunContext(experimentName: "worked"), convertMath: SampleDocument.fakeMath).markdown
    }

    func testEveryFormulaConvertsToMathML() throws {
        let rendered = try document(updatesBiases: true).render(context: RunContext(experimentName: "worked"))
        let matrices = rendered.markdown.components(separatedBy: "\\begin{bmatrix}").count - 1
        // Per layer: W, a⁽ˡ⁻¹⁾, b, z, a forward; δ, ∂W, ∂b backward; W, ∂W, W′, b, ∂b, b′ in the update; plus x, y.
        XCTAssertEqual(matrices, 2 * (5 + 3 + 6) + 2)
        let tables = rendered.html.components(separatedBy: "<mtable").count - 1
        let alignedBlocks = rendered.html.components(separatedBy: "<mtable displaystyle=\"true\"").count - 1
        XCTAssertEqual(tables - alignedBlocks, matrices, "every vector and matrix becomes a MathML table")
        XCTAssertFalse(rendered.html.contains("$$"))
    }

    /// The reference values, written as the example writes vectors and matrices with 6 decimals.
    private func column(_ values: [Double]) -> String {
        "\\begin{bmatrix} " + values.map { String(format: "%.6f", $0) }.joined(separator: " \\\\ ") + " \\end{bmatrix}"
    }

    private func matrix(_ rows: [[Double]]) -> String {
        "\\begin{bmatrix} " + rows.map { $0.map { String(format: "%.6f", $0) }.joined(separator: " & ") }
            .joined(separator: " \\\\ ") + " \\end{bmatrix}"
    }

    private func assertContains(_ text: String, _ expected: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(text.contains(expected), "\(what): \(expected) not found", file: file, line: line)
    }

    func testReproducesForwardBackwardAndUpdateOfAllParameters() throws {
        let reference = try reference()
        let text = try markdown(updatesBiases: true)
        assertContains(text, "= \(column(reference.forward.z1))", "z1")
        assertContains(text, "= \(column(reference.forward.a1))", "a1")
        assertContains(text, "= \(column(reference.forward.z2))", "z2")
        assertContains(text, "= \(column(reference.forward.a2))", "a2")
        assertContains(text, "= " + String(format: "%.6f", reference.forward.loss), "loss")
        assertContains(text, "= \(column(reference.backward.delta2))", "delta2")
        assertContains(text, "= \(column(reference.backward.delta1))", "delta1")
        assertContains(text, "= \(matrix(reference.backward.grad_W2)), ", "grad W2")
        assertContains(text, "= \(matrix(reference.backward.grad_W1)), ", "grad W1")
        assertContains(text, "= \(column(reference.backward.grad_b2))", "grad b2")
        assertContains(text, "= \(column(reference.backward.grad_b1))", "grad b1")
        let after = reference.after_one_step_all_parameters
        assertContains(text, "= \(matrix(after.W1))", "W1 after")
        assertContains(text, "= \(matrix(after.W2))", "W2 after")
        assertContains(text, "= \(column(after.b1))", "b1 after")
        assertContains(text, "= \(column(after.b2))", "b2 after")
    }

    func testWeightsOnlyStepKeepsBiases() throws {
        let reference = try reference()
        let text = try markdown(updatesBiases: false)
        assertContains(text, "= \(matrix(reference.after_one_step_weights_only.W1))", "W1 after")
        assertContains(text, "= \(matrix(reference.after_one_step_weights_only.W2))", "W2 after")
        XCTAssertFalse(text.contains("\\mathbf{b}^{(1)} \\leftarrow"), "biases must not be updated")
        assertContains(text, "only the weights are updated", "setup sentence")
    }

    func testStepsComeInTeachingOrder() throws {
        let text = try markdown(updatesBiases: true)
        let markers = ["**Formulas used.**", "**Forward pass.**", "\\mathbf{W}^{(1)} \\mathbf{a}^{(0)} + \\mathbf{b}^{(1)}",
                       "\\mathbf{a}^{(2)} = \\sigma", "**Loss.**", "**Backward pass.**", "\\boldsymbol{\\delta}^{(2)} = ",
                       "\\boldsymbol{\\delta}^{(1)} = ", "**Update.**", "After the step"]
        let positions = markers.map { text.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil), "missing marker in\n\(text)")
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertTrue(text.contains("```math\n\\boldsymbol{\\delta}^{(2)} = \\left( \\mathbf{a}^{(2)} - \\mathbf{y} \\right) \\odot \\sigma'"))
    }

    func testSignificantDigitsKeepSmallGradientsReadable() throws {
        let content = WorkedExampleContent(
            input: [], target: [], loss: .halfSumOfSquaredErrors, lossValue: 0, lossAfterStep: 0, learningRate: 0.5,
            updatesBiases: true, precision: .significantDigits(4), layers: [])
        XCTAssertEqual(content.number(0.0004385677344743465), "0.0004386")
        XCTAssertEqual(content.number(0.13849856162855695), "0.1385")
        XCTAssertEqual(content.number(-0.038098236516556236), "-0.03810")
        XCTAssertEqual(content.number(1.10590596705977), "1.106")
        XCTAssertEqual(content.number(0.000012346), "1.235 \\times 10^{-5}")
        XCTAssertEqual(content.number(-0.0000200004), "-2.000 \\times 10^{-5}", "a computed value keeps its zeros")
        XCTAssertEqual(content.number(0.0000099996), "1.000 \\times 10^{-5}", "rounding carries into the exponent")
        XCTAssertEqual(content.number(9.99996), "10.00")
    }

    func testSignificantDigitsTrimZerosOfExactValues() throws {
        let content = WorkedExampleContent(
            input: [], target: [], loss: .halfSumOfSquaredErrors, lossValue: 0, lossAfterStep: 0, learningRate: 0.5,
            updatesBiases: true, precision: .significantDigits(4), layers: [])
        XCTAssertEqual(content.number(3), "3")
        XCTAssertEqual(content.number(10), "10")
        XCTAssertEqual(content.number(0.01), "0.01")
        XCTAssertEqual(content.number(-0.05), "-0.05")
        XCTAssertEqual(content.number(Double(Float(0.05))), "0.05", "a Float network's 0.05")
        XCTAssertEqual(content.number(0), "0")
        XCTAssertEqual(content.number(0.00002), "2 \\times 10^{-5}")
        XCTAssertEqual(content.number(0.1250), "0.125")
        XCTAssertEqual(content.number(0.1250001), "0.1250", "not exact: the zero is a significant digit")
        XCTAssertEqual(content.number(1234.6), "1235", "rounded, so no zeros to trim and none added")
    }

    /// One identity unit, w = 1, b = 0, x = 1, y = 0: L = ½ (w − 0)² = ½ and ∂L/∂w = ∂L/∂b = 1, so the step
    /// gives w = 1 − α, b = −α and L = ½ (1 − 2α)², which falls for α = 0.25 (to 1/8), rises for α = 3 (to 12.5)
    /// and is unchanged for α = 1.
    private func lossSentence(learningRate: Double, language: DocumentLanguage) throws -> String {
        let network = Sequential<Double>([Dense(weights: Matrix([[1]]), bias: [0], activation: .identity)])
        let document = Document(title: "Step", language: language, includesReproducibilityAppendix: false) {
            WorkedExample(network: network, input: [1], target: [0], learningRate: learningRate)
        }
        let text = try document.render(context: RunContext(experimentName: "step"), convertMath: SampleDocument.fakeMath)
            .markdown
        let lines = text.split(separator: "\n").filter { $0.contains("After the step") || $0.contains("更新后") }
        XCTAssertEqual(lines.count, 1, text)
        return String(lines.first ?? "")
    }

    func testLossSentenceSaysWhetherTheLossFellOrRose() throws {
        XCTAssertEqual(try lossSentence(learningRate: 0.25, language: .english),
                       "After the step, the loss on the same sample drops to $`L = 0.125`$.")
        XCTAssertEqual(try lossSentence(learningRate: 3, language: .english),
                       "After the step, the loss on the same sample rises to $`L = 12.5`$.")
        XCTAssertEqual(try lossSentence(learningRate: 0.25, language: .chinese), "更新后，同一样本的损失降为 $`L = 0.125`$。")
        XCTAssertEqual(try lossSentence(learningRate: 3, language: .chinese), "更新后，同一样本的损失升为 $`L = 12.5`$。")
        XCTAssertEqual(try lossSentence(learningRate: 1, language: .english),
                       "After the step, the loss on the same sample stays at $`L = 0.5`$.")
    }

    func testChineseWords() throws {
        let text = try markdown(updatesBiases: true, language: .chinese)
        XCTAssertTrue(text.contains("**前向传播。**"))
        XCTAssertTrue(text.contains("学习率 $`\\alpha = 0.5`$"))
    }
}
