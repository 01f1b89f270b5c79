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
