import XCTest
@testable import Plotting

/// `$…$` in figure text: the characters MathML gives the same formula (single letters in mathematical italic,
/// U+1D44E… and U+1D6FC…; function names upright; − and ′), drawn in the math font.
final class RichTextMathTests: XCTestCase {
    func testLettersBecomeMathItalicAndNamesStayUpright() {
        let text = RichText("$σ(wx + b)$")
        XCTAssertEqual(text.runs.count, 1)
        XCTAssertTrue(text.runs[0].isMath)
        // σ U+1D70E, w U+1D464, x U+1D465, b U+1D44F (from the Unicode chart of Mathematical Alphanumeric Symbols).
        XCTAssertEqual(text.plainText, "\u{1D70E}(\u{1D464}\u{1D465} + \u{1D44F})")
        XCTAssertEqual(RichText("$tanh'(x)$").plainText, "tanh\u{2032}(\u{1D465})")
        // h has its own code point outside the block, U+210E PLANCK CONSTANT.
        XCTAssertEqual(RichText("$h$").plainText, "\u{210E}")
        XCTAssertEqual(RichText("$1 - x$").plainText, "1 \u{2212} \u{1D465}")
    }

    func testProseAroundMathStaysProseAndScriptsWork() {
        let text = RichText("sigmoid $x_1$ and $2^{n}$")
        XCTAssertEqual(text.runs.map(\.isMath), [false, true, true, false, true, true])
        XCTAssertEqual(text.runs[0].text, "sigmoid ")
        XCTAssertEqual(text.runs[2].position, .subscript)
        XCTAssertEqual(text.runs[5].text, "\u{1D45B}")
        XCTAssertEqual(text.runs[5].position, .superscript)
    }

    func testUnpairedAndEscapedDollarsAreText() {
        XCTAssertEqual(RichText("costs $5").plainText, "costs $5")
        XCTAssertEqual(RichText("\\$x\\$").plainText, "$x$")
        XCTAssertFalse(RichText("costs $5").runs.contains(where: \.isMath))
    }

    /// Math text is drawn in the math font: it measures differently from the same characters in prose.
    func testMathRunsUseTheMathFont() throws {
        let figure = Figure(width: 200, height: 100)
        figure.axes.title = "$σ(wx + b)$"
        let png = try figure.pngData()
        XCTAssertGreaterThan(png.count, 100)
    }
}
