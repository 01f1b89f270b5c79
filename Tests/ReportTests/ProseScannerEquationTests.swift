import XCTest
@testable import Report

/// Equation references in prose text: LaTeX's `\eqref{…}` and `\ref{…}` (as Typora and MathJax read them in
/// text) and `@eq:…` like the figure and table references.
final class ProseScannerEquationTests: XCTestCase {
    private func segments(_ text: String) -> [ProseScanner.Segment] {
        ProseScanner.scan(text).map(\.segment)
    }

    func testEqrefAndRefInText() {
        XCTAssertEqual(segments("by \\eqref{eq:loss} and \\ref{ grad }."),
                       [.markdown("by "), .equationReference(name: "eq:loss", form: .parenthesized), .markdown(" and "),
                        .equationReference(name: "grad", form: .bare), .markdown(".")])
    }

    func testAtEqReferenceMayHoldAColon() {
        XCTAssertEqual(segments("见@eq:loss，和 @eq:eq:grad."),
                       [.markdown("见"), .equationReference(name: "loss", form: .named), .markdown("，和 "),
                        .equationReference(name: "eq:grad", form: .named), .markdown(".")])
    }

    func testReferencesInCodeAndEscapesStayText() {
        XCTAssertEqual(segments("`\\eqref{a}` and \\\\eqref{b}"), [.markdown("`\\eqref{a}` and \\\\eqref{b}")])
        XCTAssertEqual(segments("\\eqref{unclosed"), [.markdown("\\eqref{unclosed")])
    }

    func testReferenceInsideMathStaysInTheFormula() {
        XCTAssertEqual(segments("$x = \\eqref{a}$"), [.inlineMath("x = \\eqref{a}")])
    }
}
