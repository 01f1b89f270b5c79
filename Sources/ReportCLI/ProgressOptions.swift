import ArgumentParser
import Foundation
import ReportRunner

/// `--quiet` and `--verbose`, shared by the commands that run experiments; the display itself is ReportRunner's.
struct ProgressOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "Print only warnings, errors and compiler messages (no stage or progress lines).")
    var quiet = false

    @Flag(name: [.short, .long], help: "Also print the experiment's command line and one line per finished training run.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    /// The display for this process: live on a terminal, plain lines in CI or a pipe (see ProgressStyle.detect).
    func makeDisplay() -> ProgressDisplay {
        let style = ProgressStyle.detect(quiet: quiet, verbose: verbose, environment: ProcessInfo.processInfo.environment,
                                         isTerminal: ProgressDisplay.standardErrorIsTerminal)
        return ProgressDisplay(style: style)
    }
}
