import ArgumentParser
import Foundation
import ReportPreview
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

    /// Runs `body` with the display for this process — live on a terminal, plain lines in CI or a pipe (see
    /// ProgressStyle.detect) — and turns a failure it explains into one `report: error:` line and exit status 1.
    func withDisplay(_ body: (ProgressDisplay) throws -> Void) throws {
        let style = ProgressStyle.detect(quiet: quiet, verbose: verbose, environment: ProcessInfo.processInfo.environment,
                                         isTerminal: ProgressDisplay.standardErrorIsTerminal)
        let display = ProgressDisplay(style: style)
        do {
            try body(display)
        } catch let failure as ReportFailure {
            try fail(explaining: failure.description, display: display, status: failure.exitStatus)
        } catch let interrupted as Interrupted {
            // 128 + the signal, as a shell reports a program the signal ended (130 after Ctrl-C).
            display.finish()
            FileHandle.standardError.write(Data("report: \(interrupted.description); the experiment was stopped and the previous report kept\n".utf8))
            throw ExitCode(interrupted.exitStatus)
        } catch let failure as ReportPreviewError {
            try fail(explaining: failure.description, display: display)
        } catch {
            // Anything else is argument-parser's to print; the live line must not be left under it.
            display.finish()
            throw error
        }
    }

    private func fail(explaining failure: String, display: ProgressDisplay, status: Int32 = 1) throws -> Never {
        display.finish()
        FileHandle.standardError.write(Data("report: error: \(failure)\n".utf8))
        throw ExitCode(status)
    }
}
