import XCTest
@testable import Report

final class ProseScannerTests: XCTestCase {
    private func segments(_ text: String) -> [ProseScanner.Segment] {
        ProseScanner.scan(text).map(\.segment)
    }

    func testInlineMathKeepsUnderscoresAndAsterisks() {
        XCTAssertEqual(segments("a $x_1 * y_2$ b"), [.markdown("a "), .inlineMath("x_1 * y_2"), .markdown(" b")])
    }

    func testDollarAmountsAreNotMath() {
        XCTAssertEqual(segments("costs $5 and $6 today"), [.markdown("costs \\$5 and \\$6 today")])
        XCTAssertEqual(segments("$x$5"), [.markdown("\\$x\\$5")])
        XCTAssertEqual(segments("$ x$"), [.markdown("\\$ x\\$")])
        // Only ASCII digits block a closing `$`: "两" (two) has a numeric value in Unicode but is a word here.
        XCTAssertEqual(segments("由$a$和$b$两个"), [.markdown("由"), .inlineMath("a"), .markdown("和"), .inlineMath("b"),
                                               .markdown("两个")])
    }

    func testEscapedDollarStaysText() {
        XCTAssertEqual(segments("pay \\$5 for $a$"), [.markdown("pay \\$5 for "), .inlineMath("a")])
    }

    func testCodeSpansAndFencedBlocksAreLeftAlone() {
        XCTAssertEqual(segments("run `echo $a$` now"), [.markdown("run `echo $a$` now")])
        XCTAssertEqual(segments("``a ` $b$``"), [.markdown("``a ` $b$``")])
        let fenced = "```sh\necho $x$ @fig:a\n```\nthen $y$"
        XCTAssertEqual(segments(fenced), [.markdown("```sh\necho $x$ @fig:a\n```\nthen "), .inlineMath("y")])
    }

    func testDisplayMathRecordsItsLinePrefix() {
        XCTAssertEqual(segments("text\n\n$$\na_b\n$$\n"), [
            .markdown("text\n\n"), .displayMath("a_b", linePrefix: ""), .markdown("\n"),
        ])
        XCTAssertEqual(segments("> $$x$$"), [.markdown("> "), .displayMath("x", linePrefix: "> ")])
        XCTAssertEqual(segments("so $$x$$ here"), [
            .markdown("so "), .displayMath("x", linePrefix: nil), .markdown(" here"),
        ])
    }

    func testQuoteMarkersAreNotPartOfTheFormula() {
        XCTAssertEqual(segments("> > $$\n> > a \\\\\n> > b\n> > $$"), [
            .markdown("> > "), .displayMath("a \\\\\nb", linePrefix: "> > "),
        ])
        XCTAssertEqual(segments("> so $a +\n> b$ here"), [.markdown("> so "), .inlineMath("a +\nb"), .markdown(" here")])
        XCTAssertEqual(segments("x $a\n> b$"), [.markdown("x "), .inlineMath("a\n> b")])
    }

    func testAMathBlockMayContainBlankLines() {
        XCTAssertEqual(segments("$$\na\n\n\\\\\nb\n$$\nafter"), [
            .displayMath("a\n\\\\\nb", linePrefix: ""), .markdown("\nafter"),
        ])
        XCTAssertEqual(segments("text $$a\n\nb$$"), [.markdown("text \\$\\$a\n\nb\\$\\$")])
    }

    func testMathDoesNotCrossABlankLine() {
        XCTAssertEqual(segments("$a\n\nb$"), [.markdown("\\$a\n\nb\\$")])
        XCTAssertEqual(segments("$$a\n\nb"), [.markdown("\\$\\$a\n\nb")])
    }

    func testReferences() {
        XCTAssertEqual(segments("see @fig:loss-curves, and @tab:metrics."), [
            .markdown("see "), .reference(.figure, name: "loss-curves"), .markdown(", and "),
            .reference(.table, name: "metrics"), .markdown("."),
        ])
        XCTAssertEqual(segments("mail me@fig:x or @someone"), [.markdown("mail me@fig:x or @someone")])
        XCTAssertEqual(segments("见@fig:loss。"), [.markdown("见"), .reference(.figure, name: "loss"), .markdown("。")])
    }

    func testLineNumbers() {
        let tokens = ProseScanner.scan("one\ntwo $a$\n$$\nb\n$$\nfive @fig:x")
        XCTAssertEqual(tokens.map(\.line), [1, 2, 2, 3, 5, 6])
    }
}
