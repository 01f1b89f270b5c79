import XCTest
import MathML

/// Conversions checked against MathML written out by hand from the MathML Core specification's elements.
final class TeXToMathMLTests: XCTestCase {
    private func math(_ body: String, display: Bool = false) -> String {
        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"\(display ? "block" : "inline")\">\(body)</math>"
    }

    private func assertConverts(_ tex: String, display: Bool = false, to body: String,
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(try TeXToMathML.convert(tex, display: display), math(body, display: display),
                       file: file, line: line)
    }

    // MARK: - Scripts, fractions, roots

    func testSuperscript() {
        assertConverts("x^2", to: "<msup><mi>x</mi><mn>2</mn></msup>")
    }

    func testSubscriptAndSuperscriptTogether() {
        assertConverts("x_i^{2}", to: "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")
    }

    func testScriptTakesOneDigitWithoutBraces() {
        assertConverts("x^23", to: "<msup><mi>x</mi><mn>2</mn></msup><mn>3</mn>")
    }

    func testFraction() {
        assertConverts("\\frac{a}{b}", to: "<mfrac><mi>a</mi><mi>b</mi></mfrac>")
    }

    func testFractionWithSingleTokenArguments() {
        assertConverts("\\frac12", to: "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
    }

    func testDisplayAndTextFractions() {
        assertConverts("\\dfrac{1}{n}",
                       to: "<mstyle displaystyle=\"true\"><mfrac><mn>1</mn><mi>n</mi></mfrac></mstyle>")
        assertConverts("\\tfrac{1}{n}", display: true,
                       to: "<mstyle displaystyle=\"false\"><mfrac><mn>1</mn><mi>n</mi></mfrac></mstyle>")
    }

    func testRoots() {
        assertConverts("\\sqrt{2}", to: "<msqrt><mn>2</mn></msqrt>")
        assertConverts("\\sqrt[3]{x}", to: "<mroot><mi>x</mi><mn>3</mn></mroot>")
    }

    func testPrimeStaysOnTheBaseLine() {
        assertConverts("f'(x)", to: "<mrow><mi>f</mi><mo lspace=\"0em\" rspace=\"0em\">′</mo></mrow>"
                       + "<mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>")
    }

    func testPrimeJoinsOtherScripts() {
        assertConverts("x_i'", to: "<msubsup><mi>x</mi><mi>i</mi><mo lspace=\"0em\" rspace=\"0em\">′</mo></msubsup>")
        assertConverts("f''^2", to: "<msup><mi>f</mi><mrow><mo lspace=\"0em\" rspace=\"0em\">″</mo><mn>2</mn></mrow></msup>")
    }

    func testSpelledOutPrimeIsSetLikeAnApostrophe() throws {
        XCTAssertEqual(try TeXToMathML.convert("f^{\\prime}", display: false),
                       try TeXToMathML.convert("f'", display: false))
    }

    func testDecimalNumberIsOneNumber() {
        assertConverts("12.241", to: "<mn>12.241</mn>")
    }

    // MARK: - Big operators and limits

    func testSumTakesLimitsBelowAndAboveInDisplay() {
        assertConverts("\\sum_{i=1}^n x_i", display: true,
                       to: "<munderover><mo movablelimits=\"false\">∑</mo><mrow><mi>i</mi><mo lspace=\"0em\" rspace=\"0em\">=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"
                       + "<msub><mi>x</mi><mi>i</mi></msub>")
    }

    func testSumTakesLimitsBesideInline() {
        assertConverts("\\sum_{i=1}^n x_i",
                       to: "<msubsup><mo>∑</mo><mrow><mi>i</mi><mo lspace=\"0em\" rspace=\"0em\">=</mo><mn>1</mn></mrow><mi>n</mi></msubsup>"
                       + "<msub><mi>x</mi><mi>i</mi></msub>")
    }

    func testSumInsideFractionOfDisplayFormulaTakesLimitsBeside() {
        assertConverts("\\frac{\\sum_i x}{2}", display: true,
                       to: "<mfrac><mrow><msub><mo>∑</mo><mi>i</mi></msub><mi>x</mi></mrow><mn>2</mn></mfrac>")
    }

    func testIntegralKeepsLimitsBesideUnlessAskedWithLimits() {
        assertConverts("\\int_0^1", display: true, to: "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>")
        assertConverts("\\int\\limits_0^1", display: true,
                       to: "<munderover><mo movablelimits=\"false\">∫</mo><mn>0</mn><mn>1</mn></munderover>")
        assertConverts("\\sum\\nolimits_i", display: true, to: "<msub><mo>∑</mo><mi>i</mi></msub>")
    }

    func testLimitIsAFunctionWithLimitsBelow() {
        assertConverts("\\lim_{x \\to 0} f", display: true,
                       to: "<munder><mi>lim</mi><mrow><mi>x</mi><mo lspace=\"0em\" rspace=\"0em\">→</mo><mn>0</mn></mrow></munder>"
                       + "<mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>f</mi>")
    }

    func testFunctionNamesGetThinSpaceExceptBeforeParentheses() {
        assertConverts("\\log x", to: "<mi>log</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>x</mi>")
        assertConverts("\\exp(z)", to: "<mi>exp</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mi>z</mi>"
                       + "<mo stretchy=\"false\">)</mo>")
        assertConverts("2\\sin x", to: "<mn>2</mn><mspace width=\"0.1667em\"/><mi>sin</mi><mo>&#x2061;</mo>"
                       + "<mspace width=\"0.1667em\"/><mi>x</mi>")
    }

    func testOperatorName() {
        assertConverts("\\operatorname{softmax}(z)",
                       to: "<mi>softmax</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mi>z</mi>"
                       + "<mo stretchy=\"false\">)</mo>")
    }

    func testModulo() {
        assertConverts("a \\bmod b", to: "<mi>a</mi><mo lspace=\"0.2222em\" rspace=\"0.2222em\">mod</mo><mi>b</mi>")
        // amsmath: \pmod{n} is \pod{{\operator@font mod}\mkern6mu n}, \pod puts 8 mu before it in text style.
        assertConverts("a \\pmod{n}",
                       to: "<mi>a</mi><mrow><mspace width=\"0.4444em\"/><mo stretchy=\"false\">(</mo><mi>mod</mi>"
                       + "<mspace width=\"0.3333em\"/><mi>n</mi><mo stretchy=\"false\">)</mo></mrow>")
    }

    // MARK: - Fences and environments

    func testLeftRightFencesStretch() {
        assertConverts("\\left( \\frac{1}{2} \\right]",
                       to: "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\">(</mo>"
                       + "<mfrac><mn>1</mn><mn>2</mn></mfrac>"
                       + "<mo form=\"postfix\" fence=\"true\" stretchy=\"true\">]</mo></mrow>")
    }

    func testNullDelimiterAndBraces() {
        assertConverts("\\left. x \\right\\}",
                       to: "<mrow><mi>x</mi><mo form=\"postfix\" fence=\"true\" stretchy=\"true\">}</mo></mrow>")
    }

    func testBracketsWrittenDirectlyDoNotStretch() {
        assertConverts("[x]", to: "<mo stretchy=\"false\">[</mo><mi>x</mi><mo stretchy=\"false\">]</mo>")
    }

    func testBiggDelimiterHasFixedSize() {
        assertConverts("\\bigg|_{0}",
                       to: "<msub><mrow><mo stretchy=\"true\" symmetric=\"true\" minsize=\"2.047em\" "
                       + "maxsize=\"2.047em\">|</mo></mrow><mn>0</mn></msub>")
    }

    func testBmatrix() {
        assertConverts("\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}",
                       to: "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\">[</mo>"
                       + "<mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr>"
                       + "<mtr><mtd><mn>3</mn></mtd><mtd><mn>4</mn></mtd></mtr></mtable>"
                       + "<mo form=\"postfix\" fence=\"true\" stretchy=\"true\">]</mo></mrow>")
    }

    func testMatrixFamilyFences() throws {
        let fences = ["matrix": nil, "pmatrix": ("(", ")"), "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"),
                      "Vmatrix": ("‖", "‖")]
        for (name, fence) in fences.sorted(by: { $0.key < $1.key }) {
            let mathML = try TeXToMathML.convert("\\begin{\(name)} a \\end{\(name)}", display: false)
            let table = "<mtable><mtr><mtd><mi>a</mi></mtd></mtr></mtable>"
            let expected = fence.map {
                "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\">\($0.0)</mo>\(table)"
                    + "<mo form=\"postfix\" fence=\"true\" stretchy=\"true\">\($0.1)</mo></mrow>"
            } ?? table
            XCTAssertEqual(mathML, math(expected), name)
        }
    }

    func testFinalRowBreakAddsNoEmptyRow() throws {
        XCTAssertEqual(try TeXToMathML.convert("\\begin{matrix} a \\\\ b \\\\ \\end{matrix}", display: false),
                       try TeXToMathML.convert("\\begin{matrix} a \\\\ b \\end{matrix}", display: false))
    }

    func testCases() {
        let first = "text-align: left; text-align: -webkit-left; padding: 0.1em 1em 0.1em 0.2em"
        let second = "text-align: left; text-align: -webkit-left; padding: 0.1em 0"
        let bar = "<mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">|</mo>"
        assertConverts("|x| = \\begin{cases} x, & x \\geq 0 \\\\ -x, & \\text{otherwise} \\end{cases}", display: true,
                       to: "\(bar)<mi>x</mi>\(bar)<mo>=</mo>"
                       + "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\">{</mo>"
                       + "<mtable columnalign=\"left left\">"
                       + "<mtr><mtd style=\"\(first)\"><mrow><mi>x</mi><mo>,</mo></mrow></mtd>"
                       + "<mtd style=\"\(second)\"><mrow><mi>x</mi><mo>≥</mo><mn>0</mn></mrow></mtd></mtr>"
                       + "<mtr><mtd style=\"\(first)\"><mrow><mo form=\"prefix\">−</mo><mi>x</mi><mo>,</mo></mrow></mtd>"
                       + "<mtd style=\"\(second)\"><mtext>otherwise</mtext></mtd></mtr>"
                       + "</mtable></mrow>")
    }

    func testAlignedPairsRightAndLeftColumnsInDisplayStyle() {
        let right = "text-align: right; text-align: -webkit-right; padding: 0.25em 0"
        let left = "text-align: left; text-align: -webkit-left; padding: 0.25em 0"
        assertConverts("\\begin{aligned} a &= b \\\\ &= c \\end{aligned}", display: true,
                       to: "<mtable displaystyle=\"true\" columnalign=\"right left\">"
                       + "<mtr><mtd style=\"\(right)\"><mi>a</mi></mtd>"
                       + "<mtd style=\"\(left)\"><mrow><mo>=</mo><mi>b</mi></mrow></mtd></mtr>"
                       + "<mtr><mtd style=\"\(right)\"><mrow></mrow></mtd>"
                       + "<mtd style=\"\(left)\"><mrow><mo>=</mo><mi>c</mi></mrow></mtd></mtr></mtable>")
    }

    func testArrayColumnSpecification() {
        assertConverts("\\begin{array}{l|r} a & b \\end{array}",
                       to: "<mtable columnalign=\"left right\"><mtr>"
                       + "<mtd style=\"text-align: left; text-align: -webkit-left\"><mi>a</mi></mtd>"
                       + "<mtd style=\"text-align: right; text-align: -webkit-right; border-left: 0.06em solid\"><mi>b</mi></mtd>"
                       + "</mtr></mtable>")
    }

    func testLineBreakOutsideEnvironmentStartsCentredLine() {
        assertConverts("a \\\\ b", display: true,
                       to: "<mtable displaystyle=\"true\"><mtr><mtd style=\"padding: 0.25em 0\"><mi>a</mi></mtd></mtr>"
                       + "<mtr><mtd style=\"padding: 0.25em 0\"><mi>b</mi></mtd></mtr></mtable>")
    }

    func testTrailingLineBreakAddsNoEmptyLine() {
        assertConverts("a \\\\", display: true, to: "<mi>a</mi>")
    }

    // MARK: - Letters, fonts, accents, text

    func testGreekLettersCapitalsUpright() {
        assertConverts("\\alpha\\Delta", to: "<mi>α</mi><mi mathvariant=\"normal\">Δ</mi>")
    }

    func testFontCommandsUseMathematicalAlphanumerics() {
        assertConverts("\\mathbf{W}^{\\top}", to: "<msup><mi>𝐖</mi><mi mathvariant=\"normal\">⊤</mi></msup>")
        assertConverts("\\mathbb{R}\\mathcal{L}\\boldsymbol{\\omega}\\bm{x}\\mathsf{A}\\mathit{v}",
                       to: "<mi>ℝ</mi><mi>ℒ</mi><mi>𝝎</mi><mi>𝒙</mi><mi>𝖠</mi><mi>𝑣</mi>")
        assertConverts("\\mathbf{b_1}", to: "<msub><mi>𝐛</mi><mn>𝟏</mn></msub>")
    }

    func testRomanWordIsOneUprightIdentifier() {
        assertConverts("\\mathrm{ReLU}(x)\\,\\mathrm{d}x",
                       to: "<mi>ReLU</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>"
                       + "<mspace width=\"0.1667em\"/><mi mathvariant=\"normal\">d</mi><mi>x</mi>")
    }

    func testAccents() {
        assertConverts("\\hat{y}", to: "<mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">^</mo></mover>")
        assertConverts("\\vec{x}", to: "<mover accent=\"true\"><mi>x</mi>"
                       + "<mo stretchy=\"false\" mathsize=\"70%\">→</mo></mover>")
        assertConverts("\\overline{ab}", to: "<mrow style=\"border-top: 0.06em solid; padding-top: 0.1em\">"
                       + "<mrow><mi>a</mi><mi>b</mi></mrow></mrow>")
    }

    func testSymbols() {
        assertConverts("\\nabla_\\theta \\partial x \\cdot y \\times z \\odot w \\otimes v", display: true,
                       to: "<msub><mi mathvariant=\"normal\">∇</mi><mi>θ</mi></msub><mi mathvariant=\"normal\">∂</mi>"
                       + "<mi>x</mi><mo>⋅</mo><mi>y</mi><mo>×</mo><mi>z</mi><mo>⊙</mo><mi>w</mi><mo>⊗</mo><mi>v</mi>")
        assertConverts("a \\leq b \\neq c \\approx d \\Rightarrow e \\in \\infty", display: true,
                       to: "<mi>a</mi><mo>≤</mo><mi>b</mi><mo>≠</mo><mi>c</mi><mo>≈</mo><mi>d</mi><mo>⇒</mo>"
                       + "<mi>e</mi><mo>∈</mo><mi mathvariant=\"normal\">∞</mi>")
    }

    func testSignAfterOperatorIsPrefix() {
        assertConverts("a=-b", display: true, to: "<mi>a</mi><mo>=</mo><mo form=\"prefix\">−</mo><mi>b</mi>")
        assertConverts("a-b", display: true, to: "<mi>a</mi><mo>−</mo><mi>b</mi>")
    }

    /// A sign is unary where TeX makes it so: at the start of a matrix cell (after `&` or `\\`), of a group
    /// and of the formula, and after an operator even across spaces. The form is written out rather than left
    /// to MathML's inference for a row's first operator, which a review saw fail in a matrix's second row.
    func testSignAtTheStartOfACellGroupOrFormulaIsPrefix() {
        let zero = "lspace=\"0em\" rspace=\"0em\""
        let cell = { (number: String) in "<mtd><mrow><mo form=\"prefix\">−</mo><mn>\(number)</mn></mrow></mtd>" }
        assertConverts("\\begin{matrix} 0.08217 & 0.08267 \\\\ -0.02260 & -0.02274 \\end{matrix}",
                       to: "<mtable><mtr><mtd><mn>0.08217</mn></mtd><mtd><mn>0.08267</mn></mtd></mtr>"
                       + "<mtr>\(cell("0.02260"))\(cell("0.02274"))</mtr></mtable>")
        assertConverts("x^{-1}", to: "<msup><mi>x</mi><mrow><mo form=\"prefix\" \(zero)>−</mo><mn>1</mn></mrow></msup>")
        assertConverts("-a+b", display: true, to: "<mo form=\"prefix\">−</mo><mi>a</mi><mo>+</mo><mi>b</mi>")
        assertConverts("\\quad -a", to: "<mspace width=\"1em\"/><mo form=\"prefix\">−</mo><mi>a</mi>")
        assertConverts("a = \\; -1", display: true, to: "<mi>a</mi><mo>=</mo><mspace width=\"0.2778em\"/><mo form=\"prefix\">−</mo><mn>1</mn>")
        // After an ordinary symbol the sign stays binary, spaces or not.
        assertConverts("b \\quad - a", display: true, to: "<mi>b</mi><mspace width=\"1em\"/><mo>−</mo><mi>a</mi>")
    }

    /// amsmath puts an empty atom at the start of an aligned right-hand column, so a sign there is binary.
    func testSignAfterAlignmentTabOfAlignedIsBinary() throws {
        let html = try TeXToMathML.convert("\\begin{aligned} a &= b \\\\ &- c \\end{aligned}", display: true)
        XCTAssertTrue(html.contains("<mrow><mo form=\"infix\">−</mo><mi>c</mi></mrow>"), html)
        let left = try TeXToMathML.convert("\\begin{aligned} -a &= b \\end{aligned}", display: true)
        XCTAssertTrue(left.contains("<mrow><mo form=\"prefix\">−</mo><mi>a</mi></mrow>"), left)
    }

    func testSlashHasNoSpace() {
        assertConverts("a/b", to: "<mi>a</mi><mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">/</mo><mi>b</mi>")
    }

    func testSpacingCommands() {
        assertConverts("a\\quad b\\qquad c\\;d",
                       to: "<mi>a</mi><mspace width=\"1em\"/><mi>b</mi><mspace width=\"2em\"/><mi>c</mi>"
                       + "<mspace width=\"0.2778em\"/><mi>d</mi>")
    }

    func testTextKeepsSpacesAndChinese() {
        assertConverts("\\text{if } x", to: "<mtext>if&#xA0;</mtext><mi>x</mi>")
        assertConverts("\\text{损失} = 交叉熵", display: true, to: "<mtext>损失</mtext><mo>=</mo><mtext>交叉熵</mtext>")
    }

    func testColourTagAndLabel() {
        assertConverts("\\color{red} x", to: "<mstyle mathcolor=\"red\"><mi>x</mi></mstyle>")
        // Temml's layout of a tagged equation (ronkok/Temml src/buildMathML.js, taggedExpression): a full-width
        // table, half-width glue on the left, the number right-aligned in the half-width cell on the right.
        assertConverts("E = mc^2 \\tag{1} \\label{eq:energy}", display: true,
                       to: "<mtable displaystyle=\"true\" style=\"width: 100%\"><mtr id=\"eq:energy\">"
                       + "<mtd style=\"padding: 0; width: 50%\"></mtd><mtd style=\"padding: 0.25em 0\"><mrow><mi>E</mi>"
                       + "<mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow></mtd>"
                       + "<mtd style=\"padding: 0; width: 50%; text-align: right; text-align: -webkit-right\">"
                       + "<mtext>(1)</mtext></mtd></mtr></mtable>")
    }

    func testDisplaystyleAppliesToRestOfGroup() {
        assertConverts("a{\\displaystyle b}c",
                       to: "<mi>a</mi><mstyle displaystyle=\"true\" scriptlevel=\"0\"><mi>b</mi></mstyle><mi>c</mi>")
    }

    // MARK: - Escaping

    func testEscapesLessThanGreaterThanAndAmpersand() {
        assertConverts("a < b > c", display: true, to: "<mi>a</mi><mo>&lt;</mo><mi>b</mi><mo>&gt;</mo><mi>c</mi>")
        assertConverts("\\text{<script>alert(1)</script> \\& more}",
                       to: "<mtext>&lt;script&gt;alert(1)&lt;/script&gt;&#xA0;&amp;&#xA0;more</mtext>")
    }

    func testOutputIsDeterministic() throws {
        let tex = "\\sum_{i=1}^n \\begin{bmatrix} \\alpha & \\beta \\end{bmatrix}"
        XCTAssertEqual(try TeXToMathML.convert(tex, display: true), try TeXToMathML.convert(tex, display: true))
    }
}
