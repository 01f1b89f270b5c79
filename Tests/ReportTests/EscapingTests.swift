import XCTest
@testable import Report
import TestSupport

final class EscapingTests: XCTestCase {
    private let attack = "<script>alert(1)</script><img src=x onerror=alert(2)>"

    private func document() -> Document {
        let attack = attack
        return Document(title: "Title \(attack)") {
            Section("Heading \(attack)") {
                Prose("Prose \(attack) and [link](javascript:alert(3)).")
                FigureBlock(name: "figure", caption: "Caption \(attack)") {
                    TestPNG.solid(width: 1, height: 1, red: 0, green: 0, blue: 0)
                }
                Table(name: "cells", caption: "Table \(attack)", rows: [attack], columns: [
                    TableColumn("Header \(attack)") { $0 },
                    TableColumn("Pipe") { _ in "a | b" },
                ])
                Callout(.warning, "Callout \(attack)")
                MetricsSummary([Metric("Metric \(attack)", 1)])
            }
        }
    }

    func testHTMLHasNoInjectedMarkup() throws {
        let html = try document().render(context: RunContext(experimentName: attack), convertMath: SampleDocument.fakeMath).html
        XCTAssertFalse(html.lowercased().contains("<script"), html)
        XCTAssertFalse(html.contains("<img src=x"), html)
        XCTAssertFalse(html.contains("javascript:"), html)
        XCTAssertTrue(html.contains("<title>Title &lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("Heading &lt;script&gt;"))
        XCTAssertTrue(html.contains("<th class=\"left\">Header &lt;script&gt;"))
        XCTAssertTrue(html.contains("<td class=\"left\">&lt;script&gt;alert(1)"))
        XCTAssertTrue(html.contains("<td class=\"left\">Metric &lt;script&gt;"))
        XCTAssertTrue(html.contains("<td class=\"left\">a | b</td>"))
    }

    func testMarkdownEscapesPlainText() throws {
        let markdown = try document().render(context: RunContext(experimentName: "x"), convertMath: SampleDocument.fakeMath)
            .markdown
        XCTAssertTrue(markdown.contains("## 1 Heading \\<script\\>alert(1)\\</script\\>"), markdown)
        XCTAssertTrue(markdown.contains("| a \\| b |"), markdown)
        XCTAssertTrue(markdown.hasPrefix("# Title \\<script\\>"), markdown)
    }

    func testImagesInProseAreRejected() {
        let document = Document(title: "Image") { "Look: ![remote](https://example.com/a.png)" }
        XCTAssertThrowsError(try document.render(context: RunContext(experimentName: "x"))) { error in
            XCTAssertTrue("\(error)".contains("'https://example.com/a.png'"), "\(error)")
            XCTAssertTrue("\(error)".contains("prose block 1"), "\(error)")
        }
    }

    func testHTMLFetchesNothing() throws {
        let folder = try SampleDocument.makeExperimentFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try SampleDocument.document()
            .render(context: SampleDocument.context(sourceDirectory: folder), convertMath: SampleDocument.fakeMath).html
        for forbidden in ["<script", "<link", "@import", "url(", "http://", "https://"] {
            XCTAssertFalse(html.contains(forbidden), "report.html contains \(forbidden)")
        }
        let sources = try NSRegularExpression(pattern: #"src="([^"]*)""#)
            .matches(in: html, range: NSRange(html.startIndex..., in: html))
            .map { String(html[Range($0.range(at: 1), in: html)!]) }
        XCTAssertEqual(sources.count, 1)
        XCTAssertTrue(sources.allSatisfy { $0.hasPrefix("data:image/png;base64,") })
    }
}
