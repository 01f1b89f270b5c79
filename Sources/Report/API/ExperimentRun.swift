import Foundation

/// One run of an experiment: its context and the stages it timed.
public final class ExperimentRun {
    /// What `report run` said about this run.
    public let context: RunContext
    /// The stages measured so far, in order.
    public private(set) var stageTimings: [StageTiming] = []
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
