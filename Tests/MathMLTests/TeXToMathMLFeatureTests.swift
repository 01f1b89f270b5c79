import Foundation
import XCTest
import MathML

/// The commands lecture notes use beyond the course notes (issue 12), and the rendering defects fixed there.
///
/// Each expectation is MathML written by hand from the MathML Core specification's elements and, where MathML
/// Core has no element for the construct, from the markup of an established converter, cited per test: Temml
/// (ronkok/Temml, `src/functions/*.js`, `src/buildMathML.js`, `src/linebreaking.js`), or the TeX definition
/// it follows (amsmath, the TeXbook).
final class TeXToMathMLFeatureTests: XCTestCase {
    private let open = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\">"
    private let openBlock = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"

    private func assertConverts(_ tex: String, display: Bool = false, to body: String,
                                file: StaticString = #filePath, line: UInt = #line) {
        let expected = (display ? openBlock : open) + body + "</math>"
        XCTAssertEqual(try TeXToMathML.convert(tex, display: display), expected, file: file, line: line)
    }

    // MARK: - Enclosures and arrows

    /// Temml `enclose.js`: `\boxed` is an `<mrow>` with a border and 3 pt of padding, side padding as `<mspace>`,
    /// its content in display style (amsmath: `\fbox{$\displaystyle#1$}`).
    func testBoxed() {
        assertConverts("\\boxed{x}", to: "<mrow style=\"border: 0.06em solid; padding: 0.3em 0\"><mspace width=\"0.3em\"/>"
                       + "<mstyle displaystyle=\"true\" scriptlevel=\"0\"><mi>x</mi></mstyle><mspace width=\"0.3em\"/></mrow>")
    }

    /// Temml `enclose.js`: `\cancel` strikes with a linear gradient "to top left", `\bcancel` "to top right",
    /// `\xcancel` both.
    func testCancel() {
        let stroke = { (direction: String) in
            "linear-gradient(to \(direction), transparent calc(50% - 0.03em), currentColor calc(50% - 0.03em), "
                + "currentColor calc(50% + 0.03em), transparent calc(50% + 0.03em))"
        }
        assertConverts("\\cancel{x}", to: "<mrow style=\"background: \(stroke("top left"))\"><mi>x</mi></mrow>")
        assertConverts("\\bcancel{x}", to: "<mrow style=\"background: \(stroke("top right"))\"><mi>x</mi></mrow>")
        assertConverts("\\xcancel{x}",
                       to: "<mrow style=\"background: \(stroke("top left")), \(stroke("top right"))\"><mi>x</mi></mrow>")
    }

    /// Temml `arrow.js`: a relation's thick spaces around an `<mover>`/`<munderover>` whose stretchy arrow has no
    /// space of its own and whose labels are padded by 0.3 em each side; with no label, a 1.75 em minimum.
    func testExtensibleArrows() {
        let space = "<mspace width=\"0.2778em\"/>"
        let arrow = { (text: String) in "<mo stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">\(text)</mo>" }
        let label = { (body: String) in "<mrow><mspace width=\"0.3em\"/>\(body)<mspace width=\"0.3em\"/></mrow>" }
        assertConverts("\\xrightarrow{f}",
                       to: "<mrow>\(space)<mover accent=\"false\">\(arrow("→"))\(label("<mi>f</mi>"))</mover>\(space)</mrow>")
        assertConverts("\\xleftarrow[b]{a}",
                       to: "<mrow>\(space)<munderover accent=\"false\">\(arrow("←"))\(label("<mi>b</mi>"))"
                       + "\(label("<mi>a</mi>"))</munderover>\(space)</mrow>")
        assertConverts("\\xrightarrow{}",
                       to: "<mrow>\(space)<mover accent=\"false\">\(arrow("→"))<mspace width=\"1.75em\"/></mover>\(space)</mrow>")
    }

    // MARK: - Boxes that change size

    /// Temml `phantom.js`: `<mphantom>`; `\hphantom` inside an `<mpadded>` of no height and depth, `\vphantom` of
    /// no width.
    func testPhantoms() {
        assertConverts("\\phantom{x}", to: "<mphantom><mi>x</mi></mphantom>")
        assertConverts("\\hphantom{x}", to: "<mpadded height=\"0\" depth=\"0\"><mphantom><mi>x</mi></mphantom></mpadded>")
        assertConverts("\\vphantom{x}", to: "<mpadded width=\"0\"><mphantom><mi>x</mi></mphantom></mpadded>")
    }

    /// Temml `smash.js` (amsmath's `\smash[t|b]`): `<mpadded>` with height and/or depth 0.
    func testSmash() {
        assertConverts("\\smash{x}", to: "<mpadded height=\"0\" depth=\"0\"><mi>x</mi></mpadded>")
        assertConverts("\\smash[t]{x}", to: "<mpadded height=\"0\"><mi>x</mi></mpadded>")
        assertConverts("\\smash[b]{x}", to: "<mpadded depth=\"0\"><mi>x</mi></mpadded>")
    }

    /// Temml `rule.js`: an `<mspace>` with a background, raised by an `<mpadded>` with `voffset`. 10 pt = 1 em.
    func testRule() {
        assertConverts("\\rule{1em}{2pt}",
                       to: "<mspace width=\"1em\" height=\"0.2em\" mathbackground=\"currentColor\"/>")
        assertConverts("\\rule[1pt]{1em}{2pt}",
                       to: "<mpadded voffset=\"0.1em\" height=\"0.3em\" depth=\"0em\"><mspace width=\"1em\" height=\"0.2em\" "
                       + "mathbackground=\"currentColor\"/></mpadded>")
    }

    /// `\kern` and `\mkern` are horizontal space (`<mspace width>`), 18 mu to the em (TeXbook, chapter 18).
    func testKernAndMkern() {
        assertConverts("a\\kern1em b", to: "<mi>a</mi><mspace width=\"1em\"/><mi>b</mi>")
        assertConverts("a\\mkern-9mu b", to: "<mi>a</mi><mspace width=\"-0.5em\"/><mi>b</mi>")
        assertConverts("a\\mskip{18mu}b", to: "<mi>a</mi><mspace width=\"1em\"/><mi>b</mi>")
    }

    /// TeX stops at 16383.99999pt ("Dimension too large"); the fuzzer's `\kern-10^70mu` crashed the writer.
    func testLengthBeyondTeXsLimitIsAnError() {
        assertConverts("a\\kern1638em b", to: "<mi>a</mi><mspace width=\"1638em\"/><mi>b</mi>")
        for tex in ["a\\kern-9999999999999999999999999999999999999999999999999999999999999993mu b", "a\\kern16384pt b"] {
            XCTAssertThrowsError(try TeXToMathML.convert(tex, display: false), tex) { error in
                XCTAssertTrue("\(error)".contains("Dimension too large"), "\(error)")
            }
        }
    }

    // MARK: - Classes and styles

    /// Temml `mclass.js`: a single symbol becomes an `<mo>` with its class's spacing (relation 0.2778 em, binary
    /// 0.2222 em, punctuation 0.1667 em after), longer content an `<mrow>` padded with `<mspace>`; none in scripts.
    func testMathClasses() {
        assertConverts("a \\mathrel{+} b", display: true,
                       to: "<mi>a</mi><mo lspace=\"0.2778em\" rspace=\"0.2778em\">+</mo><mi>b</mi>")
        assertConverts("a \\mathbin{\\times} b", display: true,
                       to: "<mi>a</mi><mo lspace=\"0.2222em\" rspace=\"0.2222em\">×</mo><mi>b</mi>")
        assertConverts("a \\mathrel{R} b", display: true,
                       to: "<mi>a</mi><mrow><mspace width=\"0.2778em\"/><mi>R</mi><mspace width=\"0.2778em\"/></mrow><mi>b</mi>")
        assertConverts("x_{\\mathrel{+}}", to: "<msub><mi>x</mi><mo lspace=\"0em\" rspace=\"0em\">+</mo></msub>")
    }

    /// `\mathop{…}` makes a big operator: its limits go below and above in display style (TeXbook, rule 13a).
    func testMathop() {
        assertConverts("\\mathop{\\mathrm{argmax}}_w L", display: true,
                       to: "<munder><mi>argmax</mi><mi>w</mi></munder><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>L</mi>")
        assertConverts("\\mathop{\\mathrm{argmax}}_w L",
                       to: "<msub><mi>argmax</mi><mi>w</mi></msub><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>L</mi>")
    }

    /// MathML Core `<mstyle displaystyle scriptlevel>`, as Temml `styling.js` writes TeX's four styles.
    func testStyleSwitches() {
        assertConverts("\\scriptstyle x", to: "<mstyle displaystyle=\"false\" scriptlevel=\"1\"><mi>x</mi></mstyle>")
        assertConverts("\\scriptscriptstyle x", to: "<mstyle displaystyle=\"false\" scriptlevel=\"2\"><mi>x</mi></mstyle>")
        assertConverts("\\textstyle x", display: true,
                       to: "<mstyle displaystyle=\"false\" scriptlevel=\"0\"><mi>x</mi></mstyle>")
    }

    /// Plain TeX's infix fractions: `\over` is `\frac`, `\atop` has no rule, `\choose` is `\binom` (MathML Core
    /// `<mfrac linethickness="0">` between stretchy parentheses, as Temml `genfrac.js`).
    func testInfixFractions() {
        assertConverts("{a \\over b}", to: "<mfrac><mi>a</mi><mi>b</mi></mfrac>")
        assertConverts("{a \\atop b}", to: "<mfrac linethickness=\"0\"><mi>a</mi><mi>b</mi></mfrac>")
        XCTAssertEqual(try TeXToMathML.convert("{n \\choose k}", display: false),
                       try TeXToMathML.convert("\\binom{n}{k}", display: false))
        assertConverts("1 + 2 \\over 3", display: true,
                       to: "<mfrac><mrow><mn>1</mn><mo>+</mo><mn>2</mn></mrow><mn>3</mn></mfrac>")
    }

    /// `\verb|…|` keeps its characters exactly, in a monospaced alphabet (MathML Core ignores `mathvariant`, so
    /// letters and digits are Unicode's monospace ones).
    func testVerb() {
        assertConverts("\\verb|x_1 & y|", to: "<mtext>𝚡_𝟷&#xA0;&amp;&#xA0;𝚢</mtext>")
        assertConverts("\\verb+a|b+", to: "<mtext>𝚊|𝚋</mtext>")
    }

    /// `\underbar` is an underline (Temml `enclose.js` draws `\underline` as a bottom border).
    func testUnderbar() {
        assertConverts("\\underbar{x}", to: "<mrow style=\"border-bottom: 0.06em solid; padding-bottom: 0.1em\"><mi>x</mi></mrow>")
    }

    /// amsmath: `\pmod{n}` is `\pod{{\operator@font mod}\mkern6mu n}`; `\pod` puts 18 mu before in display style.
    func testPmodInDisplay() {
        assertConverts("a \\pmod{n}", display: true,
                       to: "<mi>a</mi><mrow><mspace width=\"1em\"/><mo stretchy=\"false\">(</mo><mi>mod</mi>"
                       + "<mspace width=\"0.3333em\"/><mi>n</mi><mo stretchy=\"false\">)</mo></mrow>")
    }

    // MARK: - Tables

    /// Temml draws `array`'s rules as cell borders (`src/environments/array.js`: `borderTop = "0.06em solid"`
    /// for `\hline`, and likewise for `|`), since Chromium ignores `columnlines` and `rowlines`.
    func testArrayRules() {
        let line = "0.06em solid"
        assertConverts("\\begin{array}{|c|c} \\hline a & b \\\\ \\hline c & d \\\\ \\hline \\end{array}",
                       to: "<mtable><mtr><mtd style=\"border-left: \(line); border-top: \(line)\"><mi>a</mi></mtd>"
                       + "<mtd style=\"border-left: \(line); border-top: \(line)\"><mi>b</mi></mtd></mtr>"
                       + "<mtr><mtd style=\"border-left: \(line); border-top: \(line); border-bottom: \(line)\"><mi>c</mi></mtd>"
                       + "<mtd style=\"border-left: \(line); border-top: \(line); border-bottom: \(line)\"><mi>d</mi></mtd>"
                       + "</mtr></mtable>")
    }

    /// amsmath: `\\[4pt]` adds 4 pt below its row; the aligned cells' own 0.25 em padding stays.
    func testRowSpacing() {
        let right = "text-align: right; text-align: -webkit-right; padding: 0.25em 0"
        let left = "text-align: left; text-align: -webkit-left; padding: 0.25em 0"
        assertConverts("\\begin{aligned} a &= b \\\\[4pt] c &= d \\end{aligned}", display: true,
                       to: "<mtable displaystyle=\"true\" columnalign=\"right left\">"
                       + "<mtr><mtd style=\"\(right); padding-bottom: 0.65em\"><mi>a</mi></mtd>"
                       + "<mtd style=\"\(left); padding-bottom: 0.65em\"><mrow><mo>=</mo><mi>b</mi></mrow></mtd></mtr>"
                       + "<mtr><mtd style=\"\(right)\"><mi>c</mi></mtd><mtd style=\"\(left)\"><mrow><mo>=</mo><mi>d</mi></mrow></mtd>"
                       + "</mtr></mtable>")
    }

    // MARK: - Numbered equations

    private let glue = "<mtd style=\"padding: 0; width: 50%\"></mtd>"
    private func number(_ text: String?) -> String {
        "<mtd style=\"padding: 0; width: 50%; text-align: right; text-align: -webkit-right\">"
            + (text.map { "<mtext>\($0)</mtext>" } ?? "") + "</mtd>"
    }

    /// amsmath numbers `equation`; Temml `buildMathML.js` (`taggedExpression`) lays it out as a full-width
    /// table with the number in a right-aligned half-width cell.
    func testEquationIsNumbered() {
        assertConverts("\\begin{equation} x \\end{equation}", display: true,
                       to: "<mtable displaystyle=\"true\" style=\"width: 100%\"><mtr>\(glue)"
                       + "<mtd style=\"padding: 0.25em 0\"><mi>x</mi></mtd>\(number("(1)"))</mtr></mtable>")
        assertConverts("\\begin{equation*} x \\end{equation*}", display: true, to: "<mi>x</mi>")
    }

    /// amsmath numbers each line of `align` but those with `\nonumber`; `align*` none; `\tag*{x}` shows x bare.
    func testAlignNumbersEachLine() throws {
        let mathML = try TeXToMathML.convert("\\begin{align} a &= b \\\\ c &= d \\nonumber \\\\ e &= f \\tag*{★} \\end{align}",
                                             display: true)
        let numbers = mathML.components(separatedBy: "<mtr>").dropFirst().map { row in
            row.range(of: "<mtext>").map { String(row[$0.upperBound...].prefix { $0 != "<" }) } ?? "-"
        }
        XCTAssertEqual(numbers, ["(1)", "-", "★"])
        XCTAssertFalse(try TeXToMathML.convert("\\begin{align*} a &= b \\end{align*}", display: true).contains("mtext"))
    }

    /// `gather` numbers each line, `gather*` none; `\tag` overrides the number; numbers continue with the
    /// document's (given) numbers.
    func testGatherAndGivenNumbers() throws {
        let mathML = try TeXToMathML.convert("\\begin{gather} a \\\\ b \\tag{T} \\\\ c \\end{gather}", display: true,
                                             macros: TeXMacros(), numbers: ["(7)", "(8)"])
        XCTAssertEqual(mathML.components(separatedBy: "<mtext>").dropFirst().map { $0.prefix { $0 != "<" } },
                       ["(7)", "(T)", "(8)"])
        XCTAssertFalse(try TeXToMathML.convert("\\begin{gather*} a \\\\ b \\end{gather*}", display: true).contains("mtext"))
    }

    func testLabelGivesTheRowItsId() throws {
        let mathML = try TeXToMathML.convert("\\begin{align} a &= b \\label{first} \\end{align}", display: true)
        XCTAssertTrue(mathML.contains("<mtr id=\"first\">"), mathML)
    }

    func testTagInInlineMathIsAnError() {
        XCTAssertThrowsError(try TeXToMathML.convert("x \\tag{1}", display: false)) { error in
            XCTAssertEqual((error as? TeXToMathML.ConversionError)?.message,
                           "\\tag and \\label number display formulas only; this one is inline")
        }
    }

    // MARK: - Macros

    /// LaTeX's `\newcommand` with arguments and a default, `\def` with parameters, `\DeclareMathOperator` as
    /// `\operatorname`: the result is the conversion of the formula written out by hand.
    func testMacrosExpandAsWrittenOut() throws {
        var macros = TeXMacros()
        XCTAssertEqual(try macros.expand("\\newcommand{\\R}{\\mathbb{R}}\\newcommand\\pd[2][x]{\\frac{\\partial #2}{\\partial #1}}"
                                         + "\\def\\norm#1{\\lVert #1\\rVert}\\DeclareMathOperator*{\\argmax}{arg\\,max}"), "")
        let pairs = [
            ("x \\in \\R^n", "x \\in \\mathbb{R}^n"),
            ("\\pd{f}", "\\frac{\\partial f}{\\partial x}"),
            ("\\pd[t]{u}", "\\frac{\\partial u}{\\partial t}"),
            ("\\norm{w}_2", "\\lVert w\\rVert_2"),
            ("\\argmax_k z_k", "\\operatorname*{arg\\,max}_k z_k"),
        ]
        for (withMacros, writtenOut) in pairs {
            XCTAssertEqual(try TeXToMathML.convert(withMacros, display: true, macros: macros),
                           try TeXToMathML.convert(writtenOut, display: true), withMacros)
            XCTAssertEqual(try macros.expand(withMacros), writtenOut)
        }
        XCTAssertEqual(macros.names, ["R", "argmax", "norm", "pd"])
    }

    func testRenewcommandReplacesAndNewcommandRefusesToReplace() throws {
        var macros = TeXMacros()
        _ = try macros.expand("\\newcommand{\\x}{1}")
        XCTAssertThrowsError(try macros.expand("\\newcommand{\\x}{2}")) { error in
            XCTAssertEqual((error as? TeXToMathML.ConversionError)?.message,
                           "\\newcommand: \\x is already defined (use \\renewcommand to change it)")
        }
        _ = try macros.expand("\\renewcommand{\\x}{2}")
        XCTAssertEqual(try macros.expand("\\x"), "2")
    }

    func testRecursiveMacroIsStoppedByALimit() {
        var macros = TeXMacros()
        XCTAssertThrowsError(try macros.expand("\\def\\a{\\a}\\a")) { error in
            XCTAssertEqual((error as? TeXToMathML.ConversionError)?.message,
                           "Macro expansion went past 1000 steps (does \\a expand to itself?)")
        }
        XCTAssertThrowsError(try macros.expand("\\def\\b{\\b\\b}\\b"))
    }

    func testMacroArgumentErrorsNameTheMacro() {
        var macros = TeXMacros()
        XCTAssertThrowsError(try macros.expand("\\newcommand{\\f}[2]{#1#2} \\f{a}")) { error in
            XCTAssertEqual((error as? TeXToMathML.ConversionError)?.message, "\\f takes 2 arguments; found 1")
        }
        XCTAssertThrowsError(try macros.expand("\\newcommand{\\g}[1]{#2}")) { error in
            XCTAssertEqual((error as? TeXToMathML.ConversionError)?.message, "\\g uses #2 but takes 1 argument")
        }
    }

    // MARK: - Nesting

    /// 10,000 nested `\frac`, braces or `\left(` once overflowed the stack; past 100 levels the converter stops
    /// with an error.
    func testDeepNestingIsAnError() {
        let inputs = [
            String(repeating: "\\frac{", count: 10_000) + "x" + String(repeating: "}{y}", count: 10_000),
            String(repeating: "\\left(", count: 10_000) + "x" + String(repeating: "\\right)", count: 10_000),
            String(repeating: "{", count: 10_000) + String(repeating: "}", count: 10_000),
            String(repeating: "\\sqrt", count: 10_000) + "x",
            String(repeating: "\\displaystyle", count: 10_000) + "x",
            String(repeating: "x^{", count: 10_000) + "x" + String(repeating: "}", count: 10_000),
        ]
        for tex in inputs {
            XCTAssertThrowsError(try TeXToMathML.convert(tex, display: true)) { error in
                XCTAssertTrue((error as? TeXToMathML.ConversionError)?.message.hasPrefix(
                    "The formula nests more than 100 levels deep") == true, "\(error)")
            }
        }
        let allowed = String(repeating: "{", count: 99) + "x" + String(repeating: "}", count: 99)
        XCTAssertEqual(try TeXToMathML.convert(allowed, display: false), open + "<mi>x</mi></math>")
    }

    /// At the nesting limit the converter fits in half the main thread's 8 MiB stack even in a debug build,
    /// whose frames are the largest (a `\\frac` costs two levels: the command and its braced argument); so the
    /// limit, not the stack, stops deep input.
    func testNestingLimitFitsInHalfTheMainThreadsStack() {
        let deepest = [
            String(repeating: "\\frac{", count: 49) + "x" + String(repeating: "}{y}", count: 49),
            String(repeating: "{", count: 99) + "x" + String(repeating: "}", count: 99),
            String(repeating: "\\left(", count: 99) + "x" + String(repeating: "\\right)", count: 99),
            String(repeating: "\\sqrt{", count: 49) + "x" + String(repeating: "}", count: 49),
        ]
        let finished = expectation(description: "converted on a 4 MiB stack")
        nonisolated(unsafe) var converted: [Bool] = []
        let thread = Thread {
            converted = deepest.map { (try? TeXToMathML.convert($0, display: true)) != nil }
            finished.fulfill()
        }
        thread.stackSize = 4 << 20
        thread.start()
        wait(for: [finished], timeout: 60)
        XCTAssertEqual(converted, [true, true, true, true])
    }

    // MARK: - Defects fixed (issue 12)

    /// MathML Core: `movablelimits` on the base moves limits to the side outside display style, so a forced
    /// `\limits` says `movablelimits="false"` (Temml writes it on every big operator).
    func testInlineLimitsStayBelowAndAbove() {
        assertConverts("\\sum\\limits_{i}^{n}", to: "<munderover><mo movablelimits=\"false\">∑</mo><mi>i</mi><mi>n</mi></munderover>")
    }

    /// TeX sets `|`, `\lvert`, `\rvert` and `\|` without space (ordinary, opening and closing atoms), which
    /// MathML's dictionary gives an infix `|`.
    func testBarsHaveNoSpace() {
        let bar = "<mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">|</mo>"
        let double = "<mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">‖</mo>"
        assertConverts("|x|", to: "\(bar)<mi>x</mi>\(bar)")
        assertConverts("\\lvert x\\rvert", to: "\(bar)<mi>x</mi>\(bar)")
        assertConverts("||\\omega||", to: "\(bar)\(bar)<mi>ω</mi>\(bar)\(bar)")
        assertConverts("\\|\\omega\\|", to: "\(double)<mi>ω</mi>\(double)")
    }

    /// TeXbook, chapter 18: relations and binary operators get no space in script styles (Temml `mclass.js`:
    /// "Operator spacing is zero inside a (sub|super)script").
    func testOperatorsInScriptsHaveNoSpace() {
        assertConverts("x_{i=1}", to: "<msub><mi>x</mi><mrow><mi>i</mi><mo lspace=\"0em\" rspace=\"0em\">=</mo><mn>1</mn></mrow></msub>")
        assertConverts("\\frac{a+b}{2}", to: "<mfrac><mrow><mi>a</mi><mo lspace=\"0em\" rspace=\"0em\">+</mo><mi>b</mi></mrow><mn>2</mn></mfrac>")
        assertConverts("\\frac{a+b}{2}", display: true, to: "<mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></mfrac>")
    }

    /// A brace as wide as its content: the content's border with rounded ends and a chevron tip, since Chromium
    /// cannot stretch DejaVu Math's ⏟ past its largest variant.
    func testBracesSpanTheirContent() {
        let tip = "transform: translateY(-0.2em) rotate(45deg)"
        assertConverts("\\underbrace{ab}_{n}",
                       to: "<munder><munder accentunder=\"true\"><mrow style=\"border-bottom: 0.06em solid; border-radius: 0 0 0.3em 0.3em; "
                       + "padding: 0 0.1em 0.15em\"><mrow><mi>a</mi><mi>b</mi></mrow></mrow><mspace width=\"0.22em\" "
                       + "height=\"0.22em\" style=\"border-right: 0.06em solid; border-bottom: 0.06em solid; \(tip)\"/></munder>"
                       + "<mi>n</mi></munder>")
    }

    /// The combining tilde (U+0303) is drawn left of its base; the ASCII tilde's stretchy variant is centred.
    func testWidetildeIsCentredOverItsBase() {
        assertConverts("\\widetilde{x}", to: "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">~</mo></mover>")
    }

    /// Chromium draws `\widetilde` and `\widehat` one letter wide; as Temml does (src/stretchy.js and the
    /// `tml-crooked-2/3/4` rules of temml.css: `scale(2.0, 1.1)`, `scale(3.0, 1.3)`, `scale(4.0, 1.4)` for an
    /// estimated base width of 1–1.6, 1.6–2.5 and over 2.5 em), the mark is widened to span a longer base, and
    /// `\widehat` uses the ASCII circumflex, as Temml does, since a stretchy U+0302 is not drawn at all.
    func testWideAccentsSpanTheirBase() {
        let tilde = "<mo stretchy=\"true\" lspace=\"0em\" rspace=\"0em\""
        assertConverts("\\widetilde{ab}", to: "<mover accent=\"true\"><mrow><mi>a</mi><mi>b</mi></mrow>"
                       + tilde + " style=\"transform: scale(2, 1.1)\">~</mo></mover>")
        assertConverts("\\widetilde{xyz}", to: "<mover accent=\"true\"><mrow><mi>x</mi><mi>y</mi><mi>z</mi></mrow>"
                       + tilde + " style=\"transform: scale(3, 1.3)\">~</mo></mover>")
        assertConverts("\\widehat{ABC}", to: "<mover accent=\"true\"><mrow><mi>A</mi><mi>B</mi><mi>C</mi></mrow>"
                       + tilde + " style=\"transform: scale(4, 1.4)\">^</mo></mover>")
        assertConverts("\\widehat{x}", to: "<mover accent=\"true\"><mi>x</mi>" + tilde + ">^</mo></mover>")
    }

    /// `\substack` lines get a little padding so that they do not touch.
    func testSubstackRowsArePadded() {
        assertConverts("\\substack{a \\\\ b}", to: "<mtable><mtr><mtd style=\"padding: 0.06em 0\"><mi>a</mi></mtd></mtr>"
                       + "<mtr><mtd style=\"padding: 0.06em 0\"><mi>b</mi></mtd></mtr></mtable>")
    }

    func testDisplayRootClearsTheLimitsInside() {
        assertConverts("\\sqrt{\\sum^n x}", display: true,
                       to: "<msqrt><mrow style=\"padding-top: 0.2em\"><mrow><mover><mo movablelimits=\"false\">∑</mo><mi>n</mi>"
                       + "</mover><mi>x</mi></mrow></mrow></msqrt>")
    }

    /// `\stackrel{a}{=}` is `\mathrel{\mathop{=}\limits^{a}}`: the mark is a limit, set clear of the base.
    func testStackrelMarkIsClearOfTheBase() {
        assertConverts("\\stackrel{a}{=}", to: "<mover><mo movablelimits=\"false\">=</mo><mpadded depth=\"0.3em\"><mi>a</mi></mpadded></mover>")
    }

    /// The prime of `\operatorname{ReLU}'` belongs to the name: no function-application space before it.
    func testPrimeOnAFunctionNameHasNoGap() {
        assertConverts("\\operatorname{ReLU}'(x)",
                       to: "<mi>ReLU′</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>")
    }

    /// amssymb defines `\because` and `\therefore` as relations: a thick space on each side.
    func testBecauseAndThereforeAreRelations() {
        assertConverts("\\therefore x", display: true,
                       to: "<mo lspace=\"0.2778em\" rspace=\"0.2778em\">∴</mo><mi>x</mi>")
    }

    /// In TeX `.` is an ordinary symbol, so `...` is three close dots, not ". . .".
    func testPeriodsAreOrdinary() {
        assertConverts("...", to: "<mo lspace=\"0em\" rspace=\"0em\">.</mo><mo lspace=\"0em\" rspace=\"0em\">.</mo>"
                       + "<mo lspace=\"0em\" rspace=\"0em\">.</mo>")
    }

    func testAccentClearsASuperscript() {
        assertConverts("\\vec{x'_i}", to: "<mover accent=\"true\"><msubsup><mi>x</mi><mi>i</mi><mo lspace=\"0em\" rspace=\"0em\">′</mo>"
                       + "</msubsup><mrow style=\"padding-bottom: 0.15em\"><mo stretchy=\"false\" mathsize=\"70%\">→</mo></mrow></mover>")
    }

    /// TeXbook p. 173 (and Temml `linebreaking.js`): an inline formula may break after a top-level relation or
    /// binary operator; each piece is its own `<math>`, between which Chromium breaks lines.
    func testInlineFormulaIsCutAfterRelationsAndBinaryOperators() {
        XCTAssertEqual(try TeXToMathML.convert("a = -b + c", display: false),
                       open + "<mi>a</mi><mo>=</mo></math>" + open + "<mo form=\"prefix\">−</mo><mi>b</mi><mo>+</mo></math>"
                       + open + "<mi>c</mi></math>")
        XCTAssertEqual(try TeXToMathML.convert("a = b", display: true), openBlock + "<mi>a</mi><mo>=</mo><mi>b</mi></math>")
    }
}
