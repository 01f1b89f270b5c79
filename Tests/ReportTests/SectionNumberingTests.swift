import XCTest
@testable import Report
import TestSupport

final class SectionNumberingTests: XCTestCase {
    func testSectionsInGroupsAndLoopsAreNumberedWithTheirSiblings() throws {
        let document = Document(title: "Numbers", includesReproducibilityAppendix: false) {
            Section("A") {
                Section("A.a") { "x" }
                Group {
                    Section("A.b") { "y" }
                }
            }
            for name in ["B", "C"] {
                Section(name) { "z" }
            }
            Group { Section("D") { "w" } }
        }
        let rendered = try document.render(context: RunContext(experimentName: "numbers"))
        let headings = rendered.markdown.split(separator: "\n").filter { $0.hasPrefix("##") }
        XCTAssertEqual(headings, ["## 1 A", "### 1.1 A.a", "### 1.2 A.b", "## 2 B", "## 3 C", "## 4 D"])
        for anchor in ["sec-1", "sec-1-1", "sec-1-2", "sec-2", "sec-3", "sec-4"] {
            XCTAssertTrue(rendered.html.contains("<a href=\"#\(anchor)\">"), anchor)
            XCTAssertTrue(rendered.html.contains(" id=\"\(anchor)\">"), anchor)
        }
    }
}

final class MarkdownHeadingsTests: XCTestCase {
    func testIncludedHeadingsMoveBelowTheEnclosingSection() {
        let notes = "# Topic\n\ntext\n\n## Detail\n\n```\n# not a heading\n```\n#hashtag\n"
        XCTAssertEqual(MarkdownHeadings.shifted(notes, topLevel: 3),
                       "### Topic\n\ntext\n\n#### Detail\n\n```\n# not a heading\n```\n#hashtag\n")
        XCTAssertEqual(MarkdownHeadings.shifted("## Already deep", topLevel: 2), "## Already deep")
        XCTAssertEqual(MarkdownHeadings.shifted("# a\n###### b", topLevel: 3), "### a\n###### b")
    }

    func testIncludeInsideASectionUsesTheNextLevel() throws {
        let folder = try SampleDocument.makeExperimentFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("# Notes from the lecture\n\nSome text.\n".utf8).write(to: folder.appendingPathComponent("plain.md"))
        let document = Document(title: "Notes", includesReproducibilityAppendix: false) {
            Section("Lecture") { Include("plain.md") }
        }
        let rendered = try document.render(context: SampleDocument.context(sourceDirectory: folder),
                                           convertMath: SampleDocument.fakeMath)
        XCTAssertTrue(rendered.markdown.contains("\n### Notes from the lecture\n"), rendered.markdown)
        XCTAssertTrue(rendered.html.contains("<h3 id=\"note-1\">Notes from the lecture</h3>"))
    }

    func testPartsSplitAtHeadingsOutsideCode() {
        let notes = "Intro\n\n## Topic ##\n\ntext\n```\n# not a heading\n```\n### Detail\n#hashtag\n"
        XCTAssertEqual(MarkdownHeadings.parts(notes), [
            .text("Intro\n", firstLine: 1),
            .heading(level: 2, title: "Topic", line: 3),
            .text("\ntext\n```\n# not a heading\n```", firstLine: 4),
            .heading(level: 3, title: "Detail", line: 9),
            .text("#hashtag\n", firstLine: 10),
        ])
        XCTAssertEqual(MarkdownHeadings.parts("# C# #"), [.heading(level: 1, title: "C#", line: 1)])
    }

    /// Headings of included notes get ids and entries in the contents, with math and list-like titles intact;
    /// a reference in a title links in the text but not inside the contents' own link.
    func testIncludedHeadingsAreListedInTheContents() throws {
        let folder = try SampleDocument.makeExperimentFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = "# 1. 导数 $\\sigma'(z)$\n\n正文。\n\n## 见 @fig:loss\n\n更多。\n"
        try Data(notes.utf8).write(to: folder.appendingPathComponent("notes-zh.md"))
        let document = Document(title: "Notes", language: .chinese, includesReproducibilityAppendix: false) {
            Section("Lecture") {
                FigureBlock(name: "loss", caption: "Loss.") { TestPNG.solid(width: 2, height: 2, red: 0, green: 0, blue: 0) }
                Include("notes-zh.md")
            }
        }
        let rendered = try document.render(context: SampleDocument.context(sourceDirectory: folder),
                                           convertMath: SampleDocument.fakeMath)
        let math = "<math display=\"inline\"><mtext>\\sigma&#39;(z)</mtext></math>"
        XCTAssertTrue(rendered.html.contains("<h3 id=\"note-1\">1. 导数 \(math)</h3>"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<h4 id=\"note-2\">见 <a href=\"#fig-loss\">图 1</a></h4>"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<li><a href=\"#note-1\">1. 导数 \(math)</a>\n<ol>\n"
            + "<li><a href=\"#note-2\">见 图 1</a></li>"), rendered.html)
        XCTAssertTrue(rendered.markdown.contains("\n### 1. 导数 $`\\sigma'(z)`$\n\n正文。\n\n#### 见 [图 1](#fig-loss)\n"),
                      rendered.markdown)
    }
}
