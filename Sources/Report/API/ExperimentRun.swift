import Foundation
import NeuralNetworks

/// One run of an experiment: its context, the stages it timed, and the cache that lets a rerun skip them.
///
/// A stage whose result is `Codable` and whose body is `@Sendable` (it captures no mutable variable, so its
/// result is all it produces) is cached by content: see ``StageKey`` for what invalidates it. Any other stage
/// runs every time.
public final class ExperimentRun {
    /// What `report run` said about this run.
    public let context: RunContext
    /// The stages measured so far, in order.
    public private(set) var stageTimings: [StageTiming] = []
    /// How many stages of each name have run, so two stages of one name get different keys.
    private var stageOccurrences: [String: Int] = [:]
    /// SHA-256 of files already digested in this process, by path.
    private var fileDigests: [String: String] = [:]
    /// The sequences recorded for a sweep's aggregation, in order.
    public private(set) var recordedSeries: [RecordedSeries] = []
    /// Where stage and training progress goes: to `report`'s display, or to standard error when run by hand.
    let progress: ExperimentProgress

    public init(context: RunContext) {
        self.context = context
        self.progress = ExperimentProgress()
    }

    /// The value of `parameter` in this run: the `--set` value, or the default.
    public subscript<Value>(parameter: Parameter<Value>) -> Value {
        parameter.value(in: context.parameters)
    }

    /// Keeps `values` (a loss per epoch, say) in `results.json`, so that the run aggregating a sweep can draw
    /// a band over the variants (see ``SweepRun/band(of:name:style:series:)``). A non-finite value marks the run
    /// as diverged.
    public func record(_ name: String, _ values: [Double]) {
        recordedSeries.append(RecordedSeries(name: name, values: values))
    }


    /// Runs `body`, records its wall-clock time under `stage`, prints progress, and returns its result.
    ///
    /// This form is never cached: its result is not `Codable`, or its body changes captured state.
    public func measure<Result>(_ stage: String, _ body: () throws -> Result) rethrows -> Result {
        try measureUncached(stage, reason: "its result is not Codable", body)
    }

    /// Runs `body` every time, even though its result could be cached: for a stage that changes state outside
    /// itself (the cache would restore the result but not the change).
    public func measure<Result>(_ stage: String, caching: StageCaching, _ body: () throws -> Result) rethrows -> Result {
        try measureUncached(stage, reason: "it is marked caching: .never", body)
    }

    /// Returns the cached result of `stage` when nothing it depends on changed; otherwise runs `body`, stores
    /// its result, and returns it. Records the time and prints progress either way.
    ///
    /// `body` is `@Sendable` so that it cannot change a captured variable: such a change would be lost when the
    /// result comes from the cache (`report` compiles experiments so that trying is an error; use
    /// `measure(_:caching: .never)` for a stage that must change outside state).
    public func measure<Result: Codable>(_ stage: String, _ body: @Sendable () throws -> Result) rethrows -> Result {
        let identity = nextIdentity(of: stage)
        guard let settings = context.stageCache else {
            return try timed(stage, status: .ran(reason: nil), body)
        }
        let cache = StageCache(directory: settings.directory)
        let key = stageKey(identity: identity, resultType: Result.self, settings: settings)
        let keyDigest = key.digest
        let previous = cache.lastComponents(of: context.experimentName + "\u{1F}" + identity)
        try? cache.recordLastComponents(key.components, of: context.experimentName + "\u{1F}" + identity)

        var reason: String
        if settings.fresh {
            reason = "--fresh was given"
        } else {
            switch cache.load(key: keyDigest) {
            case .hit(let entry):
                if let changed = entry.filesRead.keys.sorted().first(where: { digest(ofFileAt: $0) != entry.filesRead[$0] }) {
                    reason = "file \(Self.displayPath(changed)) changed"
                } else if let value = try? StageValue<Result>.decode(entry.payload) {
                    entry.filesRead.keys.forEach { InputFileLedger.record(URL(fileURLWithPath: $0)) }
                    record(stage, seconds: 0, status: .cached)
                    return value
                } else {
                    reason = "its cache entry could not be decoded"
                }
            case .corrupt(let problem):
                reason = "its cache entry was corrupt (\(problem))"
            case .missing:
                if let previous {
                    let changed = key.changedInputs(since: previous)
                    reason = changed.isEmpty ? "its cache entry was missing" : changed.joined(separator: ", ") + " changed"
                } else {
                    reason = "it had not run before"
                }
            }
        }

        let readBefore = Set(InputFileLedger.recordedPaths)
        let result = try timed(stage, status: .ran(reason: reason), body)
        let readDuring = Set(InputFileLedger.recordedPaths).subtracting(readBefore)
        var filesRead: [String: String] = [:]
        for path in readDuring { filesRead[path] = digest(ofFileAt: path) }
        if let payload = try? StageValue<Result>.encode(result) {
            try? cache.store(StageCacheEntry(stage: stage, filesRead: filesRead, payload: payload), key: keyDigest)
        }
        return result
    }

    // MARK: - Keys

    /// `stage#n`, n counting earlier stages of the same name.
    private func nextIdentity(of stage: String) -> String {
        let occurrence = stageOccurrences[stage, default: 0]
        stageOccurrences[stage] = occurrence + 1
        return "\(stage)#\(occurrence)"
    }

    private func stageKey<Result>(identity: String, resultType: Result.Type, settings: StageCacheSettings) -> StageKey {
        var components = context.parameterComponents
        components["code"] = settings.codeDigest
        components["library"] = settings.libraryDigest
        components["BLAS kernels"] = OpenBLAS.coreName
        components["BLAS threads"] = String(OpenBLAS.threadCount)
        components["stage"] = identity
        components["result type"] = String(reflecting: resultType)
        // OpenBLAS's own variables are keyed above by their effect (the kernels and threads it chose).
        for (name, value) in RelevantEnvironment.relevant() where !name.hasPrefix("OPENBLAS_") {
            components["environment " + name] = value
        }
        for path in InputFileLedger.recordedPaths {
            components["file " + Self.displayPath(path)] = digest(ofFileAt: path) ?? "unreadable"
        }
        return StageKey(components: components)
    }

    /// The SHA-256 of a file, computed once per process.
    private func digest(ofFileAt path: String) -> String? {
        if let known = fileDigests[path] { return known }
        let value = ContentDigest.sha256(ofFileAt: URL(fileURLWithPath: path))
        fileDigests[path] = value
        return value
    }

    /// `path` relative to the current folder when it lies inside it.
    static func displayPath(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }

    // MARK: - Timing and progress

    /// How a stage's result came about, for the progress line.
    enum StageStatus {
        case cached
        /// Ran; `reason` is why the cache could not be used (`nil` when there is no cache).
        case ran(reason: String?)
        /// Ran, as it does every time; `reason` says why it is never cached.
        case uncacheable(reason: String)
    }

    private func measureUncached<Result>(_ stage: String, reason: String, _ body: () throws -> Result) rethrows -> Result {
        _ = nextIdentity(of: stage)
        return try timed(stage, status: context.stageCache == nil ? .ran(reason: nil) : .uncacheable(reason: reason), body)
    }

    private func timed<Result>(_ stage: String, status: StageStatus, _ body: () throws -> Result) rethrows -> Result {
        progress.stageStarted(stage)
        let start = Date()
        let result = try body()
        record(stage, seconds: Date().timeIntervalSince(start), status: status)
        return result
    }

    /// Records a finished stage and shows its one progress line (the only place stages report).
    private func record(_ stage: String, seconds: Double, status: StageStatus) {
        let explains = context.stageCache?.explain == true
        let line: String
        switch status {
        case .cached:
            stageTimings.append(StageTiming(name: stage + " (cached)", seconds: seconds))
            progress.stageStarted(stage)
            line = explains ? "\(stage): cached" : "\(stage) (cached)"
        case .ran(let reason):
            stageTimings.append(StageTiming(name: stage, seconds: seconds))
            let explanation = explains ? reason.map { ": re-ran because \($0)" } ?? "" : ""
            line = String(format: "%@ (%.2f s)", stage, seconds) + explanation
        case .uncacheable(let reason):
            stageTimings.append(StageTiming(name: stage, seconds: seconds))
            line = String(format: "%@ (%.2f s)", stage, seconds) + (explains ? ": not cached, \(reason)" : "")
        }
        progress.stageFinished(stage, seconds: seconds, summary: line)
    }
}

/// Whether ``ExperimentRun/measure(_:caching:_:)`` may reuse a stored result.
public enum StageCaching: Sendable {
    /// Run the stage every time.
    case never
}
