import Foundation
import Report

/// `report run experiments` (a folder of experiments) or `report run a b c`: every experiment, `--jobs N` at a
/// time, each in its own process and staging folder; then `summary.json`, `summary.md` and `index.html`.
public struct BatchRunner {
    /// A deterministic part of the experiments, for CI matrices: `--shard 2/3` runs the 2nd of every 3
    /// experiments in name order.
    public struct Shard: Equatable, CustomStringConvertible {
        /// 1-based.
        public let index: Int
        public let count: Int

        /// Reads `I/N` with 1 ≤ I ≤ N.
        public init(parsing text: String) throws {
            let parts = text.split(separator: "/")
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
                throw ReportFailure("--shard needs I/N with 1 ≤ I ≤ N (e.g. 2/3), got '\(text)'")
            }
            self.index = index
            self.count = count
        }

        public var description: String { "\(index)/\(count)" }

        /// Whether the experiment at `position` (0-based, in name order) belongs to this shard.
        public func contains(position: Int) -> Bool { position % count == index - 1 }
    }

    public let runner: ExperimentRunner
    public let jobs: Int
    public let shard: Shard?

    /// - Parameters:
    ///   - runner: how each experiment runs; its options should write failure pages and log to files.
    ///   - jobs: how many compilers and experiments run at once.
    public init(runner: ExperimentRunner, jobs: Int, shard: Shard?) {
        self.runner = runner
        self.jobs = max(1, jobs)
        self.shard = shard
    }

    /// The experiments the paths name: a path that is an experiment folder names itself, any other folder names
    /// the experiments inside it. Sorted by name.
    /// - Throws: ``ReportFailure`` when a path holds no experiment or two experiments share a name.
    public static func experiments(at paths: [String]) throws -> [(entry: ExperimentEntry, path: String)] {
        var found: [(entry: ExperimentEntry, path: String)] = []
        for path in paths {
            let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
            let folder = URL(fileURLWithPath: trimmed, isDirectory: true)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                _ = try ExperimentRunner.locateExperiment(at: path)
                continue
            }
            if let entry = try ExperimentCatalog.entry(at: folder) {
                found.append((entry, trimmed))
                continue
            }
            let inside = try ExperimentCatalog(directory: folder).experiments()
            guard !inside.isEmpty else {
                throw ReportFailure("'\(path)' is not an experiment (a folder with .swift files) and holds no experiments")
            }
            found += inside.map { ($0, trimmed + "/" + $0.name) }
        }
        var seen: [String: String] = [:]
        for item in found {
            if let other = seen[item.entry.name], other != item.path {
                throw ReportFailure("two experiments are named '\(item.entry.name)' (\(other) and \(item.path)); their reports would share output/\(item.entry.name)")
            }
            seen[item.entry.name] = item.path
        }
        var unique: [String: (entry: ExperimentEntry, path: String)] = [:]
        for item in found { unique[item.entry.name] = item }
        return unique.values.sorted { $0.entry.name < $1.entry.name }
    }

    /// Each `--set` parameter must be declared by at least one of the experiments (each experiment takes only
    /// those it declares), so a misspelt name stops the run before anything is written (in a shard, where the
    /// experiments that declare it may be in another shard, it is a warning). Compiles every
    /// experiment to ask; the compiled programs are cached for the run that follows.
    private func checkParametersAreDeclared(by experiments: [(entry: ExperimentEntry, path: String)]) throws {
        let sweep = try ParameterSweep(options: runner.options.parameterOptions)
        guard !sweep.assignments.isEmpty else { return }
        var declared = [[ParameterDescription]](repeating: [], count: experiments.count)
        let lock = NSLock()
        WorkerPool.forEach(experiments.count, width: jobs) { index in
            let (entry, path) = experiments[index]
            let parameters = (try? runner.parameters(ofExperimentAt: path, logFile: runner.options.logDirectory?
                .appendingPathComponent("\(entry.name).log")).1) ?? []
            lock.lock()
            declared[index] = parameters
            lock.unlock()
        }
        let names = Set(declared.flatMap { $0.map(\.name) })
        for assignment in sweep.assignments where !names.contains(assignment.name) {
            let listing = zip(experiments, declared).map { experiment, parameters in
                "\(experiment.entry.name): " + (parameters.isEmpty ? "no parameters" : parameters.map { "\($0.name) (\($0.type))" }.joined(separator: ", "))
            }
            let message = "no experiment declares the parameter '\(assignment.name)'. Their parameters:\n  "
                + listing.joined(separator: "\n  ")
            // Another shard may hold the experiments that declare it; only a full run knows it is misspelt.
            guard let shard else { throw ReportFailure(message) }
            runner.say("warning: in shard \(shard), " + message)
        }
    }

    /// Runs the experiments at `paths` (this shard's part of them) and writes the summary, index and failure
    /// pages into the output folder.
    /// - Returns: the summary written.
    /// - Throws: ``ReportFailure`` when the paths name no experiment; a failing experiment does not throw.
    public func run(_ paths: [String]) throws -> RunSummary {
        // As a single run does: folders of a `report` that was killed outright go before new ones are made.
        CommandRunner.removeAbandonedTemporaryFolders()
        let all = try Self.experiments(at: paths)
        let selected = all.enumerated().filter { shard?.contains(position: $0.offset) ?? true }.map(\.element)
        try checkParametersAreDeclared(by: selected)
        var summaries = [ExperimentSummary?](repeating: nil, count: selected.count)
        let lock = NSLock()
        WorkerPool.forEach(selected.count, width: jobs) { index in
            let (entry, path) = selected[index]
            let summary = runner.execute(entry, folderPath: path)
            if let failure = summary.failure {
                var lines = ["\(entry.name): \(FailurePage.stageDescription(failure.stage)): \(failure.message)"]
                lines += failure.outputTail.suffix(12).map { "  | " + $0 }
                runner.say(lines.joined(separator: "\n"))
            }
            lock.lock()
            summaries[index] = summary
            lock.unlock()
        }
        let summary = RunSummary(experiments: summaries.compactMap { $0 }, shard: shard?.description)
        try SummaryPublisher.write(summary, to: runner.options.outputDirectory)
        return summary
    }
}
