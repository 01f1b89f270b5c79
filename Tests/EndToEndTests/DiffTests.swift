import Foundation
import XCTest

/// `report diff OLD NEW` of two runs with one changed metric and one changed figure.
final class DiffTests: XCTestCase {
    func testDiffShowsTheChangedMetricAndFigureAndFailsOnlyPastAGate() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write([
            "experiments/gated/Gated.swift": TinyExperiments.gated,
            "experiments/note/Note.swift": TinyExperiments.note("Note"),
        ], under: root)
        for (folder, loss) in [("old", "0.05"), ("near", "0.08"), ("worse", "0.5")] {
            let run = try ReportExecutable.run(["run", "experiments", "--output", folder, "--set", "loss=\(loss)"], in: root)
            XCTAssertEqual(run.status, loss == "0.5" ? 1 : 0, run.standardError)
        }

        let near = try ReportExecutable.run(["diff", "old", "near", "--output", "diff-near"], in: root)
        XCTAssertEqual(near.status, 0, near.standardError)
        let nearMarkdown = try String(contentsOf: root.appendingPathComponent("diff-near/diff.md"), encoding: .utf8)
        XCTAssertTrue(nearMarkdown.contains("✅ no regression past a gate · 1 metric changed, 2 unchanged · 1 figure changed, added or removed"),
                      nearMarkdown)
        XCTAssertTrue(nearMarkdown.contains("| gated | Final loss | 0.05 | 0.08 | +0.03 | < 0.1: held |"), nearMarkdown)
        XCTAssertTrue(nearMarkdown.contains("| gated | figures/loss.png | changed |"), nearMarkdown)
        let differenceFile = root.appendingPathComponent("diff-near/figures/gated--loss-difference.png")
        XCTAssertEqual(FileManager.default.contents(atPath: differenceFile.path)?.prefix(4), Data([0x89, 0x50, 0x4E, 0x47]))
        XCTAssertTrue(nearMarkdown.contains("![difference](figures/gated--loss-difference.png)"), nearMarkdown)
        let html = try String(contentsOf: root.appendingPathComponent("diff-near/diff.html"), encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "src=\"data:image/png;base64,").count - 1, 3, "old, new and difference images")

        let worse = try ReportExecutable.run(["diff", "old", "worse", "--output", "diff-worse"], in: root)
        XCTAssertEqual(worse.status, 1)
        let worseMarkdown = try String(contentsOf: root.appendingPathComponent("diff-worse/diff.md"), encoding: .utf8)
        XCTAssertTrue(worseMarkdown.contains("| gated | Final loss | 0.05 | 0.5 | +0.45 | < 0.1: held → missed |"), worseMarkdown)
        XCTAssertTrue(worseMarkdown.contains("### Newly failing"), worseMarkdown)

        let same = try ReportExecutable.run(["diff", "old", "old", "--output", "diff-same"], in: root)
        XCTAssertEqual(same.status, 0, same.standardError)
        let sameMarkdown = try String(contentsOf: root.appendingPathComponent("diff-same/diff.md"), encoding: .utf8)
        XCTAssertTrue(sameMarkdown.contains("0 metrics changed, 3 unchanged · 0 figures changed"), sameMarkdown)
    }
}
