/// What the ticks of one axis say (matplotlib's `Formatter`): ``Axes/xFormatter`` and ``Axes/yFormatter`` take
/// one; where the ticks go is a separate ``TickLocator``.
///
/// ```swift
/// axes.yFormatter = ClosureTickLabelFormatter { ticks in ticks.map { "\(Int(($0 * 100).rounded())) %" } }
/// ```
public protocol TickLabelFormatter: Sendable {
    /// One label per tick, and a common factor shown once at the end of the axis (such as ×10⁻³) or nil.
    /// - Parameter ticks: The major tick positions, in order.
    func labels(for ticks: [Double]) -> (labels: [String], multiplier: String?)
}

/// The default labels of a linear axis (``TickFormatter/linearLabels(_:)``) or of a log axis
/// (``TickFormatter/logLabels(_:)``).
public struct DefaultTickLabelFormatter: TickLabelFormatter {
    /// Whether the axis is logarithmic (labels 10ⁿ).
    public var logarithmic: Bool

    /// - Parameter scale: The axis scale the labels are for.
    public init(scale: Scale) {
        logarithmic = scale == .log10
    }

    public func labels(for ticks: [Double]) -> (labels: [String], multiplier: String?) {
        logarithmic ? (TickFormatter.logLabels(ticks), nil) : TickFormatter.linearLabels(ticks)
    }
}

/// Labels from a function of the tick positions, with no common factor.
public struct ClosureTickLabelFormatter: TickLabelFormatter {
    let makeLabels: @Sendable ([Double]) -> [String]

    /// - Parameter labels: One label per tick position.
    public init(_ labels: @escaping @Sendable ([Double]) -> [String]) {
        makeLabels = labels
    }

    public func labels(for ticks: [Double]) -> (labels: [String], multiplier: String?) {
        (makeLabels(ticks), nil)
    }
}
