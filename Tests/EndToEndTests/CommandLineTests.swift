import Foundation
import XCTest

/// The help and listing a user sees, checked as literals (the help text is part of the interface).
final class CommandLineTests: XCTestCase {
    func testRunHelpDescribesArgumentsAndOptions() throws {
        let result = try ReportExecutable.run(["run", "--help"])
        XCTAssertEqual(result.status, 0)
        let expected = """
            OVERVIEW: Compile experiments, run them, and write their reports.

            Writes <output>/<name>/report.md, report.html and figures/*.png. The run writes
            into a staging folder and replaces the previous report only when it has
            succeeded, so a failed run leaves the previous report exactly as it was, and
            only a folder report wrote (marked .written-by-report) is ever replaced; a
            report whose gates failed goes to <output>/<name>.failed/. Given a folder of
            experiments or several folders, runs them --jobs at a time and also writes
            <output>/index.html, summary.json and summary.md. Exits non-zero when an
            experiment does not compile, fails, crashes or misses a gate: 124 after
            --timeout, 130 after Ctrl-C, 143 after SIGTERM.

            USAGE: report run [<options>] <experiment-folder> ...

            ARGUMENTS:
              <experiment-folder>     Experiment folders, or folders of experiments, e.g.
                                      experiments/adam-vs-sgd or experiments.

            OPTIONS:
              --output <folder>       The folder that receives <name>/ with the report.
                                      (default: output)
              --pdf                   Also write report.pdf, printed from report.html by
                                      headless Chromium (./scripts/setup.sh --pdf installs
                                      it).
              --set <name=value>      Set a parameter; first...last or a,b,c runs a sweep
                                      (see `report help <experiment-folder>`).
              --jobs <count>          How many compilers and experiments run at once
                                      (default: the number of cores).
              --shard <I/N>           Run only the I-th of N deterministic parts of the
                                      experiments, for CI matrices.
              --timings               List per-stage timings in the appendix and the
                                      summary (they then differ run to run).
              --explain               Say, per stage, whether its result came from the
                                      cache or why it ran again.
              --fresh                 Run every stage again, ignoring cached results (the
                                      new results are cached).
              --cache-directory <folder>
                                      Where stage results are cached (default:
                                      .build/report-cache in the package).
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
