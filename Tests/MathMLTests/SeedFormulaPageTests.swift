import Foundation
import XCTest
@testable import MathML

/// Builds an HTML page with every formula of the notes, for looking at the rendering in a browser:
///
///     MATHML_SEED_PAGE=/tmp/seed-formulas.html swift test --filter SeedFormulaPageTests
///     chromium --headless --no-sandbox --disable-gpu --screenshot=page.png --window-size=1200,4000 \
///         file:///tmp/seed-formulas.html
///
/// Without `MATHML_SEED_PAGE` the page goes to the temporary directory. The page is not a golden: what it
/// shows is judged by eye, and the test only checks that every formula made it onto the page.
final class SeedFormulaPageTests: XCTestCase {
    /// Constructs the notes do not use but teachers will, shown first on the page.
    static let featureFormulas: [String] = [
        "\\dfrac{1}{2} + \\tfrac{1}{2} + \\frac{a+b}{c} = \\sqrt{x} + \\sqrt[3]{y} + \\binom{n}{k}",
        "\\prod_{i=1}^{n} p_i \\quad \\int_0^1 f(x)\\,\\mathrm{d}x \\quad \\int\\limits_0^1 \\quad "
            + "\\lim_{n \\to \\infty} \\left(1 + \\frac{1}{n}\\right)^n = e",
        "\\max_{\\theta} \\log p(x \\mid \\theta) \\quad \\arg\\min_w \\|w\\|_2^2 \\quad "
            + "\\operatorname*{argmax}_k z_k \\quad \\sin^2 x + \\cos^2 x = 1",
        "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix} \\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix} "
            + "\\begin{Bmatrix} 1 \\\\ 2 \\end{Bmatrix} \\begin{Vmatrix} x \\end{Vmatrix} "
            + "\\begin{matrix} 1 & 0 \\\\ 0 & 1 \\end{matrix}",
        "\\begin{align} \\mathcal{L}(\\theta) &= -\\sum_{i} y_i \\log \\hat{y}_i \\\\ "
            + "\\nabla_\\theta \\mathcal{L} &= \\hat{y} - y \\end{align}",
        "\\begin{gather} a = b \\\\ c + d = e \\end{gather}",
        "\\begin{array}{c|cc} x & 1 & 2 \\\\ y & 3 & 4 \\end{array}",
        "\\mathbf{W} \\mathit{W} \\mathcal{W} \\mathbb{R}^n \\boldsymbol{\\theta} \\bm{\\Sigma} \\mathsf{T} \\mathrm{d}",
        "\\hat{y} \\bar{x} \\tilde{z} \\vec{v} \\dot{x} \\ddot{x} \\overline{AB} \\widehat{xyz}",
        "\\underbrace{a + \\cdots + a}_{n \\text{ 个}} = \\overbrace{b + b}^{2}",
        "\\{x \\mid x > 0\\} \\quad \\left\\langle u, v \\right\\rangle \\quad \\left. \\frac{df}{dx} \\right|_{x=0} "
            + "\\quad \\left\\lceil \\frac{N}{B} \\right\\rceil \\quad \\bigl( \\Bigl( \\biggl( \\Biggl(",
        "A^\\top A^\\intercal \\quad a \\cdot b \\times c \\odot d \\otimes e \\quad a \\leq b \\geq c "
            + "\\neq d \\approx e \\to f \\rightarrow g \\Rightarrow h",
        "x_1, \\ldots, x_n \\quad x_1 + \\cdots + x_n \\quad \\vdots \\quad \\ddots \\quad a\\,b\\:c\\;d\\ e\\quad f\\qquad g",
        "\\text{损失} = \\text{交叉熵}(y, \\hat{y}) \\quad 学习率 \\eta = 0.1 \\quad {\\color{red} x} + "
            + "\\textcolor{blue}{y} \\quad \\displaystyle\\sum_{k=1}^{K} k",
        "E = mc^2 \\tag{1.1} \\label{eq:energy}",
        "\\sum_{\\substack{i=1 \\\\ i \\neq j}}^{n} w_{ij} \\quad a \\equiv b \\pmod{n} \\quad a \\bmod b",
        "f(x) = \\begin{cases} x & x \\geq 0 \\\\ \\alpha (e^x - 1) & \\text{否则} \\end{cases}",
        // Issue 12: commands lecture notes use.
        "\\boxed{E = mc^2} \\quad \\cancel{x} + \\bcancel{y} + \\xcancel{z} \\quad a \\xrightarrow{\\text{训练}} b "
            + "\\xleftarrow[\\eta]{t} c \\xrightarrow{} d",
        "x\\phantom{+y} = 1 \\quad \\hphantom{ab}| \\quad \\vphantom{\\frac{1}{2}}a \\quad \\smash{\\frac{a}{b}} \\quad "
            + "\\rule{1em}{0.4pt} \\quad a\\kern1em b\\mkern18mu c",
        "a \\mathrel{R} b \\mathbin{\\#} c \\quad \\mathop{\\mathrm{arg\\,max}}_{w} L \\quad {a+b \\over c} \\quad "
            + "{n \\choose k} \\quad \\verb|x_1 & y| \\quad \\underbar{x}",
        "\\displaystyle\\sum_i x_i \\quad \\textstyle\\sum_i x_i \\quad \\scriptstyle a+b \\quad \\scriptscriptstyle c",
        "\\begin{array}{c|cc} x & 1 & 2 \\\\ \\hline y & 3 & 4 \\\\[4pt] z & 5 & 6 \\end{array} \\quad "
            + "\\begin{array}{|l|r|} \\hline a & b \\\\ \\hline \\end{array}",
        "\\begin{align} \\nabla_W L &= \\delta a^\\top \\label{eq:grad} \\\\ b &\\leftarrow b - \\eta \\delta \\nonumber "
            + "\\\\ W &\\leftarrow W - \\eta \\nabla_W L \\end{align}",
        "\\begin{equation} \\sigma(x) = \\frac{1}{1+e^{-x}} \\end{equation}",
        "\\begin{gather} a = b \\tag{A} \\\\ c = d \\end{gather}",
        // Issue 12: defects that were fixed.
        "\\underbrace{a_1 + a_2 + \\cdots + a_n}_{n\\text{ 项}} = \\overbrace{x + y + z}^{3} \\quad \\widetilde{xyz} \\widehat{AB}",
        "\\text{inline limits: } \\textstyle\\sum\\limits_{i=1}^n x_i \\quad |x| \\quad \\lvert x\\rvert \\quad ||\\omega|| \\quad "
            + "\\|\\omega\\|_2",
        "\\sum_{i=1}^{n} x_i \\quad \\sum_{\\substack{i=1 \\\\ j \\neq i}}^{n} w_{ij} \\quad "
            + "\\sqrt{\\sum_{i=1}^n x_i^2} \\quad a \\stackrel{\\text{def}}{=} b",
        "\\operatorname{ReLU}'(x) \\quad \\because x > 0 \\quad \\therefore y > 0 \\quad 1, 2, ... \\quad "
            + "\\vec{x_i'} \\quad \\vec{x}' ",
    ]

    /// Inline formulas: limits forced with `\\limits`, and one longer than the paragraph is wide.
    static let inlineFormulas: [String] = [
        "\\sum\\limits_{i=1}^n x_i",
        "L(\\theta) = -\\frac{1}{N} \\sum_{i=1}^{N} \\left[ y_i \\log \\hat{y}_i + (1 - y_i) \\log (1 - \\hat{y}_i) \\right] "
            + "+ \\lambda \\|W\\|_2^2 = a + b + c + d + e",
    ]

    func testWritesPageWithEveryNoteFormula() throws {
        var body = "<h2>Features</h2>\n"
        for tex in Self.featureFormulas {
            let mathML = try TeXToMathML.convert(tex, display: true)
            body += "<section>\(mathML)<pre>\(MathMLWriter.escaped(tex))</pre></section>\n"
        }
        // In a narrow paragraph, so a long inline formula has to break at its relations and operators.
        body += "<h2>Inline</h2>\n<p style=\"max-width: 24em; border: 1px dashed #ccc\">Limits "
        for tex in Self.inlineFormulas {
            body += "<span>\(try TeXToMathML.convert(tex, display: false))</span> and "
        }
        body += "text after.</p>\n"
        let formulas = try SeedFormulaExtractor.seedFormulas()
        var previousFile = ""
        for (number, formula) in formulas.enumerated() {
            if formula.file != previousFile {
                body += "<h2>\(formula.file)</h2>\n"
                previousFile = formula.file
            }
            let mathML = try TeXToMathML.convert(formula.tex, display: formula.display)
            let source = MathMLWriter.escaped(formula.tex)
            if formula.display {
                body += "<section><p class=\"where\">\(number + 1). line \(formula.line)</p>\(mathML)"
                    + "<pre>\(source)</pre></section>\n"
            } else {
                body += "<section><p><span class=\"where\">\(number + 1). line \(formula.line)</span> "
                    + "行内公式 \(mathML) 在句中。</p><pre>\(source)</pre></section>\n"
            }
        }
        let page = """
            <!DOCTYPE html>
            <html lang="zh"><head><meta charset="utf-8"><title>Formulas of the notes</title>
            <style>
            body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 18px; margin: 1em 2em; }
            math { font-family: "DejaVu Math TeX Gyre", "STIX Two Math", "Cambria Math", math; }
            section { border-bottom: 1px solid #ddd; padding: 0.3em 0; }
            .where { color: #888; font-size: 12px; margin: 0; }
            pre { color: #666; font-size: 11px; margin: 0.2em 0; white-space: pre-wrap; }
            </style></head><body>
            <h1>\(formulas.count) formulas</h1>
            \(body)</body></html>

            """
        let path = ProcessInfo.processInfo.environment["MATHML_SEED_PAGE"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("seed-formulas.html").path
        try page.write(toFile: path, atomically: true, encoding: .utf8)
        print("Wrote \(formulas.count) formulas to \(path)")
        XCTAssertEqual(page.components(separatedBy: "<pre>").count - 1, Self.featureFormulas.count + formulas.count)
        XCTAssertEqual(page.components(separatedBy: "<span><math ").count - 1, Self.inlineFormulas.count)
        XCTAssertGreaterThan(page.components(separatedBy: "<math ").count - 1,
                       Self.featureFormulas.count + Self.inlineFormulas.count + formulas.count)
    }
}
