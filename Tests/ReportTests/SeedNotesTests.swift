import MathML
import XCTest
@testable import Report

/// The course notes in `../shared/seeds/` (beside the package) are what teachers write; every formula in them
/// must reach the MathML converter whole, and convert.
final class SeedNotesTests: XCTestCase {
    private var seedDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/seeds")
    }

    func testEverySeedFormulaIsFoundAndConverts() throws {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: seedDirectory.path) else {
            throw XCTSkip("the seed notes are not beside this checkout")
        }
        var count = 0
        for file in files.filter({ $0.hasSuffix(".txt") }).sorted() {
            let text = try String(contentsOf: seedDirectory.appendingPathComponent(file), encoding: .utf8)
            for token in ProseScanner.scan(text) {
                let tex: String
                let display: Bool
                switch token.segment {
                case .inlineMath(let formula): (tex, display) = (formula, false)
                case .displayMath(let formula, _): (tex, display) = (formula, true)
                case .markdown, .reference, .equationReference: continue
                }
                count += 1
                let quoteMarker = tex.split(separator: "\n").dropFirst().contains { $0.drop { $0 == " " }.hasPrefix(">") }
                XCTAssertFalse(quoteMarker, "\(file):\(token.line): a block quote's '>' left in \(tex)")
                XCTAssertNoThrow(try TeXToMathML.convert(tex, display: display), "\(file):\(token.line): \(tex)")
            }
        }
        // The MathML tests' extractor, written separately, finds 616 formulas in the notes.
        XCTAssertEqual(count, 616)
    }
}
