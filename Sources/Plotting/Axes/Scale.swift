import Foundation

/// How data values map to positions along an axis.
public enum Scale: Sendable, Hashable {
    case linear
    /// Position ∝ log₁₀(value). Values ≤ 0 have no position: lines break there and points are skipped.
    case log10

    /// The value in the space where positions are linear (identity, or log₁₀); NaN where undefined.
    func transform(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .log10: return value > 0 ? Foundation.log10(value) : .nan
        }
    }

    /// Inverse of `transform`.
    func inverse(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .log10: return pow(10, value)
        }
    }
}

/// Widens a degenerate interval so that an axis can be drawn, the one place where degenerate ranges are handled.
///
/// - Both ends non-finite → (−a, a), a = `absoluteExpansion`.
/// - One end non-finite → the other end is used for both.
/// - Reversed ends are swapped.
/// - A width of at most `|end|·1e-12` (equal ends, or equal up to rounding) is widened to
///   `value ± expansion·|value|` when `relative`, else to `value ± absoluteExpansion`; a degenerate
///   interval at 0 always becomes (−a, a).
///
/// - Parameters:
///   - lower: The lower end (may be NaN or infinite).
///   - upper: The upper end (may be NaN or infinite).
///   - expansion: Relative widening of a degenerate non-zero interval.
///   - absoluteExpansion: Half-width used around 0, and for every degenerate interval when not `relative`.
///   - relative: Widen in proportion to the value (linear axes) or by a fixed amount (log axes, in decades).
/// - Returns: A finite interval with lower < upper.
/// - Note: Like matplotlib's `nonsingular`, but with a 5 % default so a constant series shows a readable axis.
public func nonsingular(
    _ lower: Double, _ upper: Double, expansion: Double = 0.05, absoluteExpansion: Double = 1, relative: Bool = true
) -> (lower: Double, upper: Double) {
    var low = lower
    var high = upper
    if !low.isFinite && !high.isFinite { return (-absoluteExpansion, absoluteExpansion) }
    if !low.isFinite { low = high }
    if !high.isFinite { high = low }
    if high < low { swap(&low, &high) }
    let magnitude = max(abs(low), abs(high))
    if magnitude < 1e-300 { return (-absoluteExpansion, absoluteExpansion) }
    if high - low <= magnitude * 1e-12 {
        let middle = (low + high) / 2
        let halfWidth = relative ? abs(middle) * expansion : absoluteExpansion
        return (middle - halfWidth, middle + halfWidth)
    }
    return (low, high)
}
