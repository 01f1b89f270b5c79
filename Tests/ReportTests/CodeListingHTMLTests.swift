import Foundation
import XCTest
@testable import Report
import TestSupport

/// Listings in report.html: Swift coloured in spans, escaped inside them, other languages plain, every line
/// marked for print; report.md keeps plain fenced blocks.
final class CodeListingHTMLTests: XCTestCase {
    func testSwiftListingIsColouredLineByLine() {
        XCTAssertEqual(CodeListingHTML.html("let x = 1 // one\n    return x", language: "swift"),
                       "<pre><code class=\"language-swift\">"
                       + "<span class=\"line\"><span class=\"text\"><span class=\"kw\">let</span> x = "
                       + "<span class=\"num\">1</span> <span class=\"cmt\">// one</span></span>\n</span>"
                       + "<span class=\"line\"><span class=\"indent\">    </span><span class=\"text\">"
                       + "<span class=\"kw\">return</span> x</span>\n</span>"
                       + "</code></pre>")
    }

    func testSpecialCharactersAreEscapedInsideSpans() {
        let html = CodeListingHTML.html("let s = \"a<b && c>'d'\" // <b>&", language: "swift")
        XCTAssertTrue(html.contains("<span class=\"str\">&quot;a&lt;b &amp;&amp; c&gt;&#39;d&#39;&quot;</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"cmt\">// &lt;b&gt;&amp;</span>"), html)
        XCTAssertFalse(html.contains("<b>"), html)
    }

    /// A block comment over three lines is closed at each line end and reopened, so every line is whole.
    func testTokenOverSeveralLinesIsSplitAtLineEnds() {
        XCTAssertEqual(CodeListingHTML.html("/* one\n\n  two */ x", language: "swift"),
                       "<pre><code class=\"language-swift\">"
                       + "<span class=\"line\"><span class=\"text\"><span class=\"cmt\">/* one</span></span>\n</span>"
                       + "<span class=\"line\">\n</span>"
                       + "<span class=\"line\"><span class=\"indent\">  </span><span class=\"text\">"
                       + "<span class=\"cmt\">two */</span> x</span>\n</span>"
                       + "</code></pre>")
    }

    func testOtherLanguagesAndNoLanguageStayPlain() {
        XCTAssertEqual(CodeListingHTML.html("if x < 1:  # let\n", language: "python"),
                       "<pre><code class=\"language-python\"><span class=\"line\"><span class=\"text\">"
                       + "if x &lt; 1:  # let</span>\n</span></code></pre>")
        XCTAssertEqual(CodeListingHTML.html("let x = 1", language: nil),
                       "<pre><code><span class=\"line\"><span class=\"text\">let x = 1</span>\n</span></code></pre>")
    }

    func testLineEndingsAsAnHTMLParserReadsThem() {
        let lines = CodeListingHTML.lines(of: [CodeRun(text: "a\r\nb\rc\n", style: nil)])
        XCTAssertEqual(lines.map { $0.map(\.text).joined() }, ["a", "b", "c", ""])
    }

    /// Fences in prose: a Swift fence is coloured like a snippet, a Python fence and a bare fence are plain,
    /// and the Markdown output keeps all three exactly as written.
    func testFencesInProse() throws {
        let prose = """
        Swift:

        ```swift
        let rate = 0.1 // step
        ```

        Python:

        ```python
        rate = 0.1  # let
        ```

        ```
        let plain = 1
        ```
        """
        let rendered = try Document(title: "Fences") { Prose(prose) }.render(context: RunContext(experimentName: "fences"))
        XCTAssertTrue(rendered.html.contains("<pre><code class=\"language-swift\"><span class=\"line\"><span class=\"text\">"
            + "<span class=\"kw\">let</span> rate = <span class=\"num\">0.1</span> <span class=\"cmt\">// step</span>"
            + "</span>\n</span></code></pre>"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<pre><code class=\"language-python\"><span class=\"line\"><span class=\"text\">"
            + "rate = 0.1  # let</span>\n</span></code></pre>"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<pre><code><span class=\"line\"><span class=\"text\">let plain = 1</span>\n"
            + "</span></code></pre>"), rendered.html)
        XCTAssertFalse(rendered.html.contains("<code class=\"language-swift\">let"), "cmark's own listing left in place")
        XCTAssertTrue(rendered.markdown.contains(prose), rendered.markdown)
    }

    /// A snippet's report.md listing is the fenced source text, untouched by the colouring.
    func testSnippetInMarkdownIsAPlainSwiftFence() throws {
        let folder = try SampleDocument.makeExperimentFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rendered = try SampleDocument.document()
            .render(context: SampleDocument.context(sourceDirectory: folder), convertMath: SampleDocument.fakeMath)
        XCTAssertTrue(rendered.markdown.contains("""
        ```swift
        func update(_ weight: Double, gradient: Double) -> Double {
            // Plain gradient descent: step against the gradient.
            weight - learningRate * gradient
        }
        ```
        """), rendered.markdown)
        XCTAssertFalse(rendered.markdown.contains("<span"))
        XCTAssertTrue(rendered.html.contains("<span class=\"kw\">func</span> update(_ weight: <span class=\"ty\">Double</span>"),
                      rendered.html)
    }
}
