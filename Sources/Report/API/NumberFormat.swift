import Foundation

/// How a number in a table or metrics summary is written.
///
/// Formatting never depends on the machine's locale: the decimal separator is always `.`, so outputs stay
/// byte-identical across machines. Negative numbers take the minus sign U+2212 (`−1.2457`), as in typeset
/// math, rather than the shorter hyphen; table columns of numbers stay right-aligned.
public enum NumberFormat: Sendable, Equatable {
    /// Integers as integers; other values with 4 significant digits (`%.4g`).
    case automatic
    /// A fixed number of decimals: `.fixed(3)` writes 0.12345 as `0.123`.
    case fixed(Int)
    /// `digits` significant digits in positional notation, as worked examples write numbers: `.significant(4)`
    /// writes 0.7513650695 as `0.7514`, 0.0099999 as `0.01000` and 12345.6 as `12346`; zero is `0`.
    case significant(Int)
    /// The fewest digits that read back as the same number, in positional notation: 0.05, 1200, −3.5308, as a
    /// constant is typed in the source (for hyperparameters and given weights; magnitudes from 2⁵³ up or below
    /// 10⁻⁴ in magnitude use `%.10g`).
    case shortest
    /// Scientific notation with `digits` decimals in the mantissa: `.scientific(2)` writes 0.000123 as
    /// `1.23 × 10⁻⁴` (superscript exponent, so it reads the same in Markdown and HTML).
    case scientific(Int)
    /// A fraction as a percentage with `digits` decimals: `.percent(1)` writes 0.9531 as `95.3%`.
    case percent(Int)
    /// Rounded to the nearest integer.
    case integer
    /// Rounded to the nearest integer, with a comma between groups of three digits: `12,345,678` (the
    /// grouping Chinese and English technical text share).
    case groupedInteger

    /// Writes `value` in this format.
    /// - Parameter value: the number; NaN is written `NaN` and infinities `∞` / `−∞`.
    /// - Returns: the text, never localised, with `−` (U+2212) for a negative number.
    public func format(_ value: Double) -> String {
        Self.withMinusSign(formatWithHyphen(value))
    }

    /// `-1.5` → `−1.5`: C's formatting writes a hyphen-minus for the sign. A value that rounds to zero loses
    /// its sign (`-0.00001` with `.fixed(4)` is `0.0000`, not `−0.0000`): a signed zero reads as an error.
    static func withMinusSign(_ text: String) -> String {
        guard text.hasPrefix("-") else { return text }
        let magnitude = text.dropFirst()
        let isZero = magnitude.allSatisfy { $0 == "0" || $0 == "." || $0 == "%" }
        return isZero ? String(magnitude) : "\u{2212}" + magnitude
    }

    private func formatWithHyphen(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        switch self {
        case .automatic:
            if value == value.rounded(), abs(value) < 1e15 { return String(format: "%.0f", value) }
            return String(format: "%.4g", value)
        case .fixed(let digits):
            return String(format: "%.\(max(0, digits))f", value)
        case .significant(let digits):
            return Self.significant(value, digits: max(1, digits))
        case .shortest:
            // Swift's description is the shortest text that round-trips; it switches to exponents outside
            // [1e-4, 2^53) and writes integers with ".0".
            let text = "\(value)"
            if text.contains("e") { return String(format: "%.10g", value) }
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        case .scientific(let digits):
            return Self.scientific(value, digits: max(0, digits))
        case .percent(let digits):
            return String(format: "%.\(max(0, digits))f", value * 100) + "%"
        case .integer:
            return String(format: "%.0f", value)
        case .groupedInteger:
            return Self.grouped(String(format: "%.0f", value))
        }
    }

    /// Rounds to `digits` significant digits and writes the result without an exponent.
    private static func significant(_ value: Double, digits: Int) -> String {
        guard value != 0 else { return "0" }
        // `%e` rounds first, so −0.00999999 counts as −0.01000 (exponent −2) and not as −0.0099999 (−3).
        let exponent = Int(String(format: "%.\(digits - 1)e", value).split(separator: "e")[1]) ?? 0
        let text = String(format: "%.\(max(0, digits - 1 - exponent))f", value)
        return Double(text) == 0 ? "0" : text
    }

    /// Writes `value` as mantissa × 10^exponent, the exponent in Unicode superscripts.
    private static func scientific(_ value: Double, digits: Int) -> String {
        // `%e` rounds the mantissa and adjusts the exponent together (9.99 → 1.0e+01), which splitting by hand
        // with log10 would get wrong.
        let text = String(format: "%.\(digits)e", value)
        guard let marker = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: marker)...]) else {
            return text
        }
        let mantissa = String(text[..<marker])
        if exponent == 0 { return mantissa }
        return "\(mantissa) × 10" + superscript(exponent)
    }

    /// "-1234567" → "-1,234,567": a comma before every third digit from the right, the sign kept in front.
    private static func grouped(_ integer: String) -> String {
        let sign = integer.hasPrefix("-") ? "-" : ""
        let digits = Array(integer.dropFirst(sign.count))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return sign + result
    }

    private static func superscript(_ exponent: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let magnitude = String(abs(exponent)).map { digits[Int(String($0))!] }
        return (exponent < 0 ? "⁻" : "") + String(magnitude)
    }
}
