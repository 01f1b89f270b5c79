import XCTest
@testable import MathML

/// Converts every formula of the course notes, the product's real input.
final class SeedFormulaTests: XCTestCase {
    func testEveryNoteFormulaConverts() throws {
        let formulas = try SeedFormulaExtractor.seedFormulas()
        // The five notes hold 616 formulas (counted independently with a separate script); a much smaller
        // number would mean the extractor lost its way, not that the notes changed.
        XCTAssertGreaterThan(formulas.count, 600)
        var failures: [String] = []
        for formula in formulas {
            do {
                let mathML = try TeXToMathML.convert(formula.tex, display: formula.display)
                XCTAssertTrue(mathML.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\""))
            } catch {
                failures.append("\(formula.file):\(formula.line): \(error) in \(formula.tex.debugDescription)")
            }
        }
        print("Converted \(formulas.count - failures.count) of \(formulas.count) formulas from the notes "
              + "(\(formulas.filter(\.display).count) display)")
        XCTAssertEqual(failures, [], failures.joined(separator: "\n"))
    }
}
