/// A sequence of numbers a run kept for later aggregation (a loss per epoch), see ``ExperimentRun/record(_:_:)``.
public struct RecordedSeries: Codable, Sendable, Equatable {
    public var name: String
    /// The values; JSON has no NaN or infinity, so a non-finite value is stored as `null`.
    public var values: [Double?]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values.map { $0.isFinite ? $0 : nil }
    }

    /// The values with `null` read back as NaN, ready for ``LossCurve``.
    public var doubles: [Double] { values.map { $0 ?? .nan } }

    /// Whether some value was not finite: the run diverged.
    public var diverged: Bool { values.contains(nil) }
}
