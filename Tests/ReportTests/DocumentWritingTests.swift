import XCTest
@testable import Report
import TestSupport

final class DocumentWritingTests: XCTestCase {
    private var folder: URL!
    private var outputs: [URL] = []

    override func setUpWithError() throws {
        folder = try SampleDocument.makeExperimentFolder()
    }

    override func tearDownWithError() throws {
        for url in [folder!] + outputs { try? FileManager.default.removeItem(at: url) }
    }

    private func emptyDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        outputs.append(url)
        return url
    }

    /// A document whose math the converter under development may not support yet, so these tests exercise the
    /// writer with the real converter only where no formula is involved.
    private func mathFreeDocument() -> Document {
        Document(title: "Writing", seed: 7) {
            Section("Figures") {
                "See @fig:red and @fig:blue."
                FigureBlock(name: "red", caption: "Red.") { TestPNG.solid(width: 3, height: 2, red: 255, green: 0, blue: 0) }
                FigureBlock(name: "blue", caption: "Blue.") { TestPNG.solid(width: 2, height: 3, red: 0, green: 0, blue: 255) }
            }
        }
    }

    func testWritesMarkdownHTMLAndFigures() throws {
        let directory = try emptyDirectory()
        let written = try mathFreeDocument().write(to: directory, context: RunContext(experimentName: "writing"))
        XCTAssertEqual(written.figureFiles.map(\.lastPathComponent), ["red.png", "blue.png"])
        let red = try Data(contentsOf: directory.appendingPathComponent("figures/red.png"))
        XCTAssertEqual(red, TestPNG.solid(width: 3, height: 2, red: 255, green: 0, blue: 0))
        let html = try String(contentsOf: written.htmlFile, encoding: .utf8)
        XCTAssertTrue(html.contains(red.base64EncodedString()))
        XCTAssertTrue(html.contains("width=\"3\" height=\"2\""))
        XCTAssertEqual(written.htmlByteCount, html.utf8.count)
        XCTAssertNil(written.sizeWarning)
        let markdown = try String(contentsOf: written.markdownFile, encoding: .utf8)
        XCTAssertTrue(markdown.contains("![Figure 1.](figures/red.png)"))
    }

    /// A figure drawn at 2× is shown at its layout size, so its text matches the other figures' text.
    func testHighResolutionFigureShowsAtLayoutSize() throws {
        struct DoubleResolution: PNGRenderable {
            func pngData() throws -> Data { TestPNG.solid(width: 40, height: 20, red: 0, green: 0, blue: 0) }
            var pixelsPerPoint: Double { 2 }
        }
        let document = Document(title: "Sharp") { FigureBlock(name: "sharp", caption: "Sharp.", DoubleResolution()) }
        let written = try document.write(to: try emptyDirectory(), context: RunContext(experimentName: "sharp"))
        let html = try String(contentsOf: written.htmlFile, encoding: .utf8)
        XCTAssertTrue(html.contains("width=\"20\" height=\"10\""), html)
    }

    func testFiguresAreRenderedOnce() throws {
        final class Counter: PNGRenderable {
            var calls = 0
            func pngData() throws -> Data {
                calls += 1
                return TestPNG.solid(width: 1, height: 1, red: 1, green: 2, blue: 3)
            }
        }
        let counter = Counter()
        let document = Document(title: "Once") { FigureBlock(name: "once", caption: "Once.", counter) }
        try document.write(to: try emptyDirectory(), context: RunContext(experimentName: "once"))
        XCTAssertEqual(counter.calls, 1)
    }

    func testSizeBudgetWarning() throws {
        let written = try mathFreeDocument()
            .write(to: try emptyDirectory(), context: RunContext(experimentName: "writing"), htmlSizeBudget: 1_000)
        XCTAssertTrue(written.htmlExceedsBudget)
        XCTAssertEqual(written.sizeWarning?.hasPrefix("report.html is 0.0 MB, above the budget of 0.0 MB"), true)
    }

    func testWritingTwiceGivesIdenticalBytes() throws {
        let context = SampleDocument.context(sourceDirectory: folder)
        let first = try SampleDocument.document().render(context: context, convertMath: SampleDocument.fakeMath)
        let second = try SampleDocument.document().render(context: context, convertMath: SampleDocument.fakeMath)
        XCTAssertEqual(Data(first.markdown.utf8), Data(second.markdown.utf8))
        XCTAssertEqual(Data(first.html.utf8), Data(second.html.utf8))

        let directories = [try emptyDirectory(), try emptyDirectory()]
        for directory in directories {
            try mathFreeDocument().write(to: directory, context: RunContext(experimentName: "writing"))
        }
        for file in ["report.md", "report.html", "figures/red.png", "figures/blue.png"] {
            let bytes = try directories.map { try Data(contentsOf: $0.appendingPathComponent(file)) }
            XCTAssertEqual(bytes[0], bytes[1], file)
        }
    }

    func testTimingsAppearOnlyWhenAsked() throws {
        var context = RunContext(experimentName: "timed")
        context.stageTimings = [StageTiming(name: "train", seconds: 1.25)]
        let quiet = try mathFreeDocument().render(context: context).markdown
        XCTAssertFalse(quiet.contains("train"))
        context.includeTimings = true
        let timed = try mathFreeDocument().render(context: context).markdown
        XCTAssertTrue(timed.contains("| Stage timings: train | 1.25 s |"), timed)
    }
}
