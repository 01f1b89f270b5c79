import Foundation
import XCTest

/// Metric gates through the built `report`: a missed gate writes the whole report with a banner to
/// `NAME.failed/`, exits 1, and keeps the last passing report byte for byte.
final class GateTests: XCTestCase {
    func testFailedGateWritesTheReportBesideTheLastPassingOne() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write(["experiments/gated/Gated.swift": TinyExperiments.gated], under: root)
        let passing = try ReportExecutable.run(["run", "experiments/gated"], in: root)
        XCTAssertEqual(passing.status, 0, passing.standardError)
        let output = root.appendingPathComponent("output/gated")
        let before = try TemporaryFolder.snapshot(of: output)
        XCTAssertNotNil(before["results.json"])

        // A single experiment.
        let failing = try ReportExecutable.run(["run", "experiments/gated", "--set", "loss=0.5"], in: root)
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.standardError.contains("missed its gates (Final loss is 0.5, expected < 0.1)"), failing.standardError)
        XCTAssertEqual(try TemporaryFolder.snapshot(of: output), before, "the last passing report changed")
        let failedMarkdown = try String(contentsOf: root.appendingPathComponent("output/gated.failed/report.md"), encoding: .utf8)
        XCTAssertTrue(failedMarkdown.contains("> [!WARNING]"), failedMarkdown)
        XCTAssertTrue(failedMarkdown.contains("**Gate failed**"), failedMarkdown)
        XCTAssertLessThan(failedMarkdown.range(of: "Gate failed")!.lowerBound, failedMarkdown.range(of: "## 1 Result")!.lowerBound,
                          "the banner is not at the top")
        XCTAssertTrue(failedMarkdown.contains("| Final loss | 0.5 | \\< 0.1 (missed) |"), failedMarkdown)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/gated.failed/figures/loss.png").path))

        // Many experiments: the summary and the index name the failure and link both reports.
        let many = try ReportExecutable.run(["run", "experiments", "--set", "loss=0.5"], in: root)
        XCTAssertEqual(many.status, 1)
        XCTAssertEqual(try TemporaryFolder.snapshot(of: output), before)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("output/summary.json"))) as! [String: Any]
        XCTAssertEqual(summary["status"] as? String, "failed")
        let entry = (summary["experiments"] as! [[String: Any]])[0]
        XCTAssertEqual(entry["reportFolder"] as? String, "gated.failed")
        XCTAssertEqual(entry["lastPassingReportFolder"] as? String, "gated")
        XCTAssertEqual((entry["failure"] as? [String: Any])?["stage"] as? String, "gates")
        let index = try String(contentsOf: root.appendingPathComponent("output/index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("href=\"gated.failed/report.html\""), index)
        XCTAssertTrue(index.contains("href=\"gated/report.html\">last passing report"), index)
        let markdown = try String(contentsOf: root.appendingPathComponent("output/summary.md"), encoding: .utf8)
        XCTAssertTrue(markdown.hasPrefix("## ❌ report: 1 of 1 experiments failed\n\n### Failures"), markdown)

        // Passing again removes the stale failed report.
        let again = try ReportExecutable.run(["run", "experiments/gated"], in: root)
        XCTAssertEqual(again.status, 0, again.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/gated.failed").path))
        XCTAssertEqual(try TemporaryFolder.snapshot(of: output), before)
    }

    /// A crash in a batch gets a failure page naming the stage, with the message and the last lines printed;
    /// the last good report stays untouched and the other experiments still run.
    func testCrashGetsAFailurePageAndKeepsTheLastGoodReport() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write([
            "experiments/flaky/Flaky.swift": TinyExperiments.flaky,
            "experiments/other/Other.swift": TinyExperiments.note("Other"),
        ], under: root)
        let first = try ReportExecutable.run(["run", "experiments", "--jobs", "2"], in: root)
        XCTAssertEqual(first.status, 0, first.standardError)
        let output = root.appendingPathComponent("output/flaky")
        let before = try TemporaryFolder.snapshot(of: output)

        try TemporaryFolder.write(["crash": ""], under: root)
        // The experiment looks for `crash` with FileManager, a read the results cache cannot see (only reads
        // through the library are recorded), so the run is asked to be fresh.
        let crashed = try ReportExecutable.run(["run", "experiments", "--jobs", "2", "--fresh"], in: root)
        XCTAssertEqual(crashed.status, 1)
        XCTAssertTrue(crashed.standardError.contains("flaky: the run failed: "), crashed.standardError)
        XCTAssertEqual(try TemporaryFolder.snapshot(of: output), before)
        let page = try String(contentsOf: root.appendingPathComponent("output/flaky.failed/report.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("flaky: the run failed"), page)
        XCTAssertTrue(page.contains("crashed"), page)
        XCTAssertTrue(page.contains("training step 3 of 10"), page)
        XCTAssertTrue(page.contains("crash half-way"), page)
        XCTAssertTrue(page.contains("href=\"../flaky/report.html\""), page)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/other/report.html").path))
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("output").path).sorted()
        XCTAssertEqual(names, ["flaky", "flaky.failed", "index.html", "other", "summary.json", "summary.md"])
    }

    /// A compile error in a batch: the other experiments run, and the failure page quotes the compiler.
    func testCompileErrorInABatchGetsAFailurePageWithTheCompilersMessage() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write([
            "experiments/broken/Broken.swift": "import ReportKit\n\n/// Does not compile.\n@main\nstruct Broken: Experiment {\n    static func makeDocument(run: ExperimentRun) throws -> Document {\n        let count: Int = \"three\"\n    }\n}\n",
            "experiments/other/Other.swift": TinyExperiments.note("Other"),
        ], under: root)
        let result = try ReportExecutable.run(["run", "experiments"], in: root)
        XCTAssertEqual(result.status, 1)
        let page = try String(contentsOf: root.appendingPathComponent("output/broken.failed/report.md"), encoding: .utf8)
        XCTAssertTrue(page.hasPrefix("# broken: does not compile\n"), page)
        XCTAssertTrue(page.contains("experiments/broken/Broken.swift:7:"), page)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/other/report.html").path))
        let summary = try String(contentsOf: root.appendingPathComponent("output/summary.md"), encoding: .utf8)
        XCTAssertTrue(summary.contains("| broken | compile | experiment 'broken' does not compile"), summary)
    }
}
