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
    func testWritesPageWithEveryNoteFormula() throws {
        let formulas = try SeedFormulaExtractor.seedFormulas()
        var body = ""
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
        XCTAssertEqual(page.components(separatedBy: "<math ").count - 1, formulas.count)
    }
}
