import Foundation
import NeuralNetworks
import Report

/// One `report run` of one experiment: locate, compile, run in a staging folder, publish.
///
/// The command line only parses options into ``Options`` and prints what ``run(_:)`` returns; everything that
/// decides what happens to the user's files lives here, where unit tests can reach it.
public struct ExperimentRunner {
    /// What the user asked for.
    public struct Options {
        /// The folder that receives `<name>/` with the report.
        public var outputDirectory: URL
        /// List per-stage timings in the appendix (the report then differs run to run).
        public var includeTimings: Bool
        /// Stop the experiment after this many seconds (`--timeout`); nil lets it run.
        public var timeLimit: TimeInterval?
        /// Fail on what would otherwise be a warning, such as text a figure cannot draw (`--strict`).
        public var isStrict: Bool

        public init(outputDirectory: URL, includeTimings: Bool = false, timeLimit: TimeInterval? = nil, isStrict: Bool = false) {
            self.outputDirectory = outputDirectory
            self.includeTimings = includeTimings
            self.timeLimit = timeLimit
            self.isStrict = isStrict
        }
    }

    /// Where a finished run put its report.
    public struct Outcome {
        public let experiment: ExperimentEntry
        /// `<output>/<name>`.
        public let destination: URL
        public var markdownFile: URL { destination.appendingPathComponent("report.md") }
        public var htmlFile: URL { destination.appendingPathComponent("report.html") }
    }

    public let layout: ToolLayout
    public let options: Options
    /// Shows one line of the runner's own, kept on screen (it becomes a ``ProgressEvent/note(_:)``).
    public var say: (String) -> Void
    /// Receives every stage, training epoch and line of child output as it happens (see ``ProgressDisplay``).
    public var progress: (ProgressEvent) -> Void

    /// A runner that reports only lines: each finished stage's summary and each note go to `say`; child output
    /// goes straight to standard error (for callers without a display, e.g. a batch that prints its own table).
    public init(layout: ToolLayout, options: Options, say: @escaping (String) -> Void) {
        self.layout = layout
        self.options = options
        self.say = say
        self.progress = { event in
            switch event {
            case .stageFinished(let title, let seconds, let summary): say(summary ?? String(format: "%@ (%.2f s)", title, seconds))
            case .note(let line): say(line)
            case .output(let line): FileHandle.standardError.write(Data((line + "\n").utf8))
            default: break
            }
        }
    }

    /// A runner that reports everything to `progress`, e.g. ``ProgressDisplay/handle(_:)``.
    public init(layout: ToolLayout, options: Options, progress: @escaping (ProgressEvent) -> Void) {
        self.layout = layout
        self.options = options
        self.say = { progress(.note($0)) }
        self.progress = progress
    }

    /// Compiles and runs the experiment at `experimentPath` and publishes its report.
    /// - Parameter experimentPath: the folder as the user spelled it, so compiler messages show their paths.
    /// - Throws: ``ReportFailure`` with one sentence for the user; the previous report is then untouched.
    public func run(_ experimentPath: String) throws -> Outcome {
        CommandRunner.removeAbandonedTemporaryFolders()
        let experiment = try Self.locateExperiment(at: experimentPath)
        let folderPath = experimentPath.hasSuffix("/") ? String(experimentPath.dropLast()) : experimentPath
        try Self.checkEntryPoint(of: experiment, folderPath: folderPath)
        let destination = options.outputDirectory.appendingPathComponent(experiment.name, isDirectory: true)
        try Self.checkDestination(destination, against: experiment)
        // Before compiling, so a wrong --output is reported at once; checked again when the folder is made.
        try OutputFolder.checkDestination(destination)
        let compileStart = Date()
        let sourcePaths = experiment.sourceFiles.map { folderPath + "/" + $0.lastPathComponent }
        let compileTitle = "compiling \(experiment.name)"
        progress(.stageStarted(title: compileTitle))
        let compiled: (executable: URL, wasCached: Bool)
        do {
            compiled = try ExperimentCompiler(layout: layout).compile(experiment, sourcePaths: sourcePaths, errorLines: relayOutput)
        } catch {
            progress(.stageFailed(title: compileTitle))
            throw error
        }
        progress(.stageFinished(title: compileTitle, seconds: Date().timeIntervalSince(compileStart), summary: compiled.wasCached
            ? "compiled \(experiment.name) (cached)"
            : "compiled \(experiment.name) in \(Self.seconds(since: compileStart))"))

        try InterruptSignals.checkpoint()
        let folder = try OutputFolder(destination: destination)
        let runTitle = "running \(experiment.name)"
        progress(.stageStarted(title: runTitle))
        // The experiment's stages and epochs arrive on this socket while it runs (no socket, no progress).
        let listener = try? ProgressListener(deliver: progress)
        defer {
            listener?.stop()
            unsetenv(ProgressChannel.environmentVariable)
        }
        do {
            let runStart = Date()
            // OpenBLAS picks its kernels when it loads; on CPUs it does not know it falls back to slow generic
            // ones unless told through the environment, which the experiment inherits.
            if let coreType = OpenBLAS.recommendedCoreType {
                setenv("OPENBLAS_CORETYPE", coreType, 1)
            }
            // Experiments train small networks, whose products are too small for OpenBLAS's second thread to
            // pay; on a busy machine (CI) its spinning waits made a 2-64-64-1 run ten times slower. One thread
            // unless the user asks for more; an experiment with large products can raise `OpenBLAS.threadCount`.
            setenv("OPENBLAS_NUM_THREADS", "1", 0)
            var context = runContext(for: experiment)
            context.stageTimings = [StageTiming(
                name: compiled.wasCached ? "compile (cached)" : "compile",
                seconds: runStart.timeIntervalSince(compileStart)
            )]
            if let listener { setenv(ProgressChannel.environmentVariable, listener.name, 1) }
            let arguments = ["--output", folder.staging.path] + context.commandLineArguments
            progress(.detail("$ " + ([compiled.executable.path] + arguments).map(Self.shellQuoted).joined(separator: " ")))
            let outcome = try CommandRunner.run(
                compiled.executable.path, arguments, errorLines: relayOutput,
                environment: CrashReport.environment(logFolder: folder.scratch).merging([
                    "REPORT_PARENT_PID": String(ProcessInfo.processInfo.processIdentifier),
                    "REPORT_USAGE_FAILURE_FILE": folder.scratch.appendingPathComponent(Self.usageFailureFileName).path,
                ]) { $1 },
                timeLimit: options.timeLimit)
            listener?.stop()
            guard outcome.succeeded else {
                throw failure(of: experiment, folderPath: folderPath, outcome: outcome, scratch: folder.scratch,
                              destination: destination)
            }
            for required in ["report.md", "report.html"] {
                guard FileManager.default.fileExists(atPath: folder.staging.appendingPathComponent(required).path) else {
                    throw ReportFailure("experiment '\(experiment.name)' finished without writing \(required); \(destination.relativePath) was left unchanged")
                }
            }
            try InterruptSignals.checkpoint()
            try folder.publish()
            progress(.stageFinished(title: runTitle, seconds: Date().timeIntervalSince(runStart),
                                    summary: "ran \(experiment.name) in \(Self.seconds(since: runStart))"))
        } catch {
            folder.discard()
            progress(.stageFailed(title: runTitle))
            throw error
        }
        return Outcome(experiment: experiment, destination: destination)
    }

    /// The sentence for an experiment that did not succeed: how it ended, and for a crash the reason and the
    /// user's own `file:line` first, then the backtrace.
    private func failure(of experiment: ExperimentEntry, folderPath: String, outcome: CommandRunner.Outcome,
                         scratch: URL, destination: URL) -> ReportFailure {
        let unchanged = "\(destination.relativePath) was left unchanged"
        if outcome.timedOut {
            let limit = options.timeLimit.map { String(format: "%g", $0) } ?? "?"
            return ReportFailure("experiment '\(experiment.name)' did not finish within \(limit) s (--timeout \(limit)) and was stopped; \(unchanged)",
                                 exitStatus: 124)
        }
        guard outcome.crashed else {
            return ReportFailure("experiment '\(experiment.name)' failed (\(outcome.summary)); \(unchanged)")
        }
        // Read even without a backtrace: the library wrote its message here instead of to standard error.
        let libraryMessage = (try? String(contentsOf: scratch.appendingPathComponent(Self.usageFailureFileName), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let crash = CrashReport(logFolder: scratch)
        var message: String
        if let libraryMessage, !libraryMessage.isEmpty {
            // The library named the mistake itself (see NeuralNetworks' `requirement`); that is the reason.
            message = "experiment '\(experiment.name)' stopped: \(libraryMessage)"
        } else {
            var reason = crash?.reason ?? "no backtrace was written"
            if let function = crash?.innermostFunction, !reason.contains(function) { reason += " in \(function)" }
            if crash?.innermostFunction?.contains("subscript") == true { reason += " (an index out of range?)" }
            message = "experiment '\(experiment.name)' \(outcome.summary): \(reason)"
        }
        if let frame = crash?.firstFrame(under: experiment.directory), let path = frame.path {
            let shown = folderPath + "/" + URL(fileURLWithPath: path).lastPathComponent
            // Optimised code sometimes maps a call's return address to no line at all; the file still helps.
            let place = frame.line.map { ":\($0)" + (frame.column.map { ":\($0)" } ?? "") } ?? " (no line: optimised code)"
            message += "\n  at \(shown)\(place) in \(frame.function)"
        }
        message += "\n  \(unchanged)"
        if let backtrace = crash?.backtrace, !backtrace.isEmpty { message += "\nbacktrace of the crashed thread:\n" + backtrace }
        return ReportFailure(message)
    }

    /// Where the experiment's libraries write the message of a failed usage check before stopping.
    static let usageFailureFileName = "usage-failure.txt"

    /// Refuses a folder whose sources have no `@main` type before swiftc gets to fail with a linker error
    /// ("undefined reference to `main'") that does not say what is missing.
    static func checkEntryPoint(of experiment: ExperimentEntry, folderPath: String) throws {
        let hasMain = experiment.sourceFiles.contains { file in
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { return true }
            // At the start of a line, so that "@main" in a comment does not count.
            return text.range(of: "(?m)^[ \\t]*@main\\b", options: .regularExpression) != nil || file.lastPathComponent == "main.swift"
        }
        guard hasMain else {
            throw ReportFailure("""
                \(folderPath) has no @main Experiment type: mark the type that conforms to Experiment with @main \
                (see "Write your own experiment" in README.md)
                """)
        }
    }

    /// Refuses an output destination that is the experiment's own folder or holds it.
    static func checkDestination(_ destination: URL, against experiment: ExperimentEntry) throws {
        let target = destination.standardizedFileURL.resolvingSymlinksInPath().path
        let source = experiment.directory.standardizedFileURL.resolvingSymlinksInPath().path
        guard target != source, !source.hasPrefix(target + "/"), !target.hasPrefix(source + "/") else {
            throw ReportFailure("""
                refusing to write the report to \(destination.relativePath): that would replace or sit inside the \
                experiment's own folder; choose another --output
                """)
        }
    }

    /// The experiment at `experimentPath`, or a failure that lists the experiments that do exist.
    public static func locateExperiment(at experimentPath: String) throws -> ExperimentEntry {
        let folder = URL(fileURLWithPath: experimentPath, isDirectory: true)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
           let entry = try ExperimentCatalog.entry(at: folder) {
            return entry
        }
        // List the folder the user pointed into, or ./experiments when that holds none.
        let trimmedPath = experimentPath.hasSuffix("/") ? String(experimentPath.dropLast()) : experimentPath
        var listedFolder = (trimmedPath as NSString).deletingLastPathComponent
        if listedFolder.isEmpty { listedFolder = "." }
        var listing = try ExperimentCatalog(directory: URL(fileURLWithPath: listedFolder, isDirectory: true)).experiments()
        if listing.isEmpty {
            listedFolder = "experiments"
            listing = try ExperimentCatalog(directory: URL(fileURLWithPath: listedFolder, isDirectory: true)).experiments()
        }
        let reason = FileManager.default.fileExists(atPath: folder.path)
            ? "'\(experimentPath)' is not an experiment (a folder with .swift files)"
            : "no experiment at '\(experimentPath)'"
        guard !listing.isEmpty else {
            throw ReportFailure("\(reason), and no experiments were found in \(listedFolder)/")
        }
        let lines = listing.map { "  \(listedFolder)/\($0.name)  \($0.summary)" }
        throw ReportFailure("\(reason). Experiments that exist:\n" + lines.joined(separator: "\n"))
    }

    /// What the reproducibility appendix records about this run.
    private func runContext(for experiment: ExperimentEntry) -> RunContext {
        let directory = experiment.directory.path
        let commit = CommandRunner.probe("git", ["-C", directory, "rev-parse", "HEAD"])
        let status = commit == nil ? nil : CommandRunner.probe("git", ["-C", directory, "status", "--porcelain", "--untracked-files=normal"])
        var context = RunContext(
            experimentName: experiment.name,
            sourceDirectory: experiment.directory.standardizedFileURL,
            gitCommit: commit,
            gitTreeIsDirty: !(status ?? "").isEmpty,
            toolVersion: ToolVersion.current,
            swiftVersion: CommandRunner.probe("swiftc", ["--version"])?.components(separatedBy: .newlines).first ?? "unknown",
            machine: Machine.description,
            includeTimings: options.includeTimings
        )
        context.isStrict = options.isStrict
        return context
    }

    /// Hands a child's standard-error line to the display.
    private func relayOutput(_ line: String) {
        progress(.output(line))
    }

    /// `argument` as a shell reads it back: bare when safe, else in single quotes.
    static func shellQuoted(_ argument: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        guard !argument.isEmpty, argument.unicodeScalars.allSatisfy(safe.contains) else {
            return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        return argument
    }

    static func seconds(since start: Date) -> String {
        String(format: "%.1f s", Date().timeIntervalSince(start))
    }
}

/// The version `report --version` prints and the reproducibility appendix records.
public enum ToolVersion {
    public static let current = "0.1.0"
}
