import Foundation

/// One run of an experiment: its context and the stages it timed.
public final class ExperimentRun {
    /// What `report run` said about this run.
    public let context: RunContext
    /// The stages measured so far, in order.
    public private(set) var stageTimings: [StageTiming] = []

    public init(context: RunContext) {
        self.context = context
    }

    /// Runs `body`, records its wall-clock time under `stage`, prints progress, and returns its result.
    public func measure<Result>(_ stage: String, _ body: () throws -> Result) rethrows -> Result {
        let start = Date()
        let result = try body()
        let seconds = Date().timeIntervalSince(start)
        stageTimings.append(StageTiming(name: stage, seconds: seconds))
        FileHandle.standardError.write(Data(String(format: "report: %@ (%.2f s)\n", stage, seconds).utf8))
        return result
    }
}
