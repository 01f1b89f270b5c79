/// One metric of a finished run as `results.json` and `summary.json` record it.
public struct MetricResult: Codable, Sendable, Equatable {
    /// The metric's label, e.g. `Validation accuracy`.
    public var label: String
    /// The value when it is a finite number; `null` for text, empty and non-finite values.
    public var value: Double?
    /// The value as the report prints it (`NaN` for a diverged loss).
    public var text: String
    /// The expectation the experiment declared, if any.
    public var gate: MetricGate?
    /// Whether the gate held; `null` when there is no gate.
    public var passed: Bool?

    public init(label: String, value: Double?, text: String, gate: MetricGate?) {
        self.label = label
        self.value = value
        self.text = text
        self.gate = gate
        passed = gate.map { $0.isHeld(by: value) }
    }
}
