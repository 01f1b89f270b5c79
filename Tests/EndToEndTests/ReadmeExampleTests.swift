import Foundation
import XCTest

/// The experiment printed in README.md compiles and runs as printed.
final class ReadmeExampleTests: XCTestCase {
    func testReadmeExperimentRuns() throws {
        let readme = try String(contentsOf: ReportExecutable.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.range(of: "## Write your own experiment"), "README.md lost its section")
        let rest = readme[section.upperBound...]
        let start = try XCTUnwrap(rest.range(of: "```swift\n"), "no Swift example in the section")
        let end = try XCTUnwrap(rest[start.upperBound...].range(of: "```\n"))
        let source = String(rest[start.upperBound..<end.lowerBound])

        let root = try TemporaryFolder.make()
        try TemporaryFolder.write(["experiments/sigmoid-note/SigmoidNote.swift": source], under: root)
        let result = try ReportExecutable.run(["run", "experiments/sigmoid-note"], in: root)
        XCTAssertEqual(result.status, 0, result.standardError)
        let markdown = try String(contentsOf: root.appendingPathComponent("output/sigmoid-note/report.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("# The sigmoid"), markdown)
        XCTAssertTrue(markdown.contains("\\sigma(x)(1-\\sigma(x))"), markdown)
    }

    /// The CI section's experiment: a sweep of three starts writes the band page; a step size that overshoots
    /// misses the gate and exits 1.
    func testReadmeCIExperimentRunsASweepAndAGate() throws {
        let readme = try String(contentsOf: ReportExecutable.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.range(of: "## CI and course mode"), "README.md lost its section")
        let rest = readme[section.upperBound...]
        let start = try XCTUnwrap(rest.range(of: "```swift\n"), "no Swift example in the section")
        let end = try XCTUnwrap(rest[start.upperBound...].range(of: "```\n"))
        let source = String(rest[start.upperBound..<end.lowerBound])

        let root = try TemporaryFolder.make()
        try TemporaryFolder.write(["experiments/parabola-descent/ParabolaDescent.swift": source], under: root)
        let sweep = try ReportExecutable.run(["run", "experiments/parabola-descent", "--set", "start=0...2"], in: root)
        XCTAssertEqual(sweep.status, 0, sweep.standardError)
        let markdown = try String(contentsOf: root.appendingPathComponent("output/parabola-descent/report.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("# Gradient descent from 3 starts"), markdown)
        XCTAssertTrue(markdown.contains("Diverged and left out: none."), markdown)
        // α = 0.99 multiplies w − 3 by −0.98 per step: from w₀ = −1 the last loss is 16 · 0.98^98 ≈ 2.2.
        let overshoot = try ReportExecutable.run(["run", "experiments/parabola-descent", "--set", "learningRate=0.99"], in: root)
        XCTAssertEqual(overshoot.status, 1)
        XCTAssertTrue(overshoot.standardError.contains("missed its gates (Final loss is"), overshoot.standardError)
    }
}
