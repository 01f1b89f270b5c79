import XCTest
@testable import Report

/// The title block (subtitle, author, course, date) and math in table cells, in both writers.
final class TitleBlockAndTableMathTests: XCTestCase {
    private func written(_ document: Document) throws -> (markdown: String, html: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-title-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try document.write(to: directory, context: RunContext(experimentName: "title"))
        return (try String(contentsOf: files.markdownFile, encoding: .utf8),
                try String(contentsOf: files.htmlFile, encoding: .utf8))
    }

    func testTitleBlockInBothOutputs() throws {
        let document = Document(title: "Optimizers", subtitle: "Lecture 4", author: "Li Wei", course: "CS 231",
                                date: "2026-03-14", includesReproducibilityAppendix: false) {
            Section("One") { "Text." }
        }
        let (markdown, html) = try written(document)
        XCTAssertTrue(markdown.hasPrefix("# Optimizers\n\n*Lecture 4*\n\nLi Wei · CS 231 · 2026\\-03\\-14\n\n")
                      || markdown.hasPrefix("# Optimizers\n\n*Lecture 4*\n\nLi Wei · CS 231 · 2026-03-14\n\n"), markdown)
        XCTAssertTrue(html.contains("<header class=\"title-block\">\n<h1 class=\"title\">Optimizers</h1>\n"
            + "<p class=\"subtitle\">Lecture 4</p>\n<p class=\"byline\"><span class=\"author\">Li Wei</span>"
            + "<span class=\"separator\"> · </span><span class=\"course\">CS 231</span>"
            + "<span class=\"separator\"> · </span><time class=\"date\">2026-03-14</time></p>\n</header>"), html)
    }

    func testNoTitleBlockWithoutDetails() throws {
        let (markdown, html) = try written(Document(title: "Plain", includesReproducibilityAppendix: false) {
            Section("One") { "Text." }
        })
        XCTAssertTrue(markdown.hasPrefix("# Plain\n\n## 1 One"), markdown)
        XCTAssertFalse(html.contains("<header class=\"title-block\">"))
    }

    func testInlineMathInTableCells() throws {
        struct Row { var name: String; var value: Double }
        let document = Document(title: "Table", includesReproducibilityAppendix: false) {
            Section("One") {
                Table(name: "rates", caption: "Rates.", rows: [Row(name: "$\\alpha | \\beta$", value: 0.975)], columns: [
                    TableColumn("$\\eta$") { $0.name },
                    TableColumn("value", format: .scientific(2)) { $0.value },
                ])
            }
        }
        let (markdown, html) = try written(document)
        XCTAssertTrue(markdown.contains("| $`\\eta`$ | value |"), markdown)
        XCTAssertTrue(markdown.contains("| $`\\alpha \\| \\beta`$ |"), markdown)
        XCTAssertTrue(html.contains("<th class=\"left\"><math"), html)
        XCTAssertTrue(html.contains("<mi>η</mi>"), html)
        XCTAssertTrue(html.contains("number-cell"), html)
    }
}
