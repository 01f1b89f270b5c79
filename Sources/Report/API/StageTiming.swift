/// How long one stage of a run took, for the reproducibility appendix.
///
/// Timings change from run to run, so the appendix lists them only when ``RunContext/includeTimings`` is set;
/// otherwise two runs of the same tree give byte-identical reports.
public struct StageTiming: Sendable, Equatable {
    /// The stage, e.g. `training` or `figures`.
    public var stage: String
    /// Its duration in seconds.
    public var seconds: Double

    /// Creates a timing.
    /// - Parameters:
    ///   - stage: the stage's name.
    ///   - seconds: its duration in seconds.
    public init(stage: String, seconds: Double) {
        self.stage = stage
        self.seconds = seconds
    }
}
