import Foundation
import XCTest

/// The flagship experiment through the built `report`: every expected file, real PNGs, and byte-identical
/// output when run twice.
final class AdamVersusSGDTests: XCTestCase {
    func testTwoRunsWriteTheSameCompleteReport() throws {
        let output = try TemporaryFolder.make()
        var snapshots: [[String: Data]] = []
        for run in ["first", "second"] {
            let folder = output.appendingPathComponent(run)
            let result = try ReportExecutable.run(["run", "experiments/adam-vs-sgd", "--output", folder.path])
            XCTAssertEqual(result.status, 0, result.standardError)
            snapshots.append(try TemporaryFolder.snapshot(of: folder.appendingPathComponent("adam-vs-sgd")))
        }
        let files = snapshots[0]
        XCTAssertNotNil(files["report.md"])
        XCTAssertNotNil(files["report.html"])
        let figures = files.keys.filter { $0.hasPrefix("figures/") && $0.hasSuffix(".png") }
        XCTAssertGreaterThanOrEqual(figures.count, 3, "figures: \(figures.sorted())")
        let pngSignature = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        for figure in figures {
            XCTAssertEqual(files[figure]?.prefix(8), pngSignature, "\(figure) is not a PNG")
        }
        for name in files.keys.sorted() {
            XCTAssertEqual(files[name], snapshots[1][name], "\(name) differs between two runs")
        }
        XCTAssertEqual(Set(files.keys), Set(snapshots[1].keys))

        let markdown = String(decoding: files["report.md"] ?? Data(), as: UTF8.self)
        for figure in figures {
            XCTAssertTrue(markdown.contains("](\(figure))"), "report.md does not link \(figure)")
        }
        let html = String(decoding: files["report.html"] ?? Data(), as: UTF8.self)
        XCTAssertEqual(html.components(separatedBy: "src=\"data:image/png;base64,").count - 1, figures.count)
        XCTAssertFalse(html.contains("src=\"http"), "report.html must not fetch anything")
        XCTAssertFalse(html.contains("<script"), "report.html needs no JavaScript")
        XCTAssertTrue(html.contains("<math"), "report.html renders its formulas as MathML")
        XCTAssertFalse(markdown.contains("nan") || markdown.contains("NaN"), "a number in report.md is not a number")
        // The hyperparameters snippet, coloured in the HTML by the Swift grammar, plain in the Markdown.
        XCTAssertTrue(html.contains("<span class=\"kw\">static</span> <span class=\"kw\">let</span> seed = "
            + "Parameter(<span class=\"str\">&quot;seed&quot;</span>, default: UInt64(<span class=\"num\">7</span>)"),
            "report.html does not colour the hyperparameters snippet")
        XCTAssertTrue(html.contains("<span class=\"cmt\">/// One seed for all randomness"))
        XCTAssertTrue(markdown.contains("```swift\n/// One seed for all randomness"), "report.md's listing is not a plain fence")
        XCTAssertFalse(markdown.contains("<span"))
    }
}
