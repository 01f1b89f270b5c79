import Foundation

/// What tick labels say, kept apart from where ticks go (the locators).
///
/// Labels are in the small markup of ``RichText``: `10^{−3}` draws −3 as a superscript. Negative numbers use
/// the true minus sign U+2212, not the hyphen.
public enum TickFormatter {
    /// Labels for evenly spaced ticks of a linear axis, all with the same number of decimals.
    ///
    /// When the largest |tick| is at least 10⁵ or below 10⁻², the ticks are divided by 10ᵏ
    /// (k = ⌊log₁₀ max|tick|⌋) and `multiplier` is `×10^{k}`, to be shown once at the end of the axis.
    ///
    /// - Parameter ticks: Tick values.
    /// - Returns: One label per tick and the optional common multiplier.
    public static func linearLabels(_ ticks: [Double]) -> (labels: [String], multiplier: String?) {
        let largest = ticks.map(abs).max() ?? 0
        guard largest > 0 else { return (ticks.map { _ in "0" }, nil) }
        let order = Int(floor(log10(largest) + 1e-9))
        var values = ticks
        var multiplier: String?
        if order >= 5 || order <= -3 {
            let factor = pow(10, Double(order))
            values = ticks.map { $0 / factor }
            multiplier = "×10^{\(minusSigned(order))}"
        }
        let decimals = sharedDecimals(values)
        return (values.map { format($0, decimals: decimals) }, multiplier)
    }

    /// Labels for a logarithmic axis: `10^{k}` when every tick is a power of ten, otherwise each value in
    /// its shortest plain form (or `d×10^{k}` when very small or large).
    public static func logLabels(_ ticks: [Double]) -> [String] {
        let exponents = ticks.map { log10($0) }
        if exponents.allSatisfy({ abs($0 - $0.rounded()) < 1e-9 }) {
            return exponents.map { "10^{\(minusSigned(Int($0.rounded())))}" }
        }
        return ticks.map { value in
            let order = Int(floor(log10(value) + 1e-9))
            if order >= 5 || order <= -4 {
                let mantissa = value / pow(10, Double(order))
                let text = format(mantissa, decimals: sharedDecimals([mantissa]))
                return text == "1" ? "10^{\(minusSigned(order))}" : "\(text)×10^{\(minusSigned(order))}"
            }
            return format(value, decimals: sharedDecimals([value]))
        }
    }

    /// The fewest decimals (0…12) that show every value exactly up to rounding noise.
    static func sharedDecimals(_ values: [Double]) -> Int {
        for decimals in 0...12 {
            let factor = pow(10, Double(decimals))
            if values.allSatisfy({ abs($0 * factor - ($0 * factor).rounded()) < 1e-6 * max(1, abs($0 * factor) * 1e-6) }) {
                return decimals
            }
        }
        return 12
    }

    /// `value` with `decimals` decimals and a true minus sign; −0 prints as 0.
    static func format(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") {
            let digits = text.dropFirst()
            text = digits.allSatisfy({ $0 == "0" || $0 == "." }) ? String(digits) : "\u{2212}" + digits
        }
        return text
    }

    private static func minusSigned(_ integer: Int) -> String {
        integer < 0 ? "\u{2212}\(-integer)" : "\(integer)"
    }
}
