import XCTest
@testable import Report

/// The math forms of the Markdown writer, checked against the forms GitHub renders.
final class MarkdownMathTests: XCTestCase {
    private func markdown(_ prose: String) throws -> String {
        let document = Document(title: "T", includesReproducibilityAppendix: false) { Prose(prose) }
        let text = try document.render(context: RunContext(experimentName: "math"), convertMath: SampleDocument.fakeMath).markdown
        return String(text.dropFirst("# T\n\n".count))
    }

    func testInlineMathUsesTheBacktickForm() throws {
        XCTAssertEqual(try markdown("a $x_1^*$ b"), "a $`x_1^*`$ b\n")
        XCTAssertEqual(try markdown("code $`a`$ stays"), "code $`a`$ stays\n")
        XCTAssertEqual(try markdown("tick $a`b$"), "tick $a`b$\n")
    }

    func testDisplayMathBecomesAMathFence() throws {
        XCTAssertEqual(try markdown("Before\n\n$$\na_i\n$$\n\nafter"), "Before\n\n```math\na_i\n```\n\nafter\n")
        XCTAssertEqual(try markdown("> quoted\n> $$x_1$$\n> more"), "> quoted\n> ```math\n> x_1\n> ```\n> more\n")
        XCTAssertEqual(try markdown("so $$y$$ here"), "so \n\n```math\ny\n```\n\n here\n")
    }

    func testHTMLDropsTheParagraphAroundAFormulaOfItsOwn() throws {
        let document = Document(title: "T", includesReproducibilityAppendix: false) { "Text\n\n$$a$$\n\nmore $b$." }
        let html = try document.render(context: RunContext(experimentName: "math"), convertMath: SampleDocument.fakeMath).html
        XCTAssertTrue(html.contains("<p>Text</p>\n<math display=\"block\"><mtext>a</mtext></math>\n"
            + "<p>more <math display=\"inline\"><mtext>b</mtext></math>.</p>"), html)
    }

    func testLanguageCodes() {
        XCTAssertEqual(DocumentLanguage(code: "zh-Hans"), .chinese)
        XCTAssertEqual(DocumentLanguage(code: "en"), .english)
        XCTAssertNil(DocumentLanguage(code: "fr"))
    }
}
