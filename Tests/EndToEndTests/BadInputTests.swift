import Foundation
import XCTest

/// The three kinds of bad input of issue 2, each through the built `report`.
final class BadInputTests: XCTestCase {
    func testUnknownExperimentListsTheExistingOnes() throws {
        let result = try ReportExecutable.run(["run", "experiments/no-such-experiment"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.standardError.contains("no experiment at 'experiments/no-such-experiment'"), result.standardError)
        XCTAssertTrue(result.standardError.contains("experiments/adam-vs-sgd"), result.standardError)
    }

    func testFolderWithoutSwiftSourceIsNotAnExperiment() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write(["experiments/notes-only/notes.md": "# Notes\n"], under: root)
        let result = try ReportExecutable.run(["run", "experiments/notes-only"], in: root)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.standardError.contains("'experiments/notes-only' is not an experiment"), result.standardError)
    }

    func testCompileErrorPrintsFileAndLineAndFails() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write([
            "experiments/broken/Broken.swift": """
                import Report

                /// Does not compile: a String where an Int is needed.
                @main
                struct Broken {
                    static func main() {
                        let count: Int = "three"
                        print(count)
                    }
                }

                """,
        ], under: root)
        let result = try ReportExecutable.run(["run", "experiments/broken"], in: root)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.standardError.contains("experiments/broken/Broken.swift:7:"), result.standardError)
        XCTAssertTrue(result.standardError.contains("error:"), result.standardError)
        XCTAssertTrue(result.standardError.contains("experiment 'broken' does not compile"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/broken").path))
    }

    /// A first run succeeds; a second run writes part of a report and then fails, and a third crashes. The
    /// first report must survive both, byte for byte, and no staging folder may be left behind.
    func testFailedRunLeavesThePreviousReportExactlyAsItWas() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write(["experiments/flaky/Flaky.swift": Self.flakyExperiment], under: root)

        let first = try ReportExecutable.run(["run", "experiments/flaky"], in: root)
        XCTAssertEqual(first.status, 0, first.standardError)
        let output = root.appendingPathComponent("output/flaky")
        let before = try TemporaryFolder.snapshot(of: output)
        XCTAssertEqual(Set(before.keys), ["report.md", "report.html", ".written-by-report"])

        try TemporaryFolder.write(["mode": "fail"], under: root)
        let failed = try ReportExecutable.run(["run", "experiments/flaky"], in: root)
        XCTAssertNotEqual(failed.status, 0)
        XCTAssertTrue(failed.standardError.contains("experiment 'flaky' failed (exit status 3)"), failed.standardError)
        XCTAssertEqual(try TemporaryFolder.snapshot(of: output), before)

        try TemporaryFolder.write(["mode": "crash"], under: root)
        let crashed = try ReportExecutable.run(["run", "experiments/flaky"], in: root)
        XCTAssertNotEqual(crashed.status, 0)
        XCTAssertTrue(crashed.standardError.contains("crashed"), crashed.standardError)
        XCTAssertEqual(try TemporaryFolder.snapshot(of: output), before)

        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("output").path)
        XCTAssertEqual(leftovers, ["flaky"])
    }

    /// A document that refers to a figure it does not have fails with a message naming the reference.
    func testMissingFigureReferenceIsNamed() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write([
            "experiments/dangling/Dangling.swift": """
                import Report

                /// Refers to a figure that does not exist.
                @main
                struct Dangling: Experiment {
                    static func makeDocument(run: ExperimentRun) throws -> Document {
                        Document(title: "Dangling") {
                            Prose("As @fig:loss-curve shows, nothing.")
                        }
                    }
                }

                """,
        ], under: root)
        let result = try ReportExecutable.run(["run", "experiments/dangling"], in: root)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.standardError.contains("missing figure 'loss-curve'"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/dangling").path))
    }

    /// Writes a report, or half of one and then fails or crashes, as the file `mode` in the working folder says.
    private static let flakyExperiment = """
        import Foundation
        import Report

        /// Succeeds, fails half-way or crashes, as ./mode says.
        @main
        struct Flaky {
            static func main() throws {
                let (context, output) = try RunContext.parse(Array(CommandLine.arguments.dropFirst()))
                let mode = (try? String(contentsOfFile: "mode", encoding: .utf8)) ?? "succeed"
                try "# \\(context.experimentName) (\\(mode))\\n".write(to: output.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
                switch mode {
                case "fail": exit(3)
                case "crash": fatalError("crash half-way")
                default: try "<p>ok</p>\\n".write(to: output.appendingPathComponent("report.html"), atomically: true, encoding: .utf8)
                }
            }
        }

        """
}
