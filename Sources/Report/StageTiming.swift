/// How long one named stage of a run took.
public struct StageTiming: Sendable, Equatable {
    /// The stage, e.g. `compile` or `train SGD`.
    public var name: String
    /// Wall-clock seconds.
    public var seconds: Double

    public init(name: String, seconds: Double) {
        self.name = name
        self.seconds = seconds
    }
}
