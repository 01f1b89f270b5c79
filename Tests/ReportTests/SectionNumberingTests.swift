import XCTest
@testable import Report

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
        XCTAssertTrue(rendered.html.contains("<h3>Notes from the lecture</h3>"))
    }
}
