import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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
                // An XML parser is the independent judge of balanced elements and escaping; the one entity
                // the writer uses, the no-break space, is numeric and needs no declaration.
                // An inline formula may be several <math> elements (so that it can wrap); they need one root.
                XCTAssertTrue(XMLParser(data: Data("<p>\(mathML)</p>".utf8)).parse(), "not well-formed: \(mathML)")
            } catch {
                failures.append("\(formula.file):\(formula.line): \(error) in \(formula.tex.debugDescription)")
            }
        }
        print("Converted \(formulas.count - failures.count) of \(formulas.count) formulas from the notes "
              + "(\(formulas.filter(\.display).count) display)")
        XCTAssertEqual(failures, [], failures.joined(separator: "\n"))
    }

    /// Cutting a formula anywhere makes malformed TeX of every kind (open groups, environments, `\left`
    /// without `\right`, a command cut in half); each must convert or throw a `ConversionError` that points
    /// inside the source — never crash or throw anything else.
    func testEveryPrefixOfNoteFormulasConvertsOrFailsCleanly() throws {
        var prefixes = 0
        for formula in try SeedFormulaExtractor.seedFormulas() {
            let characters = Array(formula.tex)
            for length in stride(from: 0, to: characters.count, by: 7) {
                let prefix = String(characters[..<length])
                prefixes += 1
                do {
                    _ = try TeXToMathML.convert(prefix, display: formula.display)
                } catch let error as TeXToMathML.ConversionError {
                    XCTAssertTrue((0...length).contains(error.offset), "\(error) for \(prefix.debugDescription)")
                    XCTAssertFalse(error.message.isEmpty)
                }
            }
        }
        XCTAssertGreaterThan(prefixes, 3000)
    }
}
