import Foundation
import Report
import ReportRunner
import XCTest

/// The summary's overall status and the 64 KB budget of summary.md.
final class RunSummaryTests: XCTestCase {
    private func experiment(_ name: String, failed: Bool = false, metrics: Int = 0) -> ExperimentSummary {
        ExperimentSummary(
            name: name, title: "Title of \(name)", status: failed ? .failed : .passed,
            failure: failed ? .init(stage: .run, message: "experiment '\(name)' failed (exit status 1)", outputTail: ["boom"]) : nil,
            parameters: [], diverged: false,
            metrics: (0..<metrics).map { MetricResult(label: "metric \($0) with a long descriptive label", value: Double($0),
                                                      text: "\($0)", gate: .below(1e9)) },
            figures: [], reportFolder: failed ? name + ".failed" : name, lastPassingReportFolder: nil, variants: nil, timings: nil)
    }

    func testStatusIsFailedWhenAnyExperimentFailedAndEntriesAreSorted() {
        let summary = RunSummary(experiments: [experiment("b"), experiment("a", failed: true)])
        XCTAssertEqual(summary.status, .failed)
        XCTAssertEqual(summary.counts, .init(total: 2, passed: 1, failed: 1))
        XCTAssertEqual(summary.experiments.map(\.name), ["a", "b"])
        XCTAssertEqual(RunSummary(experiments: [experiment("b")]).status, .passed)
        XCTAssertEqual(RunSummary(experiments: []).status, .passed)
    }

    /// 300 experiments × 40 metrics would make a 1.5 MB table: the file stays under 64 KB, keeps the failures,
    /// and says where the rest is.
    func testSummaryMarkdownStaysUnder64KilobytesWithFailuresFirst() throws {
        let many = (0..<300).map { experiment(String(format: "experiment-%03d", $0), failed: $0 == 250, metrics: 40) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SummaryPublisher.write(RunSummary(experiments: many), to: folder)
        let data = try Data(contentsOf: folder.appendingPathComponent("summary.md"))
        XCTAssertLessThanOrEqual(data.count, 64 * 1024)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("## ❌ report: 1 of 300 experiments failed\n\n### Failures\n"), String(text.prefix(200)))
        XCTAssertTrue(text.contains("| experiment-250 | run | experiment 'experiment-250' failed (exit status 1) |"))
        XCTAssertTrue(text.contains("more rows did not fit in 64 KB; summary.json has them all."))
        let decoded = try RunSummary.read(from: folder)
        XCTAssertEqual(decoded.experiments.count, 300)
    }
}
