import ArgumentParser
import Foundation
import ReportRunner

/// `report run <folder>`: compile, train, draw, write, publish.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compile an experiment, run it, and write its report.",
        discussion: """
            Writes <output>/<name>/report.md, report.html and figures/*.png. The run writes into a staging \
            folder and replaces the previous report only when it has succeeded, so a failed run leaves the \
            previous report exactly as it was, and only a folder report wrote (marked .written-by-report) is \
            ever replaced. Exits non-zero when the experiment does not compile, fails or crashes: 124 after \
            --timeout, 130 after Ctrl-C, 143 after SIGTERM.
            """
    )

    @Argument(help: ArgumentHelp("The experiment's folder, e.g. experiments/adam-vs-sgd.", valueName: "experiment-folder"))
    var experimentPath: String

    @Option(name: .long, help: ArgumentHelp("The folder that receives <name>/ with the report.", valueName: "folder"))
    var output: String = "output"

    @Flag(name: .long, help: "List per-stage timings in the report's appendix (the report then differs run to run).")
    var timings = false

    @Option(name: .long, help: ArgumentHelp("""
        Stop the experiment if it runs longer than this (e.g. 90, 90s, 10m, 1h; 0 for no limit). Default: 10m \
        when CI is set, no limit otherwise. Exits with status 124.
        """, valueName: "duration"))
    var timeout: String?

    @Flag(name: .long, inversion: .prefixedNo, help: """
        Fail instead of warning when a figure lacks a font for its text. Default: on when CI is set.
        """)
    var strict: Bool?

    /// Whether the environment says this is CI (GitHub Actions, GitLab and most others set CI=true).
    static var isContinuousIntegration: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false", "no"].contains(value)
    }

    /// A limit that flags a runaway experiment in CI yet leaves our largest ones (seconds each) ample room.
    static let continuousIntegrationTimeout: TimeInterval = 600

    /// Seconds in "90", "90s", "10m" or "1h"; nil for no limit.
    static func parseDuration(_ text: String) throws -> TimeInterval? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        var number = text.trimmingCharacters(in: .whitespaces)
        var factor = 1.0
        if let last = number.last, let unit = units[last] {
            factor = unit
            number.removeLast()
        }
        guard let value = Double(number), value.isFinite, value >= 0 else {
            throw ReportFailure("--timeout '\(text)' is not a duration; use seconds (90), or 90s, 10m, 1h; 0 for no limit")
        }
        return value == 0 ? nil : value * factor
    }

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        try progress.withDisplay(runExperiment)
    }

    private func runExperiment(display: ProgressDisplay) throws {
        let layout = try ToolLayout.current()
        if layout.isDebugBuild {
            display.handle(.note("warning: report was built in debug mode, so training runs about 12× slower; use `swift build -c release`"))
        }
        let runner = ExperimentRunner(
            layout: layout,
            options: .init(outputDirectory: URL(fileURLWithPath: output, isDirectory: true), includeTimings: timings,
                           timeLimit: try timeout.map(Self.parseDuration) ?? (Self.isContinuousIntegration ? Self.continuousIntegrationTimeout : nil),
                           isStrict: strict ?? Self.isContinuousIntegration),
            progress: display.handle
        )
        let outcome = try runner.run(experimentPath)
        display.finish()
        print(outcome.markdownFile.relativePath)
        print(outcome.htmlFile.relativePath)
    }
}
