import XCTest
import Report
import TestSupport

/// The usage example of the module's README, compiled and run; a second test reads the README and fails when its
/// example is not, line for line, the code run here, so neither can drift from the other or from the API.
final class UsageExampleTests: XCTestCase {
    private struct SolidImage: PNGRenderable {
        func pngData() throws -> Data { TestPNG.solid(width: 8, height: 5, red: 30, green: 90, blue: 200) }
    }

    private struct Result {
        var name: String
        var validationLoss: Double
        var accuracy: Double
    }

    func testReadmeExampleWritesAReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("usage-\(UUID().uuidString)")
        let staging = folder.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("// snippet: training-loop\nfor epoch in 0..<200 { train(epoch) }\n// end snippet\n".utf8)
            .write(to: folder.appendingPathComponent("main.swift"))
        try Data("Teacher's notes: see @fig:loss-curves.\n".utf8).write(to: folder.appendingPathComponent("notes.md"))
        let context = RunContext(experimentName: "adam-vs-sgd", sourceDirectory: folder)
        let lossFigure = SolidImage()
        let epsilon = 1e-8
        let results = [Result(name: "SGD", validationLoss: 0.31, accuracy: 0.87),
                       Result(name: "Adam", validationLoss: 0.12, accuracy: 0.96)]

        // The README example starts here.
        let document = Document(title: "Adam vs SGD", language: .english, seed: 42) {
            Section("Method") {
                Prose(#"""
                The sigmoid is $\sigma(x) = 1/(1+e^{-x})$; Adam divides by $\sqrt{\hat v_t} + \epsilon$ with
                $\epsilon = \#(epsilon)$:
                $$\theta_t = \theta_{t-1} - \eta \, \hat m_t / (\sqrt{\hat v_t} + \epsilon)$$
                @fig:loss-curves shows the losses and @tab:metrics the final numbers.
                """#)
                Snippet("training-loop", caption: "The training loop, from `main.swift`.")
                Callout(.note, "Both runs start from the same initial weights.")
            }
            Section("Results") {
                FigureBlock(name: "loss-curves", caption: "Training and validation loss per epoch.", lossFigure)
                Table(name: "metrics", caption: "Final metrics per optimizer.", rows: results, columns: [
                    TableColumn("Optimizer") { $0.name },
                    TableColumn("Validation loss", format: .fixed(4)) { $0.validationLoss },
                    TableColumn("Accuracy", format: .percent(1)) { $0.accuracy },
                ])
                MetricsSummary([Metric("Epochs", 200), Metric("Best accuracy", 0.96, format: .percent(1))])
            }
            Include("notes.md")
        }
        let written = try document.write(to: staging, context: context)
        if let warning = written.sizeWarning { print(warning) }
        // The README example ends here.

        let markdown = try String(contentsOf: written.markdownFile, encoding: .utf8)
        XCTAssertTrue(markdown.contains("[Figure 1](#fig-loss-curves) shows the losses and [Table 1](#tab-metrics)"))
        XCTAssertTrue(markdown.contains("$`\\epsilon = 1e-08`$"), markdown)
        XCTAssertTrue(markdown.contains("Teacher's notes: see [Figure 1](#fig-loss-curves)."))
        XCTAssertTrue(markdown.contains("for epoch in 0..<200 { train(epoch) }"))
        XCTAssertEqual(written.figureFiles.map(\.lastPathComponent), ["loss-curves.png"])
        XCTAssertNil(written.sizeWarning)
        let html = try String(contentsOf: written.htmlFile, encoding: .utf8)
        // Three inline formulas, each cut after its top-level relations and binary operators so it can wrap
        // ("σ(x) =" | "1/(1+" | "e^{-x})", "√v̂_t +" | "ε", "ε =" | "1e−" | "08"), and one display formula.
        XCTAssertEqual(html.components(separatedBy: "<math").count - 1, 9, "three inline formulas and one display formula")
        let mathTags = html.components(separatedBy: "<math").dropFirst().map { $0.prefix { $0 != ">" } }
        XCTAssertEqual(mathTags.filter { $0.contains("display=\"block\"") }.count, 1)
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/1998/Math/MathML\"", with: "")
        XCTAssertFalse(withoutNamespace.contains("http://") || withoutNamespace.contains("https://"),
                       "the only URL in the HTML is the MathML namespace, which is never fetched")
    }

    func testTheExampleRunHereIsTheReadmes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("Sources/Report/README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "```swift\n"), "Sources/Report/README.md has no Swift example")
        let end = try XCTUnwrap(readme[start.upperBound...].range(of: "```\n"))
        let example = readme[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).dropLast()

        let test = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let first = try XCTUnwrap(test.range(of: "// The README example starts here.\n"))
        let last = try XCTUnwrap(test.range(of: "        // The README example ends here."))
        let run = test[first.upperBound..<last.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.dropFirst(8)) }.dropLast()
        XCTAssertEqual(Array(run), Array(example), "the example in Sources/Report/README.md differs from the one tested here")
    }
}
