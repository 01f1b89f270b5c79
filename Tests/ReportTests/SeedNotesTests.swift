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

    /// Each seed note, as it is, can be the text of a handout in the Markdown form: it renders, and each of its
    /// ATX headings (outside code) becomes a numbered section listed in the HTML's contents.
    func testEverySeedNoteIsAHandoutInTheMarkdownForm() throws {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: seedDirectory.path) else {
            throw XCTSkip("the seed notes are not beside this checkout")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seed-handout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in files.filter({ $0.hasSuffix(".txt") }).sorted() {
            // The notes' images are not shipped with them (seeds/README.md), so their links are taken out.
            let text = try String(contentsOf: seedDirectory.appendingPathComponent(file), encoding: .utf8)
                .replacingOccurrences(of: #"!\[[^\]]*\]\([^)]*\)"#, with: "", options: .regularExpression)
            try Data(text.utf8).write(to: folder.appendingPathComponent("handout.md"))
            // Headings counted here with a regular expression, fences tracked by hand: not the code under test.
            var inFence = false
            var headingCount = 0
            for line in text.components(separatedBy: "\n") {
                if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); continue }
                if !inFence, line.range(of: "^ {0,3}#{1,6}( |$)", options: .regularExpression) != nil { headingCount += 1 }
            }
            let document = Document(title: file, markdown: "handout.md", language: .chinese) {}
            let html = try document.render(context: RunContext(experimentName: "seed", sourceDirectory: folder)).html
            let numbered = html.components(separatedBy: "<li><a href=\"#sec-").count - 1
            XCTAssertEqual(numbered, headingCount, file)
        }
    }
}
