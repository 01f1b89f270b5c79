import Foundation
import XCTest

/// The experiment printed in README.md, Swift and Markdown, compiles and runs as printed.
final class ReadmeExampleTests: XCTestCase {
    /// The first fenced block of `language` after the README's "Write your own experiment" heading.
    private func readmeBlock(_ language: String) throws -> String {
        let readme = try String(contentsOf: ReportExecutable.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.range(of: "## Write your own experiment"), "README.md lost its section")
        let rest = readme[section.upperBound...]
        let start = try XCTUnwrap(rest.range(of: "```\(language)\n"), "no \(language) example in the section")
        let end = try XCTUnwrap(rest[start.upperBound...].range(of: "```\n"))
        return String(rest[start.upperBound..<end.lowerBound])
    }

    func testReadmeExperimentRuns() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write([
            "experiments/sigmoid-note/SigmoidNote.swift": try readmeBlock("swift"),
            "experiments/sigmoid-note/handout.md": try readmeBlock("markdown"),
        ], under: root)
        let result = try ReportExecutable.run(["run", "experiments/sigmoid-note"], in: root)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertFalse(result.standardError.contains("warning"), result.standardError)
        let markdown = try String(contentsOf: root.appendingPathComponent("output/sigmoid-note/report.md"), encoding: .utf8)
        XCTAssertTrue(markdown.hasPrefix("# The sigmoid\n"), markdown)
        XCTAssertTrue(markdown.contains("## 1 Definition"), markdown)
        XCTAssertTrue(markdown.contains("\\sigma(x)(1-\\sigma(x))"), markdown)
        // σ′(0) = 1/4 and σ′(5) = σ(5)(1 − σ(5)) = 0.006648…, computed here independently of the engine.
        let sigmoidOfFive = 1 / (1 + exp(-5.0))
        XCTAssertEqual(String(format: "%.1e", sigmoidOfFive * (1 - sigmoidOfFive)), "6.6e-03")
        XCTAssertTrue(markdown.contains("$`\\sigma'(0) = 0.25`$"), markdown)
        XCTAssertTrue(markdown.contains("at $`x = 5`$ it is only 6.6 × 10⁻³ ([Figure 1](#fig-sigmoid))"), markdown)
        XCTAssertTrue(markdown.contains("**Figure 1.** The sigmoid and its derivative, computed by the engine."), markdown)
        XCTAssertTrue(FileManager.default.fileExists(
            atPath: root.appendingPathComponent("output/sigmoid-note/figures/sigmoid.png").path))
    }

    /// Editing only the Markdown changes the report's text and does not recompile the experiment.
    func testEditingTheMarkdownChangesTheReportWithoutRecompiling() throws {
        let root = try TemporaryFolder.make()
        let handout = "experiments/sigmoid-note/handout.md"
        try TemporaryFolder.write([
            "experiments/sigmoid-note/SigmoidNote.swift": try readmeBlock("swift"),
            handout: try readmeBlock("markdown"),
        ], under: root)
        let first = try ReportExecutable.run(["run", "experiments/sigmoid-note"], in: root)
        XCTAssertEqual(first.status, 0, first.standardError)

        let edited = try readmeBlock("markdown").replacingOccurrences(of: "It is largest at zero",
                                                                        with: "It peaks at zero")
        try Data(edited.utf8).write(to: root.appendingPathComponent(handout))
        let second = try ReportExecutable.run(["run", "experiments/sigmoid-note"], in: root)
        XCTAssertEqual(second.status, 0, second.standardError)
        XCTAssertTrue(second.standardError.contains("compiled sigmoid-note (cached)"), second.standardError)
        let markdown = try String(contentsOf: root.appendingPathComponent("output/sigmoid-note/report.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("It peaks at zero"), markdown)
        XCTAssertFalse(markdown.contains("It is largest at zero"), markdown)
    }

    /// A misspelt name in the Markdown stops the run with file, line, column and the likely name.
    func testUnknownNameInTheMarkdownNamesFileLineAndColumn() throws {
        let root = try TemporaryFolder.make()
        let misspelt = try readmeBlock("markdown").replacingOccurrences(of: "{{value: slope-at-five}}",
                                                                          with: "{{value: slope-at-fiv}}")
        try TemporaryFolder.write([
            "experiments/sigmoid-note/SigmoidNote.swift": try readmeBlock("swift"),
            "experiments/sigmoid-note/handout.md": misspelt,
        ], under: root)
        let line = try XCTUnwrap(misspelt.components(separatedBy: "\n").firstIndex { $0.contains("slope-at-fiv}}") })
        let column = try XCTUnwrap(misspelt.components(separatedBy: "\n")[line].range(of: "{{value: slope-at-fiv}}"))
        let columnNumber = misspelt.components(separatedBy: "\n")[line].distance(
            from: misspelt.components(separatedBy: "\n")[line].startIndex, to: column.lowerBound) + 1
        let result = try ReportExecutable.run(["run", "experiments/sigmoid-note"], in: root)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.standardError.contains(
            "report: error: experiments/sigmoid-note/handout.md:\(line + 1):\(columnNumber): no value named "
                + "'slope-at-fiv' (did you mean 'slope-at-five'?)"), result.standardError)
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
