import XCTest
@testable import Report

/// Equation numbers, references and document macros in both outputs. Expected numbers follow amsmath: every line
/// of `equation` and `align` is numbered in order unless it has `\nonumber`, `\tag{x}` shows "(x)", and a
/// labelled display formula without an environment is numbered too (this tool's rule, see `EquationLine`).
final class EquationReferenceTests: XCTestCase {
    private let context = RunContext(experimentName: "equations")

    private let prose = """
        The loss \\eqref{eq:loss} has the gradient in @eq:grad; line \\ref{eq:loss} again.

        $$
        \\begin{equation} L = \\tfrac12 (y - \\hat y)^2 \\label{eq:loss} \\end{equation}
        $$

        $$\\begin{align} \\nabla L &= \\hat y - y \\label{grad} \\\\ b &= 0 \\nonumber \\\\ c &= d \\end{align}$$

        $$x = 1 \\tag{A} \\label{eq:tagged}$$ and $$y = 2 \\label{plain}$$ then see $\\eqref{plain}$ and \\eqref{eq:tagged}.
        """

    private func render(_ markdown: String, language: DocumentLanguage = .english,
                        context: RunContext? = nil) throws -> (markdown: String, html: String) {
        var document = Document(title: "Equations", includesReproducibilityAppendix: false) { Prose(markdown) }
        document.language = language
        let rendered = try document.render(context: context ?? self.context)
        return (rendered.markdown, rendered.html)
    }

    func testEquationsAreNumberedInOrderAndReferencesLinkToThem() throws {
        let (markdown, html) = try render(prose)
        // Markdown: plain "(1)" links (GitHub's MathJax does not keep \label anchors), anchors before the blocks,
        // explicit \tag{n} in starred environments so GitHub shows our numbers and no others.
        XCTAssertTrue(markdown.contains("The loss [(1)](#eq-eq-loss) has the gradient in [Equation (2)](#eq-grad); "
                                        + "line [1](#eq-eq-loss) again."), markdown)
        XCTAssertTrue(markdown.contains("<a name=\"eq-eq-loss\"></a>\n```math\n\\begin{equation*} L = \\tfrac12 "
                                        + "(y - \\hat y)^2 \\tag{1} \\end{equation*}\n```"), markdown)
        XCTAssertTrue(markdown.contains("\\begin{align*} \\nabla L &= \\hat y - y \\tag{2} \\\\ b &= 0 \\nonumber \\\\ "
                                        + "c &= d \\tag{3} \\end{align*}"), markdown)
        XCTAssertTrue(markdown.contains("see $`\\text{(4)}`$ and [(A)](#eq-eq-tagged)."), markdown)
        XCTAssertFalse(markdown.contains("\\label"), markdown)

        XCTAssertTrue(html.contains("<a href=\"#eq-eq-loss\">(1)</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"#eq-grad\">Equation (2)</a>"), html)
        for (anchor, number) in [("eq-eq-loss", "(1)"), ("eq-grad", "(2)"), ("eq-eq-tagged", "(A)"), ("eq-plain", "(4)")] {
            let row = try XCTUnwrap(html.range(of: "<mtr id=\"\(anchor)\">"), anchor)
            let rest = html[row.upperBound...]
            let rowEnd = try XCTUnwrap(rest.range(of: "</mtr>"))
            XCTAssertTrue(rest[..<rowEnd.lowerBound].contains("<mtext>\(number)</mtext>"), "\(anchor) \(number)")
        }
        XCTAssertTrue(html.contains("<mtext>(3)</mtext>"))
        XCTAssertEqual(html.components(separatedBy: "<mtext>(").count - 1, 6, "1, 2, 3, A, 4 and the inline \\eqref")
    }

    func testChineseReferenceWord() throws {
        let (markdown, _) = try render(prose, language: .chinese)
        XCTAssertTrue(markdown.contains("[式 (2)](#eq-grad)"), markdown)
    }

    func testDanglingReferenceIsAnErrorNamingThePlace() {
        XCTAssertThrowsError(try render("See \\eqref{nope}.\n\n$$a \\label{yes}$$")) { error in
            XCTAssertEqual("\(error)", "reference to missing equation 'nope' (\\eqref{nope}) in prose block 1 "
                           + "before the first section, line 1; known labels: 'yes'")
        }
        XCTAssertThrowsError(try render("$x = \\ref{gone}$")) { error in
            XCTAssertTrue("\(error)".contains("reference to missing equation 'gone' (\\ref{gone})"), "\(error)")
        }
    }

    func testDuplicateLabelIsAnError() {
        XCTAssertThrowsError(try render("$$a \\label{x}$$\n\n$$b \\label{x}$$")) { error in
            XCTAssertTrue("\(error)".hasPrefix("two equations are labelled 'x'"), "\(error)")
        }
    }

    func testMacrosDefinedInProseApplyToLaterFormulasInBothOutputs() throws {
        let (markdown, html) = try render("""
            $\\newcommand{\\R}{\\mathbb{R}} \\def\\norm#1{\\lVert #1\\rVert}$Let $x \\in \\R^n$, $\\norm{x} < 1$.
            """)
        XCTAssertTrue(markdown.contains("Let $`x \\in \\mathbb{R}^n`$, $`\\lVert x\\rVert < 1`$."), markdown)
        XCTAssertFalse(markdown.contains("newcommand"), markdown)
        XCTAssertTrue(html.contains("<mi>ℝ</mi>"), html)
    }

    func testMacrosFileOfTheExperimentIsReadFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("macros-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "% course macros\n\\DeclareMathOperator*{\\argmax}{arg\\,max}\n\\newcommand{\\vx}{\\mathbf{x}}\n"
            .write(to: folder.appendingPathComponent("macros.tex"), atomically: true, encoding: .utf8)
        let context = RunContext(experimentName: "macros", sourceDirectory: folder)
        let (markdown, html) = try render("$$\\argmax_{\\vx} f$$", context: context)
        XCTAssertTrue(markdown.contains("\\operatorname*{arg\\,max}_{\\mathbf{x}} f"), markdown)
        XCTAssertTrue(html.contains("<munder><mi>arg max</mi>"), html)

        try "\\newcommand{\\a}{1}\n\\frac{1}{2}\n".write(to: folder.appendingPathComponent("macros.tex"),
                                                           atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try render("$x$", context: context)) { error in
            XCTAssertTrue("\(error)".hasPrefix("macros.tex:2: A macros file holds only"), "\(error)")
        }
    }

    func testDeeplyNestedFormulaIsAnErrorNamingItNotACrash() {
        let deep = String(repeating: "\\frac{", count: 10_000) + "x" + String(repeating: "}{y}", count: 10_000)
        XCTAssertThrowsError(try render("Deep: $\(deep)$")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("cannot convert formula $\\frac{\\frac{"), message)
            XCTAssertTrue(message.contains("(\(deep.count) characters)$ in prose block 1"), message)
            XCTAssertTrue(message.contains("nests more than 100 levels"), message)
            XCTAssertLessThan(message.count, 400)
        }
    }
}
