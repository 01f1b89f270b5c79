import ArgumentParser
import Foundation
import ReportRunner

/// `report run <folder>…`: compile, train, draw, write, publish — one experiment, or many at once.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compile experiments, run them, and write their reports.",
        discussion: """
            Writes <output>/<name>/report.md, report.html and figures/*.png. The run writes into a staging \
            folder and replaces the previous report only when it has succeeded, so a failed run leaves the \
            previous report exactly as it was, and only a folder report wrote (marked .written-by-report) is \
            ever replaced; a report whose gates failed goes to <output>/<name>.failed/. Given a folder of \
            experiments or several folders, runs them --jobs at a time and also writes <output>/index.html, \
            summary.json and summary.md. Exits non-zero when an experiment does not compile, fails, crashes or \
            misses a gate: 124 after --timeout, 130 after Ctrl-C, 143 after SIGTERM.
            """
    )

    @Argument(help: ArgumentHelp("Experiment folders, or folders of experiments, e.g. experiments/adam-vs-sgd or experiments.",
                                 valueName: "experiment-folder"))
    var experimentPaths: [String]

    @Option(name: .long, help: ArgumentHelp("The folder that receives <name>/ with the report.", valueName: "folder"))
    var output: String = "output"

    @Flag(name: .long, help: "Also write report.pdf, printed from report.html by headless Chromium (./scripts/setup.sh --pdf installs it).")
    var pdf = false

    @Option(name: .customLong("set"), parsing: .singleValue,
            help: ArgumentHelp("Set a parameter; first...last or a,b,c runs a sweep (see `report help <experiment-folder>`).",
                               valueName: "name=value"))
    var settings: [String] = []

    @Option(name: .long, help: ArgumentHelp("How many compilers and experiments run at once (default: the number of cores).",
                                            valueName: "count"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Run only the I-th of N deterministic parts of the experiments, for CI matrices.",
                                            valueName: "I/N"))
    var shard: String?

    @Flag(name: .long, help: "List per-stage timings in the appendix and the summary (they then differ run to run).")
    var timings = false

    @Flag(name: .long, help: "Say, per stage, whether its result came from the cache or why it ran again.")
    var explain = false

    @Flag(name: .long, help: "Run every stage again, ignoring cached results (the new results are cached).")
    var fresh = false

    @Option(name: .long, help: ArgumentHelp("Where stage results are cached (default: .build/report-cache in the package).", valueName: "folder"))
    var cacheDirectory: String?
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

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs needs a count of at least 1, got \(jobs)") }
    }

    func run() throws {
        try progress.withDisplay(runExperiments)
    }

    private func runExperiments(display: ProgressDisplay) throws {
        let layout = try ToolLayout.current()
        if layout.isDebugBuild {
            display.handle(.note("warning: report was built in debug mode, so training runs about 12× slower; use `swift build -c release`"))
        }
        let outputDirectory = URL(fileURLWithPath: output, isDirectory: true)
        let cacheURL = cacheDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let timeLimit = try timeout.map(Self.parseDuration) ?? (Self.isContinuousIntegration ? Self.continuousIntegrationTimeout : nil)
        let isStrict = strict ?? Self.isContinuousIntegration
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let shard = try shard.map(BatchRunner.Shard.init(parsing:))
        let single = experimentPaths.count == 1 && shard == nil
            && (try? ExperimentCatalog.entry(at: URL(fileURLWithPath: experimentPaths[0], isDirectory: true))) != nil
        if single || (experimentPaths.count == 1 && shard == nil && !FileManager.default.fileExists(atPath: experimentPaths[0])) {
            let runner = ExperimentRunner(
                layout: layout,
                options: .init(outputDirectory: outputDirectory, includeTimings: timings, parameterOptions: settings,
                               fresh: fresh, explain: explain, cacheDirectory: cacheURL,
                               timeLimit: timeLimit, isStrict: isStrict, writesPDF: pdf),
                slots: ProcessSlots(count: jobs),
                progress: display.handle
            )
            let outcome = try runner.run(experimentPaths[0])
            display.finish()
            print(outcome.markdownFile.relativePath)
            print(outcome.htmlFile.relativePath)
            if pdf { print(outcome.pdfFile.relativePath) }
            return
        }
        // The failure page shows the last lines of the output; Swift's crash report would fill them with
        // register dumps, so experiments run with the short message ("Fatal error: …") unless the user chose.
        setenv("SWIFT_BACKTRACE", "enable=no", 0)
        let logs = FileManager.default.temporaryDirectory
            .appendingPathComponent("report-logs-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        let runner = ExperimentRunner(
            layout: layout,
            options: .init(outputDirectory: outputDirectory, includeTimings: timings, parameterOptions: settings,
                           writesFailurePages: true, logDirectory: logs, appliesOnlyDeclaredParameters: true,
                           fresh: fresh, explain: explain, cacheDirectory: cacheURL,
                           timeLimit: timeLimit, isStrict: isStrict, writesPDF: pdf),
            slots: ProcessSlots(count: jobs),
            // Several experiments at once: one line per finished stage (their output goes to the failure pages).
            say: { display.handle(.note($0)) }
        )
        let summary = try BatchRunner(runner: runner, jobs: jobs, shard: shard).run(experimentPaths)
        display.finish()
        for experiment in summary.experiments {
            if let report = experiment.reportHTML {
                print(outputDirectory.appendingPathComponent(report).relativePath)
            }
        }
        for file in ["index.html", "summary.json", "summary.md"] {
            print(outputDirectory.appendingPathComponent(file).relativePath)
        }
        // Ctrl-C during a batch: the summary says which experiments it stopped, and `report` exits as after a
        // single interrupted run (130), not as after a failed experiment (1).
        try InterruptSignals.checkpoint()
        guard summary.status == .passed else {
            let failed = summary.experiments.filter { $0.status == .failed }.map(\.name)
            throw ReportFailure("\(failed.count) of \(summary.counts.total) experiments failed: \(failed.joined(separator: ", ")); see \(outputDirectory.appendingPathComponent("summary.md").relativePath)")
        }
    }
}
