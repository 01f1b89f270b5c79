import XCTest
@testable import Report

final class SnippetExtractorTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("snippet-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try write("main.swift", """
        struct Trainer {
            // snippet: loop
            func train() {
                for epoch in 0..<3 {
                    // snippet: step
                    step(epoch)
                    // end snippet
                }
            }
            //end snippet
        }
        """)
        try write("Helpers.swift", """
        // snippet: helper
        let helper = 1
        // end snippet
        """)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    private var extractor: SnippetExtractor { SnippetExtractor(directory: folder) }

    func testSliceIsDedentedWithoutMarkers() throws {
        XCTAssertEqual(try extractor.extract("loop", file: "main.swift"), """
        func train() {
            for epoch in 0..<3 {
                step(epoch)
            }
        }
        """)
        XCTAssertEqual(try extractor.extract("step", file: nil), "step(epoch)")
        XCTAssertEqual(try extractor.extract("helper", file: nil), "let helper = 1")
    }

    func testMissingSliceNamesFileAndSlice() {
        XCTAssertThrowsError(try extractor.extract("absent", file: "main.swift")) { error in
            XCTAssertEqual("\(error)", "snippet 'absent' not found in 'main.swift': mark it with "
                + "'// snippet: absent' and '// end snippet'")
        }
        XCTAssertThrowsError(try extractor.extract("absent", file: nil)) { error in
            XCTAssertTrue("\(error)".contains("(Helpers.swift, main.swift)"), "\(error)")
        }
    }

    func testUnendedAndDuplicateSlicesAreErrors() throws {
        try write("Open.swift", "let a = 1\n// snippet: open\nlet b = 2\n")
        XCTAssertThrowsError(try extractor.extract("open", file: "Open.swift")) { error in
            XCTAssertEqual("\(error)", "Open.swift:2: snippet 'open' has no '// end snippet'")
        }
        try write("Open.swift", "// snippet: helper\nlet b = 2\n// end snippet\n")
        XCTAssertThrowsError(try extractor.extract("helper", file: nil)) { error in
            XCTAssertEqual("\(error)", "snippet 'helper' is defined more than once: Helpers.swift:1 and Open.swift:1")
        }
    }

    func testSnippetInDocumentNeedsASourceDirectory() {
        let document = Document(title: "No source") { Snippet("loop") }
        XCTAssertThrowsError(try document.render(context: RunContext(experimentName: "x"))) { error in
            XCTAssertTrue("\(error)".contains("snippet 'loop'"), "\(error)")
        }
    }
}
