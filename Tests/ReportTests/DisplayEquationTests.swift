import NeuralNetworks
import MathML
import XCTest
@testable import Report

/// Line breaking of wide display formulas, so that worked examples stay inside the HTML reading column.
final class DisplayEquationTests: XCTestCase {
    private typealias Expression = DisplayEquation.Expression

    func testWidthEstimates() {
        XCTAssertEqual(Expression("12").width, Expression("34").width)
        XCTAssertGreaterThan(Expression("1234").width, Expression("12").width)
        XCTAssertEqual(Expression("\\frac{\\partial L}{\\partial x}").width, Expression("\\partial x").width + 0.2,
                       accuracy: 1e-12, "a fraction is as wide as its wider part")
        XCTAssertEqual(Expression("\\mathbf{x}").width, Expression("x").width, "a font command draws nothing itself")
        let narrow = Expression.matrix([["1", "2"], ["3", "4"]])
        let wide = Expression.matrix([["1", "2", "3"], ["4", "5", "6"]])
        XCTAssertEqual(wide.width - narrow.width, Expression("3").width + DisplayEquation.cellSpacing,
                       accuracy: 1e-12, "one more column")
        XCTAssertEqual(Expression.matrix([["1"], ["-0.5"]]).width, Expression("-0.5").width
                       + DisplayEquation.cellSpacing + DisplayEquation.bracketWidth, accuracy: 1e-12,
                       "a column is as wide as its widest cell")
    }

    func testNarrowFormulaStaysOnOneLine() {
        let equation = DisplayEquation(chains: [
            .init(left: Expression("x"), steps: [("=", Expression("a")), ("=", Expression.matrix([["1"], ["2"]]))]),
            .init(left: Expression("y"), steps: [("=", Expression("3"))]),
        ])
        XCTAssertEqual(equation.tex, "x = a = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}, \\quad y = 3")
    }

    func testWideChainBreaksBeforeTheRelationThatDoesNotFit() {
        let row = Array(repeating: "-0.0123456", count: 4)
        let wide = Expression.matrix([row, row])
        XCTAssertLessThan(wide.width, DisplayEquation.readingWidth)
        XCTAssertGreaterThan(2 * wide.width, DisplayEquation.readingWidth)
        let equation = DisplayEquation(chains: [
            .init(left: Expression("W"), steps: [("\\leftarrow", Expression("V")), ("=", wide), ("=", wide)]),
            .init(left: Expression("b"), steps: [("=", Expression("0"))]),
        ])
        let matrix = wide.tex
        XCTAssertEqual(equation.tex, "\\begin{aligned} W &\\leftarrow V = \(matrix) \\\\ &= \(matrix) \\\\ b &= 0 \\end{aligned}")
        XCTAssertNoThrow(try TeXToMathML.convert(equation.tex, display: true))
    }

    func testOverwideSingleStepStillGetsItsOwnLine() {
        let row = Array(repeating: "-0.0123456", count: 8)
        let huge = Expression.matrix([row])
        XCTAssertGreaterThan(huge.width, DisplayEquation.readingWidth)
        let equation = DisplayEquation(chains: [.init(left: Expression("W"), steps: [("=", huge), ("=", Expression("0"))])])
        XCTAssertEqual(equation.tex, "\\begin{aligned} W &= \(huge.tex) \\\\ &= 0 \\end{aligned}")
    }

    /// Notes 003's house-price network: its 3-input first layer made the z⁽¹⁾ and W⁽¹⁾ lines about 880 px and
    /// 1060 px wide, past the 782 px reading column (measured in Chromium); they now break before the result.
    func testWorkedExampleWithThreeInputsBreaksItsWideLines() throws {
        let network = Sequential<Double>([
            Dense(weights: Matrix([[0.01, -0.02, 0.03], [0.04, 0.05, -0.06]]), bias: [0.001, -0.001], activation: .relu),
            Dense(weights: Matrix([[0.1, -0.1], [0.1, 0.1]]), bias: [0.01, 0.01], activation: .relu),
            Dense(weights: Matrix([[0.1, 0.1]]), bias: [0.01], activation: .relu),
        ])
        let document = Document(title: "House", language: .english, includesReproducibilityAppendix: false) {
            WorkedExample(network: network, input: [1200, 3, 10], target: [1], learningRate: 0.1)
        }
        let rendered = try document.render(context: RunContext(experimentName: "house"))
        let lines = rendered.markdown.split(separator: "\n").map(String.init)
        // z⁽¹⁾ = (0.01·1200 − 0.02·3 + 0.03·10 + 0.001, 0.04·1200 + 0.05·3 − 0.06·10 − 0.001) = (12.241, 47.549).
        XCTAssertTrue(lines.contains { $0.hasPrefix("\\begin{aligned} \\mathbf{z}^{(1)} &= \\mathbf{W}^{(1)}")
            && $0.hasSuffix("\\\\ &= \\begin{bmatrix} 12.24 \\\\ 47.55 \\end{bmatrix} \\end{aligned}") }, rendered.markdown)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\\begin{aligned} \\mathbf{W}^{(1)} &\\leftarrow ") }, rendered.markdown)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\\mathbf{z}^{(2)} = ") }, "narrow layers stay on one line")
        XCTAssertTrue(rendered.html.contains("<mtable displaystyle=\"true\""))
    }
}
