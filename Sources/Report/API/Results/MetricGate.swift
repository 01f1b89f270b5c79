/// An expectation on a metric, declared by the experiment: `Metric("Validation accuracy", accuracy, gate: .atLeast(0.95))`.
///
/// A run whose metric misses its gate still writes its whole report, with a failure banner at the top, to
/// `<output>/NAME.failed/`; `report` exits 1 and keeps the last passing `<output>/NAME/`.
public struct MetricGate: Codable, Sendable, Equatable {
    /// How the value must compare with the bound.
    public enum Relation: String, Codable, Sendable {
        case below = "<"
        case atMost = "<="
        case above = ">"
        case atLeast = ">="
    }

    public var relation: Relation
    public var bound: Double

    /// The value must be strictly less than `bound`.
    public static func below(_ bound: Double) -> MetricGate { MetricGate(relation: .below, bound: bound) }
    /// The value must be at most `bound`.
    public static func atMost(_ bound: Double) -> MetricGate { MetricGate(relation: .atMost, bound: bound) }
    /// The value must be strictly greater than `bound`.
    public static func above(_ bound: Double) -> MetricGate { MetricGate(relation: .above, bound: bound) }
    /// The value must be at least `bound`.
    public static func atLeast(_ bound: Double) -> MetricGate { MetricGate(relation: .atLeast, bound: bound) }

    /// Whether `value` holds the gate; a missing or non-finite value (a diverged run, a text metric) never does.
    public func isHeld(by value: Double?) -> Bool {
        guard let value, value.isFinite else { return false }
        switch relation {
        case .below: return value < bound
        case .atMost: return value <= bound
        case .above: return value > bound
        case .atLeast: return value >= bound
        }
    }

    /// `< 0.1`, `≥ 0.95`: how reports and summaries write the gate.
    public var text: String {
        let symbol: String
        switch relation {
        case .below: symbol = "<"
        case .atMost: symbol = "≤"
        case .above: symbol = ">"
        case .atLeast: symbol = "≥"
        }
        return "\(symbol) \(bound)"
    }
}
