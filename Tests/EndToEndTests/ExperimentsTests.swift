import Foundation
import XCTest

/// Every experiment in `experiments/` compiles, runs and writes a complete report, so none can rot unseen; run
/// all at once as a course or CI would (`report run experiments`), which also writes the index and summaries.
final class ExperimentsTests: XCTestCase {
    func testRunningTheExperimentsFolderWritesEveryReportTheIndexAndSummaries() throws {
        let experiments = ReportExecutable.packageRoot.appendingPathComponent("experiments")
        let names = try FileManager.default.contentsOfDirectory(atPath: experiments.path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
        XCTAssertFalse(names.isEmpty)
        let output = try TemporaryFolder.make()
        let result = try ReportExecutable.run(["run", "experiments", "--output", output.path])
        XCTAssertEqual(result.status, 0, result.standardError)
        for name in names {
            let folder = output.appendingPathComponent(name)
            for file in ["report.md", "report.html", "results.json"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(name)/\(file)")
            }
            let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
            XCTAssertFalse(markdown.contains("NaN"), "\(name)/report.md prints a NaN")
            let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
            XCTAssertNil(html.range(of: "<script", options: .caseInsensitive), "\(name)/report.html must stay script-free")
        }

        let summaryData = try Data(contentsOf: output.appendingPathComponent("summary.json"))
        let validator = try JSONSchemaValidator(
            schemaFile: ReportExecutable.packageRoot.appendingPathComponent("docs/summary.schema.json"))
        let summary = try JSONSerialization.jsonObject(with: summaryData)
        XCTAssertEqual(validator.violations(of: summary), [])
        let entries = (summary as? [String: Any])?["experiments"] as? [[String: Any]] ?? []
        XCTAssertEqual(entries.map { $0["name"] as? String }, names)
        XCTAssertTrue(entries.allSatisfy { $0["status"] as? String == "passed" })

        let summaryMarkdown = try Data(contentsOf: output.appendingPathComponent("summary.md"))
        XCTAssertLessThanOrEqual(summaryMarkdown.count, 64 * 1024)
        XCTAssertTrue(String(decoding: summaryMarkdown, as: UTF8.self).hasPrefix("## ✅ report: all \(names.count) experiments passed"))

        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertEqual(index.components(separatedBy: "<article class=\"card\"").count - 1, names.count)
        XCTAssertEqual(index.components(separatedBy: "src=\"data:image/png;base64,").count - 1, names.count, "one thumbnail per card")
        for name in names {
            XCTAssertTrue(index.contains("href=\"\(name)/report.html\""), "index.html does not link \(name)")
        }
        XCTAssertFalse(index.contains("<script") || index.contains("src=\"http"), "index.html must be self-contained")
    }

    /// The validator itself catches what the schema forbids, so a passing check means something.
    func testSchemaValidatorRejectsWhatTheSchemaForbids() throws {
        let validator = try JSONSchemaValidator(
            schemaFile: ReportExecutable.packageRoot.appendingPathComponent("docs/summary.schema.json"))
        let bad: [String: Any] = [
            "schemaVersion": 1, "status": "maybe", "counts": ["total": 1, "passed": 1, "failed": 0],
            "experiments": [["name": "x", "status": "passed", "parameters": [], "diverged": "no", "metrics": [],
                             "figures": [["path": "figures/a.png", "sha256": "xyz", "bytes": 1]], "extra": 1]],
        ]
        let problems = validator.violations(of: bad)
        XCTAssertTrue(problems.contains { $0.hasPrefix("$.status: maybe is not one of") }, "\(problems)")
        XCTAssertTrue(problems.contains("$.experiments[0]: 'extra' is not in the schema"), "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("$.experiments[0].diverged: expected boolean") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("$.experiments[0].figures[0].sha256: 'xyz' does not match") }, "\(problems)")
    }
}
