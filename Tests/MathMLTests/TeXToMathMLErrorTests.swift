import XCTest
import MathML

/// Malformed or unsupported TeX is an error naming the problem and where it is, never silently skipped.
final class TeXToMathMLErrorTests: XCTestCase {
    private func conversionError(_ tex: String, file: StaticString = #filePath,
                                 line: UInt = #line) -> TeXToMathML.ConversionError? {
        do {
            _ = try TeXToMathML.convert(tex, display: true)
            XCTFail("\(tex) converted without an error", file: file, line: line)
            return nil
        } catch let error as TeXToMathML.ConversionError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    func testUnknownCommandIsNamedWithItsOffset() {
        let error = conversionError("x + \\foo{y}")
        XCTAssertEqual(error?.message, "Unknown command \\foo")
        XCTAssertEqual(error?.offset, 4)
        XCTAssertEqual(error?.description, "Unknown command \\foo (at character 4)")
    }

    func testUnknownCommandAfterChineseCountsCharacters() {
        XCTAssertEqual(conversionError("损失 \\bogus")?.offset, 3)
    }

    func testUnclosedBrace() {
        let error = conversionError("\\frac{a}{b")
        XCTAssertEqual(error?.message, "Missing } for the { at character 8")
        XCTAssertEqual(error?.offset, 10)
    }

    func testUnopenedBrace() {
        let error = conversionError("a}")
        XCTAssertEqual(error?.message, "Unexpected } without a matching {")
        XCTAssertEqual(error?.offset, 1)
    }

    func testMissingRight() {
        XCTAssertEqual(conversionError("\\left( x")?.message, "Missing \\right for the \\left at character 0")
        XCTAssertEqual(conversionError("x \\right)")?.message, "\\right without a matching \\left")
    }

    func testMismatchedEnvironment() {
        let error = conversionError("\\begin{bmatrix} 1 \\end{pmatrix}")
        XCTAssertEqual(error?.message, "\\begin{bmatrix} at character 0 ended by \\end{pmatrix}")
        XCTAssertEqual(error?.offset, 18)
        XCTAssertEqual(conversionError("\\begin{bmatrix} 1")?.message, "Missing \\end{bmatrix}")
    }

    func testUnknownEnvironment() {
        XCTAssertEqual(conversionError("\\begin{tabular} a \\end{tabular}")?.message, "Unknown environment tabular")
    }

    func testDoubleScripts() {
        XCTAssertEqual(conversionError("x^1^2")?.message, "Double superscript")
        XCTAssertEqual(conversionError("x_1_2")?.message, "Double subscript")
    }

    func testAmpersandOutsideEnvironment() {
        XCTAssertEqual(conversionError("a & b")?.message, "Misplaced & outside an alignment environment")
    }

    func testMissingArgument() {
        XCTAssertEqual(conversionError("\\frac{1}")?.message, "Missing argument for \\frac")
        XCTAssertEqual(conversionError("x^")?.message, "Missing argument for ^")
    }

    func testColourCannotInjectAttributes() {
        XCTAssertEqual(conversionError("\\color{red\" onload=\"alert(1)}{x}")?.message,
                       "Unsupported colour \"red\" onload=\"alert(1)\" (use a name or #rrggbb)")
    }

    func testUnclosedSubstack() {
        XCTAssertEqual(conversionError("\\substack{i \\\\ j")?.message, "Missing } after \\substack")
    }

    func testUnknownCommandInsideText() {
        XCTAssertEqual(conversionError("\\text{a \\foo b}")?.message, "Unknown command \\foo inside \\text")
    }
}
