import Foundation
import NeuralNetworks
import Report

/// One `report run` of one experiment: locate, compile, check parameters, run in a staging folder (every
/// variant of a sweep, then the page that aggregates them), judge the gates, publish.
///
/// The command line only parses options into ``Options`` and prints what ``run(_:)`` returns; everything that
/// decides what happens to the user's files lives here, where unit tests can reach it. ``BatchRunner`` calls
/// ``execute(_:folderPath:)`` once per experiment when many run at once.
public struct ExperimentRunner {
    /// What the user asked for.
    public struct Options {
        /// The folder that receives `<name>/` with the report.
        public var outputDirectory: URL
        /// List per-stage timings in the appendix (the report then differs run to run) and in the summary.
        public var includeTimings: Bool
        /// The `--set` options, as typed (`epochs=10`, `seed=0...9`).
        public var parameterOptions: [String]
        /// Whether a run that fails before its report exists gets a failure page at `<output>/NAME.failed/`
        /// (when many experiments run; a single `report run` leaves the output folder untouched instead).
        public var writesFailurePages: Bool
        /// Where each experiment's compiler and program output goes (`NAME.log`) instead of the terminal;
        /// `nil` passes it through.
        public var logDirectory: URL?
        /// Whether each experiment takes only the `--set` parameters it declares (when many run, a parameter
        /// such as `seed` applies to those that have it; ``BatchRunner`` checks that some experiment does).
        public var appliesOnlyDeclaredParameters: Bool

        /// Also print `report.pdf` from `report.html` with headless Chromium.
        public var writesPDF: Bool
        /// Stop the experiment after this many seconds (`--timeout`); nil lets it run.
        public var timeLimit: TimeInterval?
        /// Fail on what would otherwise be a warning, such as text a figure cannot draw (`--strict`).
        public var isStrict: Bool
        /// Ignore stored stage results and the record of the last run (results are stored anew).
        public var fresh: Bool
        /// Say, per stage, whether it was reused or why it ran.
        public var explain: Bool
        /// Where stage results and run records live; `nil` means `.build/report-cache` in the package.
        public var cacheDirectory: URL?

        public init(outputDirectory: URL, includeTimings: Bool = false, parameterOptions: [String] = [],
                    writesFailurePages: Bool = false, logDirectory: URL? = nil, appliesOnlyDeclaredParameters: Bool = false,
                    fresh: Bool = false, explain: Bool = false, cacheDirectory: URL? = nil,
                    timeLimit: TimeInterval? = nil, isStrict: Bool = false, writesPDF: Bool = false) {
            self.writesPDF = writesPDF
            self.timeLimit = timeLimit
            self.isStrict = isStrict
            self.fresh = fresh
            self.explain = explain
            self.cacheDirectory = cacheDirectory
            self.appliesOnlyDeclaredParameters = appliesOnlyDeclaredParameters
            self.outputDirectory = outputDirectory
            self.includeTimings = includeTimings
            self.parameterOptions = parameterOptions
            self.writesFailurePages = writesFailurePages
            self.logDirectory = logDirectory
        }
    }

    /// Where a finished run put its report.
    public struct Outcome {
        public let experiment: ExperimentEntry
        /// `<output>/<name>`.
        public let destination: URL
        public var markdownFile: URL { destination.appendingPathComponent("report.md") }
        public var htmlFile: URL { destination.appendingPathComponent("report.html") }
        /// Written only with ``Options/writesPDF``.
        public var pdfFile: URL { destination.appendingPathComponent("report.pdf") }
    }

    public let layout: ToolLayout
    public let options: Options
    /// Bounds the compilers and experiments running at once (shared by every experiment of a batch).
    public let slots: ProcessSlots
    /// Shows one line of the runner's own, kept on screen (it becomes a ``ProgressEvent/note(_:)``).
    public var say: (String) -> Void
    /// Receives every stage, training epoch and line of child output as it happens (see ``ProgressDisplay``).
    public var progress: (ProgressEvent) -> Void

    /// A runner that reports only lines: each finished stage's summary and each note go to `say`; child output
    /// goes straight to standard error (for callers without a display, e.g. a batch that prints its own table).
    public init(layout: ToolLayout, options: Options, slots: ProcessSlots = ProcessSlots(count: 1),
                say: @escaping (String) -> Void) {
        self.layout = layout
        self.options = options
        self.slots = slots
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
    public init(layout: ToolLayout, options: Options, slots: ProcessSlots = ProcessSlots(count: 1),
                progress: @escaping (ProgressEvent) -> Void) {
        self.layout = layout
        self.options = options
        self.slots = slots
        self.say = { progress(.note($0)) }
        self.progress = progress
    }

    /// Compiles and runs the experiment at `experimentPath` and publishes its report.
    /// - Parameter experimentPath: the folder as the user spelled it, so compiler messages show their paths.
    /// - Throws: ``ReportFailure`` with one sentence for the user; the previous report is then untouched (a
    ///   missed gate has written its report to `<output>/NAME.failed/`).
    public func run(_ experimentPath: String) throws -> Outcome {
        CommandRunner.removeAbandonedTemporaryFolders()
        let experiment = try Self.locateExperiment(at: experimentPath)
        // Before compiling: a missing Chromium should not cost the user a whole run.
        if options.writesPDF { _ = try PDFPrinter.locate() }
        let cause = FailureCause()
        let summary = attempt(experiment, folderPath: experimentPath, cause: cause)
        if let failure = summary.failure {
            // A signal stops `report` with its own status (130 after Ctrl-C), a timeout with 124.
            if let interrupted = cause.error as? Interrupted { throw interrupted }
            throw ReportFailure(failure.message, exitStatus: (cause.error as? ReportFailure)?.exitStatus ?? 1)
        }
        return Outcome(experiment: experiment, destination: destination(of: experiment))
    }

    /// Runs one experiment to the end and says how it went; never throws, so one failure cannot stop a batch.
    /// - Parameter folderPath: the experiment's folder as the user spelled it, for compiler messages.
    ///
    /// Paths in the failure message are relative to the output folder (`gated.failed`, not
    /// `shard-1/gated.failed`), so the summary does not depend on where the output went and the merge of
    /// shards equals one full run.
    public func execute(_ experiment: ExperimentEntry, folderPath: String) -> ExperimentSummary {
        var summary = attempt(experiment, folderPath: folderPath, cause: FailureCause())
        if let message = summary.failure?.message {
            summary.failure?.message = message.replacingOccurrences(of: options.outputDirectory.relativePath + "/", with: "")
        }
        return summary
    }

    /// ``execute(_:folderPath:)`` with the failure message as the user should read it on the terminal.
    private func attempt(_ experiment: ExperimentEntry, folderPath: String, cause: FailureCause) -> ExperimentSummary {
        let trimmed = folderPath.hasSuffix("/") ? String(folderPath.dropLast()) : folderPath
        let sourcePaths = experiment.sourceFiles.map { trimmed + "/" + $0.lastPathComponent }
        let log = options.logDirectory?.appendingPathComponent("\(experiment.name).log")
        do {
            try Self.checkEntryPoint(of: experiment, folderPath: trimmed)
        } catch {
            return failed(experiment, stage: .compile, message: "\(error)", log: log, cause: cause, error: error)
        }
        do {
            let destination = destination(of: experiment)
            try Self.checkDestination(destination, against: experiment)
            // Before compiling, so a wrong --output is reported at once; checked again when the folder is made.
            try OutputFolder.checkDestination(destination)
        } catch {
            return failed(experiment, stage: .run, message: "\(error)", log: log, cause: cause, error: error)
        }
        let compileStart = Date()
        Self.prepareEnvironment
        let build: BuildInputs
        let requestedSweep: ParameterSweep
        do {
            // The options first: a mistyped --set is reported before anything starts on another thread.
            requestedSweep = try ParameterSweep(options: options.parameterOptions)
            build = try BuildInputs(layout: layout, cacheDirectory: cacheDirectory)
        } catch {
            return failed(experiment, stage: .parameters, message: "\(error)", log: log, cause: cause, error: error)
        }
        // A run given no parameters can be judged up to date before anything compiles (the whole point of the
        // record: a rerun with nothing changed costs a few digests). With --set the compiled program is needed
        // first, to check the names; such runs are not recorded.
        let pdfIsThere = !options.writesPDF
            || FileManager.default.fileExists(atPath: destination(of: experiment).appendingPathComponent("report.pdf").path)
        // Once per run: it asks git about the sources, which nothing below changes.
        let recordedContext = runContext(for: experiment, build: build)
        if requestedSweep.assignments.isEmpty, pdfIsThere,
           let summary = upToDateSummary(of: experiment, build: build, context: recordedContext) {
            return summary
        }
        // The code digest (for the stage cache) parses the sources, which takes a few tens of milliseconds on
        // a first run: it is worked out on another thread while swiftc compiles.
        final class CodeDigestBox: @unchecked Sendable { var result: Result<String, any Error>? }
        let codeDigest = CodeDigestBox(), codeDigestDone = DispatchGroup()
        let cacheDirectory = cacheDirectory
        codeDigestDone.enter()
        BackgroundWork.start {
            codeDigest.result = Result { try ExperimentCodeDigest.digest(of: experiment, cacheDirectory: cacheDirectory) }
            codeDigestDone.leave()
        }
        defer { codeDigestDone.wait() }
        let compileTitle = "compiling \(experiment.name)"
        progress(.stageStarted(title: compileTitle))
        let compiled: (executable: URL, wasCached: Bool)
        do {
            compiled = try slots.run {
                try ExperimentCompiler(layout: layout).compile(experiment, sourcePaths: sourcePaths, build: build,
                                                               errorLines: relayOutput, logFile: log)
            }
        } catch {
            progress(.stageFailed(title: compileTitle))
            return failed(experiment, stage: .compile, message: "\(error)", log: log, cause: cause, error: error)
        }
        progress(.stageFinished(title: compileTitle, seconds: Date().timeIntervalSince(compileStart), summary: compiled.wasCached
            ? "compiled \(experiment.name) (cached)"
            : "compiled \(experiment.name) in \(Self.seconds(since: compileStart))"))

        let sweep: ParameterSweep
        do {
            var requested = requestedSweep
            if !requested.assignments.isEmpty {
                let declared = try parameters(of: compiled.executable, experiment: experiment.name)
                if options.appliesOnlyDeclaredParameters {
                    requested = requested.restricted(to: Set(declared.map(\.name)))
                }
                try requested.check(against: declared, experiment: experiment.name)
            }
            sweep = requested
        } catch {
            return failed(experiment, stage: .parameters, message: "\(error)", log: log, cause: cause, error: error)
        }

        let runStart = Date()
        var context = recordedContext
        let record = RunRecordCheck(runner: self, experiment: experiment, destination: destination(of: experiment),
                                    build: build, context: context)
        let manifestFile = cacheDirectory.appendingPathComponent("runs/manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: manifestFile) }
        do {
            context.stageCache = StageCacheSettings(
                directory: cacheDirectory, codeDigest: try { codeDigestDone.wait(); return try codeDigest.result!.get() }(),
                libraryDigest: build.libraryDigest, fresh: options.fresh, explain: options.explain
            )
        } catch {
            return failed(experiment, stage: .run, message: "\(error)", log: log, cause: cause, error: error)
        }
        // Parallel variants of a sweep would overwrite one list of files read, so only a single run keeps one.
        if !sweep.isSweep { context.inputListFile = manifestFile }
        context.stageTimings = [StageTiming(name: compiled.wasCached ? "compile (cached)" : "compile",
                                            seconds: runStart.timeIntervalSince(compileStart))]
        let destination = destination(of: experiment)
        let folder: OutputFolder
        let variants: [(settings: [ParameterSetting], folder: String)]
        do {
            folder = try OutputFolder(destination: destination)
        } catch {
            return failed(experiment, stage: .run, message: "\(error)", log: log, cause: cause, error: error)
        }
        let runTitle = "running \(experiment.name)"
        progress(.stageStarted(title: runTitle))
        do {
            variants = try runStaged(compiled.executable, experiment: experiment, sweep: sweep, context: context,
                                     staging: folder.staging, log: log)
        } catch {
            folder.discard()
            progress(.stageFailed(title: runTitle))
            return failed(experiment, stage: .run, message: "\(error)", log: log, cause: cause, error: error)
        }
        if options.writesPDF {
            let printTitle = "printing \(experiment.name)/report.pdf"
            progress(.stageStarted(title: printTitle))
            let printStart = Date()
            do {
                try PDFPrinter.locate().print(folder.staging.appendingPathComponent("report.html"),
                                              to: folder.staging.appendingPathComponent("report.pdf"))
            } catch {
                folder.discard()
                progress(.stageFailed(title: printTitle))
                return failed(experiment, stage: .run, message: "\(error)", log: log, cause: cause, error: error)
            }
            progress(.stageFinished(title: printTitle, seconds: Date().timeIntervalSince(printStart),
                                    summary: "printed \(experiment.name)/report.pdf in \(Self.seconds(since: printStart))"))
        }
        let runSeconds = Date().timeIntervalSince(runStart)
        let timings = options.includeTimings ? ExperimentSummary.Timings(
            compileSeconds: runStart.timeIntervalSince(compileStart), runSeconds: runSeconds,
            compileCached: compiled.wasCached) : nil

        let results: ExperimentResults?
        var variantSummaries: [ExperimentSummary.Variant] = []
        var variantsHeld = true
        do {
            results = try ExperimentResults.read(from: folder.staging)
            for variant in variants {
                let variantResults = try ExperimentResults.read(from: folder.staging.appendingPathComponent(variant.folder))
                let held = variantResults?.gatesHeld ?? true
                variantsHeld = variantsHeld && held
                variantSummaries.append(ExperimentSummary.Variant(
                    parameters: variant.settings, status: held ? .passed : .failed,
                    diverged: variantResults?.diverged ?? false, metrics: variantResults?.metrics ?? [],
                    report: "\(experiment.name)/\(variant.folder)/report.html"))
            }
        } catch {
            folder.discard()
            return failed(experiment, stage: .run, message: "\(error)", log: log, cause: cause, error: error)
        }

        let held = (results?.gatesHeld ?? true) && variantsHeld
        let failedName = experiment.name + ".failed"
        var summary = ExperimentSummary(
            name: experiment.name, title: results?.title, status: held ? .passed : .failed, failure: nil,
            parameters: sweep.isSweep ? [] : sweep.variants.first ?? [],
            diverged: (results?.diverged ?? false) || variantSummaries.contains(where: \.diverged),
            metrics: results?.metrics ?? [],
            figures: Self.figureRecords(in: folder.staging, listed: results?.figures),
            reportFolder: held ? experiment.name : failedName,
            lastPassingReportFolder: nil,
            variants: sweep.isSweep ? variantSummaries : nil,
            timings: timings)
        do {
            try InterruptSignals.checkpoint()
            if held {
                try folder.publish()
                if !sweep.isSweep && sweep.assignments.isEmpty { record.save(manifest: manifestFile) }
                try? FileManager.default.removeItem(at: options.outputDirectory.appendingPathComponent(failedName))
                progress(.stageFinished(title: runTitle, seconds: Date().timeIntervalSince(runStart),
                                        summary: "ran \(experiment.name) in \(Self.seconds(since: runStart))"))
            } else {
                try publish(folder, as: failedName)
                progress(.stageFailed(title: runTitle))
                let missed = (results?.failedGates ?? []).map { "\($0.label) is \($0.text), expected \($0.gate?.text ?? "")" }
                    + variantSummaries.filter { $0.status == .failed }.map { "variant \($0.parameters.map(\.text).joined(separator: ","))" }
                let kept = FileManager.default.fileExists(atPath: destination.path)
                summary.lastPassingReportFolder = kept ? experiment.name : nil
                summary.failure = .init(stage: .gates, message: "experiment '\(experiment.name)' missed its gates (" + missed.joined(separator: "; ")
                    + "); the report was written to \(options.outputDirectory.appendingPathComponent(failedName).relativePath)"
                    + (kept ? " and the last passing report in \(destination.relativePath) was kept" : ""),
                    outputTail: [])
            }
        } catch {
            folder.discard()
            return failed(experiment, stage: .run, message: "\(error)", log: log, cause: cause, error: error)
        }
        return summary
    }

    /// The entry of an experiment whose last passing run had exactly these inputs and whose published report is
    /// still the one it wrote; `nil` when anything changed (or `--fresh`, `--timings`). Its metrics and figures
    /// come from the published folder's `results.json`, so the summary reads as after a real run.
    private func upToDateSummary(of experiment: ExperimentEntry, build: BuildInputs, context: RunContext) -> ExperimentSummary? {
        let destination = destination(of: experiment)
        let record = RunRecordCheck(runner: self, experiment: experiment, destination: destination, build: build, context: context)
        guard let stages = record.upToDateStages() else { return nil }
        say("\(experiment.name) is up to date: nothing it depends on changed since the last run")
        if options.explain { stages.forEach { say("\($0): cached") } }
        // A stale failed report from runs in between no longer describes the current inputs.
        try? FileManager.default.removeItem(at: options.outputDirectory.appendingPathComponent(experiment.name + ".failed"))
        let results = try? ExperimentResults.read(from: destination)
        return ExperimentSummary(
            name: experiment.name, title: results?.title, status: .passed, failure: nil, parameters: [],
            diverged: results?.diverged ?? false, metrics: results?.metrics ?? [],
            figures: Self.figureRecords(in: destination, listed: results?.figures),
            reportFolder: experiment.name, lastPassingReportFolder: nil, variants: nil, timings: nil)
    }

    /// Runs the experiment into `staging`: once, or every variant of a sweep into `variants/<name>/` and then
    /// the aggregating run into `staging` itself.
    /// - Returns: the variants' settings and folders (relative to `staging`); empty when there is no sweep.
    private func runStaged(_ executable: URL, experiment: ExperimentEntry, sweep: ParameterSweep, context: RunContext,
                           staging: URL, log: URL?) throws -> [(settings: [ParameterSetting], folder: String)] {
        Self.prepareEnvironment
        guard sweep.isSweep else {
            var single = context
            single.parameters = sweep.variants.first ?? []
            try runChild(executable, context: single, into: staging, experiment: experiment, log: log)
            return []
        }
        let variants = sweep.variants.map { (settings: $0, folder: "variants/" + sweep.folderName(of: $0)) }
        var errors = [Error?](repeating: nil, count: variants.count)
        let lock = NSLock()
        WorkerPool.forEach(variants.count, width: slots.count) { index in
            var variantContext = context
            variantContext.parameters = variants[index].settings
            let folder = staging.appendingPathComponent(variants[index].folder, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try runChild(executable, context: variantContext, into: folder, experiment: experiment, log: log,
                             label: variants[index].folder)
            } catch {
                lock.lock()
                errors[index] = error
                lock.unlock()
            }
        }
        if let error = errors.compactMap({ $0 }).first { throw error }
        say("ran \(variants.count) variants of \(experiment.name)")
        var aggregate = context
        let swept = Set(sweep.assignments.filter { $0.values.count > 1 }.map(\.name))
        aggregate.parameters = (sweep.variants.first ?? []).filter { !swept.contains($0.name) }
        aggregate.sweepVariants = variants.map(\.folder)
        try runChild(executable, context: aggregate, into: staging, experiment: experiment, log: log)
        return variants
    }

    /// Runs the compiled experiment once and checks that it wrote a report.
    private func runChild(_ executable: URL, context: RunContext, into folder: URL, experiment: ExperimentEntry,
                          log: URL?, label: String? = nil) throws {
        let name = label.map { "\(experiment.name) (\($0))" } ?? experiment.name
        let destination = destination(of: experiment).relativePath
        // Where the crash log and a library's usage message land; removed whatever happens.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("report-child-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let arguments = ["--output", folder.path] + context.commandLineArguments
        let outcome = try slots.run { () throws -> CommandRunner.Outcome in
            // The experiment's stages and epochs arrive on this socket while it runs (no socket, no progress).
            // Its name reaches the child through the environment, which this process shares with every child it
            // starts, so only a run with one child at a time (no batch, no sweep) can have one.
            let listener = log == nil && label == nil ? try? ProgressListener(deliver: progress) : nil
            defer {
                listener?.stop()
                if listener != nil { unsetenv(ProgressChannel.environmentVariable) }
            }
            if let listener { setenv(ProgressChannel.environmentVariable, listener.name, 1) }
            progress(.detail("$ " + ([executable.path] + arguments).map(Self.shellQuoted).joined(separator: " ")))
            return try CommandRunner.run(
                executable.path, arguments, errorLines: relayOutput,
                environment: CrashReport.environment(logFolder: scratch).merging([
                    "REPORT_PARENT_PID": String(ProcessInfo.processInfo.processIdentifier),
                    "REPORT_USAGE_FAILURE_FILE": scratch.appendingPathComponent(Self.usageFailureFileName).path,
                ]) { $1 },
                timeLimit: options.timeLimit, logFile: log)
        }
        guard outcome.succeeded else {
            throw failure(of: experiment, name: name, folderPath: experiment.directory.relativePath, outcome: outcome,
                          scratch: scratch, destination: destination)
        }
        for required in ["report.md", "report.html"] {
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(required).path) else {
                throw ReportFailure("experiment '\(name)' finished without writing \(required); \(destination) was left unchanged")
            }
        }
    }

    /// The parameters the compiled experiment declares (it prints them for `--list-parameters`).
    /// - Throws: ``ReportFailure`` when the program does not answer (its `@main` type is not an `Experiment`).
    public func parameters(of executable: URL, experiment: String) throws -> [ParameterDescription] {
        Self.prepareEnvironment
        let outcome = try slots.run {
            try CommandRunner.run(executable.path, ["--list-parameters"], captureOutput: true, quiet: true)
        }
        guard outcome.succeeded,
              let parameters = try? JSONDecoder().decode([ParameterDescription].self, from: Data(outcome.output.utf8)) else {
            throw ReportFailure("experiment '\(experiment)' does not list its parameters (\(outcome.summary)); "
                                + "only an experiment whose @main type conforms to Experiment takes --set")
        }
        return parameters
    }

    /// Compiles the experiment at `experimentPath` and asks it for its parameters, for `report help`.
    /// - Parameter logFile: where compiler messages go instead of standard error, when set.
    public func parameters(ofExperimentAt experimentPath: String, logFile: URL? = nil) throws -> (ExperimentEntry, [ParameterDescription]) {
        let experiment = try Self.locateExperiment(at: experimentPath)
        let trimmed = experimentPath.hasSuffix("/") ? String(experimentPath.dropLast()) : experimentPath
        let build = try BuildInputs(layout: layout, cacheDirectory: cacheDirectory)
        let compiled = try slots.run {
            try ExperimentCompiler(layout: layout).compile(
                experiment, sourcePaths: experiment.sourceFiles.map { trimmed + "/" + $0.lastPathComponent }, build: build,
                logFile: logFile)
        }
        return (experiment, try parameters(of: compiled.executable, experiment: experiment.name))
    }

    /// Where stage results and run records live.
    public var cacheDirectory: URL {
        options.cacheDirectory ?? layout.packageRoot.appendingPathComponent(".build/report-cache", isDirectory: true)
    }

    /// `<output>/<name>`.
    public func destination(of experiment: ExperimentEntry) -> URL {
        options.outputDirectory.appendingPathComponent(experiment.name, isDirectory: true)
    }

    /// Moves a staged report to `<output>/<name>` through its own ``OutputFolder``, so it is swapped in whole.
    private func publish(_ folder: OutputFolder, as name: String) throws {
        let target = try OutputFolder(destination: options.outputDirectory.appendingPathComponent(name, isDirectory: true))
        // The staging folder moves; its scratch sibling (crash logs) has no further use.
        defer { folder.discard() }
        do {
            try FileManager.default.removeItem(at: target.staging)
            try FileManager.default.moveItem(at: folder.staging, to: target.staging)
            try target.publish()
        } catch {
            target.discard()
            throw error
        }
    }

    /// The entry of a run that stopped before it had a report; writes a failure page when many experiments run.
    private func failed(_ experiment: ExperimentEntry, stage: ExperimentSummary.Stage, message: String, log: URL?,
                        cause: FailureCause, error: Error) -> ExperimentSummary {
        cause.error = error
        let tail = log.map { Self.lastLines(of: $0, count: 30) } ?? []
        let failedName = experiment.name + ".failed"
        let kept = FileManager.default.fileExists(atPath: destination(of: experiment).path)
        var summary = ExperimentSummary(
            name: experiment.name, title: nil, status: .failed,
            failure: .init(stage: stage, message: message, outputTail: tail),
            parameters: [], diverged: false, metrics: [], figures: [], reportFolder: nil,
            lastPassingReportFolder: kept ? experiment.name : nil, variants: nil, timings: nil)
        if options.writesFailurePages {
            do {
                let folder = try OutputFolder(destination: options.outputDirectory.appendingPathComponent(failedName, isDirectory: true))
                do {
                    try FailurePage(experiment: experiment.name, summary: summary).write(to: folder.staging)
                    try folder.publish()
                    summary.reportFolder = failedName
                } catch {
                    folder.discard()
                }
            } catch {}
        }
        return summary
    }

    /// The last `count` lines of a log file.
    static func lastLines(of file: URL, count: Int) -> [String] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let trimmed = lines.last == "" ? Array(lines.dropLast()) : lines
        return Array(trimmed.suffix(count))
    }

    /// The figures of a report folder with their digests: those `results.json` lists, or every PNG under
    /// `figures/` for an experiment that writes no results.
    static func figureRecords(in folder: URL, listed: [String]?) -> [ExperimentSummary.FigureRecord] {
        var paths = listed ?? []
        if listed == nil {
            let figures = folder.appendingPathComponent("figures")
            paths = ((try? FileManager.default.contentsOfDirectory(atPath: figures.path)) ?? [])
                .filter { $0.hasSuffix(".png") }.sorted().map { "figures/" + $0 }
        }
        return paths.compactMap { path in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { return nil }
            return ExperimentSummary.FigureRecord(path: path, sha256: ContentDigest.sha256(data), bytes: data.count)
        }
    }

    /// Sets the OpenBLAS variables the experiments inherit, once per process (before any child starts, since
    /// changing the environment while another thread starts a process is not safe).
    static let prepareEnvironment: Void = {
        // OpenBLAS picks its kernels when it loads; on CPUs it does not know it falls back to slow generic
        // ones unless told through the environment, which the experiment inherits.
        if let coreType = OpenBLAS.recommendedCoreType {
            setenv("OPENBLAS_CORETYPE", coreType, 1)
        }
        // Experiments train small networks, whose products are too small for OpenBLAS's second thread to
        // pay; on a busy machine (CI) its spinning waits made a 2-64-64-1 run ten times slower. One thread
        // unless the user asks for more; an experiment with large products can raise `OpenBLAS.threadCount`.
        setenv("OPENBLAS_NUM_THREADS", "1", 0)
    }()

    /// The sentence for an experiment that did not succeed: how it ended, and for a crash the reason and the
    /// user's own `file:line` first, then the backtrace.
    private func failure(of experiment: ExperimentEntry, name: String, folderPath: String, outcome: CommandRunner.Outcome,
                         scratch: URL, destination: String) -> ReportFailure {
        let unchanged = "\(destination) was left unchanged"
        if outcome.timedOut {
            let limit = options.timeLimit.map { String(format: "%g", $0) } ?? "?"
            return ReportFailure("experiment '\(name)' did not finish within \(limit) s (--timeout \(limit)) and was stopped; \(unchanged)",
                                 exitStatus: 124)
        }
        guard outcome.crashed else {
            return ReportFailure("experiment '\(name)' failed (\(outcome.summary)); \(unchanged)")
        }
        // Read even without a backtrace: the library wrote its message here instead of to standard error.
        let libraryMessage = (try? String(contentsOf: scratch.appendingPathComponent(Self.usageFailureFileName), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let crash = CrashReport(logFolder: scratch)
        var message: String
        if let libraryMessage, !libraryMessage.isEmpty {
            // The library named the mistake itself (see NeuralNetworks' `requirement`); that is the reason.
            message = "experiment '\(name)' stopped: \(libraryMessage)"
        } else {
            var reason = crash?.reason ?? "no backtrace was written"
            if let function = crash?.innermostFunction, !reason.contains(function) { reason += " in \(function)" }
            // Unoptimised code stops in the runtime's _assertionFailure, called from the subscript.
            if crash?.innermostFunction?.contains("subscript") == true || crash?.backtrace.contains(".subscript") == true {
                reason += " (an index out of range?)"
            }
            message = "experiment '\(name)' \(outcome.summary): \(reason)"
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

    /// What made a run fail, for the exit status of a single `report run` (a signal, a timeout).
    final class FailureCause {
        var error: Error?
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
    private func runContext(for experiment: ExperimentEntry, build: BuildInputs) -> RunContext {
        // git first: `build.swiftVersion` may still be on its way from `swiftc --version`.
        let record = SourceRecord.of(experimentDirectory: experiment.directory, packageRoot: layout.packageRoot)
        var context = RunContext(
            experimentName: experiment.name,
            sourceDirectory: experiment.directory.standardizedFileURL,
            gitCommit: record.commit,
            gitTreeIsDirty: record.isDirty,
            toolVersion: ToolVersion.current,
            swiftVersion: build.swiftVersion,
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
