import XCTest
@testable import Report
import TestSupport

final class DocumentGoldenTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try SampleDocument.makeExperimentFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testMarkdownMatchesGolden() throws {
        let rendered = try SampleDocument.document()
            .render(context: SampleDocument.context(sourceDirectory: folder), convertMath: SampleDocument.fakeMath)
        GoldenFile.assertMatches(rendered.markdown, golden: "sample.md")
    }

    func testHTMLMatchesGolden() throws {
        let rendered = try SampleDocument.document()
            .render(context: SampleDocument.context(sourceDirectory: folder), convertMath: SampleDocument.fakeMath)
        GoldenFile.assertMatches(rendered.html, golden: "sample.html")
    }

    func testChineseMarkdownMatchesGolden() throws {
        let rendered = try SampleDocument.document(language: .chinese)
            .render(context: SampleDocument.context(sourceDirectory: folder), convertMath: SampleDocument.fakeMath)
        GoldenFile.assertMatches(rendered.markdown, golden: "sample-zh.md")
    }
}
