import Foundation

/// One run of an experiment: its context and the stages it timed.
public final class ExperimentRun {
    /// What `report run` said about this run.
    public let context: RunContext
    /// The stages measured so far, in order.
    public private(set) var stageTimings: [StageTiming] = []
    /// Where stage and training progress goes: to `report`'s display, or to standard error when run by hand.
    let progress: ExperimentProgress

    public init(context: RunContext) {
        self.context = context
        self.progress = ExperimentProgress()
    }

    /// Runs `body`, records its wall-clock time under `stage`, shows progress, and returns its result.
    public func measure<Result>(_ stage: String, _ body: () throws -> Result) rethrows -> Result {
        progress.stageStarted(stage)
        let start = Date()
        let result = try body()
        let seconds = Date().timeIntervalSince(start)
        stageTimings.append(StageTiming(name: stage, seconds: seconds))
        progress.stageFinished(stage, seconds: seconds)
        return result
    }
}
