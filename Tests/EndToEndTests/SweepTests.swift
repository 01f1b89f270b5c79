import Foundation
import XCTest

/// `--set seed=0...2` with seed 1 diverging: three variants, the diverged one marked and left out of the band.
final class SweepTests: XCTestCase {
    func testSweepOverThreeSeedsMarksTheDivergedOneAndLeavesItOutOfTheBand() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write(["experiments/seeds/Seeds.swift": TinyExperiments.seeds], under: root)
        let result = try ReportExecutable.run(["run", "experiments", "--set", "seed=0...2", "--jobs", "2"], in: root)
        XCTAssertEqual(result.status, 0, result.standardError)
        let output = root.appendingPathComponent("output/seeds")
        for seed in 0...2 {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("variants/seed=\(seed)/report.html").path))
        }
        let markdown = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("Left out because they diverged: seed=1."), markdown)
        // Mean of the last epoch over seeds 0 and 2 only: (1 + 1.2) / 2 · e^(−3.3).
        let expected = 1.1 * exp(-3.3)
        let sentence = markdown.components(separatedBy: "Mean of the last epoch: ")[1].prefix { $0 != "\n" }
        let value = try XCTUnwrap(Double(sentence.dropLast()), String(sentence))
        XCTAssertEqual(value, expected, accuracy: 1e-12)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("figures/band.png").path))

        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("output/summary.json"))) as! [String: Any]
        let entry = (summary["experiments"] as! [[String: Any]])[0]
        XCTAssertEqual(entry["diverged"] as? Bool, true)
        let variants = entry["variants"] as! [[String: Any]]
        XCTAssertEqual(variants.map { $0["diverged"] as? Bool }, [false, true, false])
        XCTAssertEqual(variants.map { $0["report"] as? String },
                       ["seeds/variants/seed=0/report.html", "seeds/variants/seed=1/report.html", "seeds/variants/seed=2/report.html"])
        let variantMarkdown = try String(contentsOf: output.appendingPathComponent("variants/seed=1/report.md"), encoding: .utf8)
        XCTAssertTrue(variantMarkdown.contains("| Parameters set (--set) | seed=1 |"), variantMarkdown)
        let index = try String(contentsOf: root.appendingPathComponent("output/index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("sweep of 3 variants, 1 diverged"), index)
    }
}
