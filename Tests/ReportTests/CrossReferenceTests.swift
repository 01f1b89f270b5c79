import XCTest
@testable import Report
import TestSupport

final class CrossReferenceTests: XCTestCase {
    private let context = RunContext(experimentName: "references")

    private func png() -> Data { TestPNG.solid(width: 2, height: 2, red: 0, green: 0, blue: 0) }

    private func document() -> Document {
        Document(title: "References", includesReproducibilityAppendix: false) {
            "First @fig:c, then @tab:second and @fig:a."
            Section("One") {
                FigureBlock(name: "a", caption: "A.") { self.png() }
                Table(name: "first", caption: "First.", rows: [1], columns: [TableColumn("n") { $0 }])
            }
            Section("Two") {
                FigureBlock(name: "b", caption: "B, after @fig:a.") { self.png() }
                for name in ["c"] {
                    FigureBlock(name: name, caption: "C.") { self.png() }
                }
                Table(name: "second", caption: "Second, see @tab:first.", rows: [2], columns: [TableColumn("n") { $0 }])
            }
        }
    }

    /// Pairs (anchor, text) of every link, found with patterns written for each output format.
    private func links(in text: String, pattern: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }.joined(separator: "=")
        }
    }

    func testNumbersAndReferencesAgreeBetweenMarkdownAndHTML() throws {
        let rendered = try document().render(context: context, convertMath: SampleDocument.fakeMath)
        let markdownLinks = try links(in: rendered.markdown, pattern: ##"\[([^\]]+)\]\(#([a-z]+-[a-z]+)\)"##)
        let htmlLinks = try links(in: rendered.html, pattern: ##"<a href="#([a-z]+-[a-z]+)">([^<]+)</a>"##)
        let expected = ["Figure 3=fig-c", "Table 2=tab-second", "Figure 1=fig-a", "Figure 1=fig-a", "Table 1=tab-first"]
        XCTAssertEqual(markdownLinks, expected)
        XCTAssertEqual(htmlLinks.map { $0.split(separator: "=").reversed().joined(separator: "=") }, expected)

        let markdownLabels = try links(in: rendered.markdown, pattern: #"<a name="([a-z]+-[a-z]+)"></a>\n\n(?:!\[[^\]]*\]\([^)]*\)\n\n)?\*\*([^*]+)\*\*"#)
        let htmlLabels = try links(in: rendered.html, pattern: #"id="([a-z]+-[a-z]+)">\n(?:<img [^>]*>\n)?<figcaption><span class="label">([^<]+)</span>"#)
        XCTAssertEqual(markdownLabels, ["fig-a=Figure 1.", "tab-first=Table 1.", "fig-b=Figure 2.", "fig-c=Figure 3.", "tab-second=Table 2."])
        XCTAssertEqual(htmlLabels, markdownLabels)
    }

    func testChineseCaptionWords() throws {
        var chinese = document()
        chinese.language = .chinese
        let rendered = try chinese.render(context: context, convertMath: SampleDocument.fakeMath)
        XCTAssertTrue(rendered.markdown.contains("First [图 3](#fig-c), then [表 2](#tab-second)"))
        XCTAssertTrue(rendered.markdown.contains("**图 2** B, after [图 1](#fig-a)."))
        XCTAssertTrue(rendered.html.contains("<span class=\"label\">表 1</span> First."))
    }

    func testMissingFigureIsAnErrorNamingIt() {
        let document = Document(title: "Missing") {
            Section("Results") {
                "The curve in @fig:loss-curves."
            }
        }
        XCTAssertThrowsError(try document.render(context: context)) { error in
            let message = (error as? ReportError)?.message ?? ""
            XCTAssertTrue(message.contains("missing figure 'loss-curves'"), message)
            XCTAssertTrue(message.contains("prose block 1 in section “1 Results”, line 1"), message)
        }
    }

    func testMissingTableInIncludedFileNamesFileAndLine() throws {
        let folder = try SampleDocument.makeExperimentFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("# Notes\n\nSee\n@tab:nowhere.\n".utf8).write(to: folder.appendingPathComponent("extra.md"))
        let document = Document(title: "Include") { Include("extra.md") }
        XCTAssertThrowsError(try document.render(context: SampleDocument.context(sourceDirectory: folder))) { error in
            let message = (error as? ReportError)?.message ?? ""
            XCTAssertTrue(message.contains("missing table 'nowhere'"), message)
            XCTAssertTrue(message.contains("extra.md:4"), message)
        }
    }

    func testMissingIncludedFileIsNamed() {
        let document = Document(title: "Include") { Include("absent.md") }
        let context = RunContext(experimentName: "x", sourceDirectory: FileManager.default.temporaryDirectory)
        XCTAssertThrowsError(try document.render(context: context)) { error in
            XCTAssertTrue("\(error)".contains("'absent.md' not found"), "\(error)")
        }
    }

    func testDuplicateAndInvalidNamesAreErrors() {
        let duplicate = Document(title: "Twice") {
            FigureBlock(name: "same", caption: "") { self.png() }
            FigureBlock(name: "same", caption: "") { self.png() }
        }
        XCTAssertThrowsError(try duplicate.render(context: context)) { error in
            XCTAssertTrue("\(error)".contains("two figures are named 'same'"), "\(error)")
        }
        let invalid = Document(title: "Bad") { FigureBlock(name: "../x", caption: "") { self.png() } }
        XCTAssertThrowsError(try invalid.render(context: context)) { error in
            XCTAssertTrue("\(error)".contains("figure name '../x' is not valid"), "\(error)")
        }
    }

    func testFigureErrorsNameTheFigure() {
        struct Broken: Error, CustomStringConvertible { var description: String { "no data" } }
        let throwing = Document(title: "Broken") { FigureBlock(name: "broken", caption: "") { throw Broken() } }
        XCTAssertThrowsError(try throwing.render(context: context)) { error in
            XCTAssertEqual("\(error)", "figure 'broken' could not be rendered: no data")
        }
        let notPNG = Document(title: "Broken") { FigureBlock(name: "text", caption: "") { Data("hello".utf8) } }
        XCTAssertThrowsError(try notPNG.render(context: context)) { error in
            XCTAssertTrue("\(error)".contains("figure 'text'"), "\(error)")
        }
    }

    func testFormulaErrorsNameFormulaAndPlace() {
        struct Unsupported: Error, CustomStringConvertible { var description: String { "unknown command" } }
        let document = Document(title: "Math") {
            Section("Theory") { "Line one\nhas $\\frob{x}$." }
        }
        XCTAssertThrowsError(try document.render(context: context, convertMath: { _, _ in throw Unsupported() })) { error in
            XCTAssertEqual("\(error)", "cannot convert formula $\\frob{x}$ in prose block 1 in section “1 Theory”, "
                + "line 2: unknown command")
        }
    }
}
