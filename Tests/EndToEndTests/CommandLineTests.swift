import Foundation
import XCTest

/// The help and listing a user sees, checked as literals (the help text is part of the interface).
final class CommandLineTests: XCTestCase {
    func testRunHelpDescribesArgumentsAndOptions() throws {
        let result = try ReportExecutable.run(["run", "--help"])
        XCTAssertEqual(result.status, 0)
        let expected = """
            OVERVIEW: Compile an experiment, run it, and write its report.

            Writes <output>/<name>/report.md, report.html and figures/*.png. The run writes
            into a staging folder and replaces the previous report only when it has
            succeeded, so a failed run leaves the previous report exactly as it was, and
            only a folder report wrote (marked .written-by-report) is ever replaced. Exits
            non-zero when the experiment does not compile, fails or crashes: 124 after
            --timeout, 130 after Ctrl-C, 143 after SIGTERM.

            USAGE: report run <experiment-folder> [--output <folder>] [--timings] [--timeout <duration>] [--strict] [--no-strict] [--quiet] [--verbose]

            ARGUMENTS:
              <experiment-folder>     The experiment's folder, e.g. experiments/adam-vs-sgd.

            OPTIONS:
              --output <folder>       The folder that receives <name>/ with the report.
                                      (default: output)
              --timings               List per-stage timings in the report's appendix (the
                                      report then differs run to run).
              --timeout <duration>    Stop the experiment if it runs longer than this (e.g.
                                      90, 90s, 10m, 1h; 0 for no limit). Default: 10m when
                                      CI is set, no limit otherwise. Exits with status 124.
              --strict/--no-strict    Fail instead of warning when a figure lacks a font
                                      for its text. Default: on when CI is set.
              -q, --quiet             Print only warnings, errors and compiler messages (no
                                      stage or progress lines).
              -v, --verbose           Also print the experiment's command line and one line
                                      per finished training run.
              --version               Show the version.
              -h, --help              Show help information.


            """
        XCTAssertEqual(result.standardOutput, expected)
    }

    func testListShowsEveryExperimentWithItsDescription() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write([
            "experiments/first/First.swift": "/// The first one.\n/// More detail.\n@main\nstruct First { static func main() {} }\n",
            "experiments/second-one/Second.swift": "@main\nstruct Second { static func main() {} }\n",
            "experiments/empty/README.md": "no Swift here\n",
        ], under: root)
        let result = try ReportExecutable.run(["list"], in: root)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(result.standardOutput, """
            first       The first one.
            second-one  (no /// description above @main)

            """)
    }
}
