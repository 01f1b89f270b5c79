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
            + "<p>more <span class=\"nowrap\"><math display=\"inline\"><mtext>b</mtext></math>.</span></p>"), html)
    }

    private func html(_ prose: String) throws -> String {
        let document = Document(title: "T", includesReproducibilityAppendix: false) { Prose(prose) }
        let html = try document.render(context: RunContext(experimentName: "math"), convertMath: SampleDocument.fakeMath).html
        guard let start = html.range(of: "<main>"), let end = html.range(of: "</main>") else { return html }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// An inline formula keeps the punctuation after it (and a bracket before it) on its line: Chromium
    /// otherwise wrapped "…损失 L" and put the "。" alone on the next line.
    func testInlineFormulaKeepsItsPunctuation() throws {
        let math = { (tex: String) in "<math display=\"inline\"><mtext>\(tex)</mtext></math>" }
        XCTAssertTrue(try html("得到损失 $L$。下一句").contains("<p>得到损失 <span class=\"nowrap\">\(math("L"))。</span>下一句</p>"))
        XCTAssertTrue(try html("其中 $a$，$b$；还有（$c$）").contains(
            "<span class=\"nowrap\">\(math("a"))，</span><span class=\"nowrap\">\(math("b"))；</span>"
            + "还有<span class=\"nowrap\">（\(math("c"))）</span>"))
        XCTAssertTrue(try html("so ($x$), then $y$ and").contains(
            "so <span class=\"nowrap\">(\(math("x"))),</span> then \(math("y")) and"))
        XCTAssertTrue(HTMLStylesheet.css.contains(".nowrap { white-space: nowrap; }"))
    }

    func testLanguageCodes() {
        XCTAssertEqual(DocumentLanguage(code: "zh-Hans"), .chinese)
        XCTAssertEqual(DocumentLanguage(code: "en"), .english)
        XCTAssertNil(DocumentLanguage(code: "fr"))
    }
}
