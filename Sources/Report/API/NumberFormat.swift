import Foundation

/// How a number is written: in a table, a metrics summary, prose, or math inside `$…$`.
///
/// One format gives the same digits everywhere; only the notation differs by destination:
///
/// | value | format | ``text(_:language:)`` | ``math(_:language:)`` |
/// |---|---|---|---|
/// | −1.2457 | `.fixed(2)` | `−1.25` (U+2212) | `-1.25` (MathML writes the minus sign) |
/// | 0.000123 | `.scientific(2)` | `1.23 × 10⁻⁴` | `1.23 \times 10^{-4}` |
/// | 0.9531 | `.percent(1)` | `95.3 %` (English), `95.3%` (Chinese) | `95.3\,\%`, `95.3\%` |
/// | 12345678 | `.groupedInteger` | `12,345,678` | `12{,}345{,}678` |
///
/// Formatting never depends on the machine's locale: the decimal separator is always `.`, so outputs stay
/// byte-identical across machines. Negative numbers take the minus sign U+2212 in text, as in typeset math,
/// rather than the shorter hyphen; a value that rounds to zero loses its sign (`-0.00001` with `.fixed(4)` is
/// `0.0000`: a signed zero reads as an error). The document's language decides the space before `%`: English
/// follows ISO 80000-1 and the SI Brochure (a space, here a no-break space so the sign never wraps away from its
/// number), Chinese follows GB/T 15835 (none).
public enum NumberFormat: Sendable, Equatable {
    /// Integers as integers; other values as ``general(_:)`` with 4 significant digits.
    case automatic
    /// A fixed number of decimals: `.fixed(3)` writes 0.12345 as `0.123`.
    case fixed(Int)
    /// Scientific notation with `digits` decimals in the mantissa: `.scientific(2)` writes 0.000123 as
    /// `1.23 × 10⁻⁴` (superscript exponent, so it reads the same in Markdown and HTML); an exponent of 0 is
    /// left out (`1.23`).
    case scientific(Int)
    /// A fraction as a percentage with `digits` decimals: `.percent(1)` writes 0.9531 as `95.3 %`.
    case percent(Int)
    /// Rounded to the nearest integer.
    case integer
    /// Rounded to the nearest integer, with a comma between groups of three digits: `12,345,678` (the
    /// grouping Chinese and English technical text share).
    case groupedInteger
    /// `digits` significant digits in positional notation, trailing zeros kept, the precision of a worked
    /// example: `.significant(4)` writes 0.5 as `0.5000` and 1234.56 as `1235`; a value that rounds to zero is `0`.
    case significant(Int)
    /// The fewest digits that read back as the same number, in positional notation: 0.05, 1200, −3.5308, as a
    /// constant is typed in the source (for hyperparameters and given weights); magnitudes from 2⁵³ up or below
    /// 10⁻⁴ go through `%.10g` and its scientific notation.
    case shortest
    /// C's `%g`: `digits` significant digits with trailing zeros dropped, in scientific notation when the
    /// exponent is below −4 or at least `digits`: `.general(3)` writes 0.5 as `0.5` and 0.000012345 as `1.23 × 10⁻⁵`.
    case general(Int)
    /// `digits` significant digits: positional with trailing zeros dropped for 0.01 ≤ |x| < 1000, the range a
    /// reader takes in at a glance, scientific with `digits − 1` mantissa decimals outside it:
    /// `.significantOrScientific(3)` writes 0.5 as `0.5` and 0.00123 as `1.23 × 10⁻³`; zero is `0`.
    case significantOrScientific(Int)

    /// Writes `value` as text for tables and prose.
    /// - Parameters:
    ///   - value: the number; NaN is written `NaN` and infinities `∞` / `−∞`.
    ///   - language: the document's language (the space before `%`).
    /// - Returns: the text, never localised, with `−` (U+2212) for a negative number.
    public func text(_ value: Double, language: DocumentLanguage = .english) -> String {
        let (negative, written) = parts(value)
        let body: String
        switch written {
        case .plain(let digits): body = digits
        case .grouped(let digits): body = digits
        case .scientific(let mantissa, let exponent): body = "\(mantissa) × 10" + Self.superscript(exponent)
        case .percent(let digits): body = digits + (language == .chinese ? "%" : "\u{00A0}%")
        case .notANumber: return "NaN"
        case .infinity: body = "∞"
        }
        return (negative ? "\u{2212}" : "") + body
    }

    /// Writes `value` as LaTeX for math inside `$…$` (the math converter turns `-` into a minus sign).
    /// - Parameters:
    ///   - value: the number; NaN is written `\mathrm{NaN}` and infinities `\infty` / `-\infty`.
    ///   - language: the document's language (the space before `\%`).
    /// - Returns: LaTeX source.
    public func math(_ value: Double, language: DocumentLanguage = .english) -> String {
        let (negative, written) = parts(value)
        let body: String
        switch written {
        case .plain(let digits): body = digits
        case .grouped(let digits): body = digits.replacingOccurrences(of: ",", with: "{,}")
        case .scientific(let mantissa, let exponent): body = "\(mantissa) \\times 10^{\(exponent)}"
        case .percent(let digits): body = digits + (language == .chinese ? "\\%" : "\\,\\%")
        case .notANumber: return "\\mathrm{NaN}"
        case .infinity: body = "\\infty"
        }
        return (negative ? "-" : "") + body
    }

    /// `-1.5` → `−1.5`: C's formatting writes a hyphen-minus for the sign. A value that rounds to zero loses
    /// its sign.
    static func withMinusSign(_ text: String) -> String {
        guard text.hasPrefix("-") else { return text }
        let magnitude = text.dropFirst()
        return isZero(magnitude) ? String(magnitude) : "\u{2212}" + magnitude
    }

    private static func isZero(_ digits: Substring) -> Bool {
        digits.allSatisfy { $0 == "0" || $0 == "." || $0 == "%" || $0 == "," }
    }

    /// A number taken apart into what every notation shares.
    private enum Written {
        case plain(String)
        case grouped(String)
        case scientific(mantissa: String, exponent: Int)
        case percent(String)
        case notANumber
        case infinity
    }

    /// The sign and the unsigned parts of `value` in this format.
    private func parts(_ value: Double) -> (negative: Bool, Written) {
        if value.isNaN { return (false, .notANumber) }
        if value.isInfinite { return (value < 0, .infinity) }
        let written: Written
        switch self {
        case .automatic:
            if value == value.rounded(), abs(value) < 1e15 { return Self.signed(.plain(String(format: "%.0f", value))) }
            return NumberFormat.general(4).parts(value)
        case .fixed(let digits):
            written = .plain(String(format: "%.\(max(0, digits))f", value))
        case .scientific(let digits):
            written = Self.scientific(String(format: "%.\(max(0, digits))e", value))
        case .percent(let digits):
            written = .percent(String(format: "%.\(max(0, digits))f", value * 100))
        case .integer:
            written = .plain(String(format: "%.0f", value))
        case .groupedInteger:
            written = .grouped(Self.grouped(String(format: "%.0f", value)))
        case .significant(let digits):
            let digits = max(1, digits)
            guard value != 0 else { return (false, .plain("0")) }
            // `%e` rounds first, so −0.00999999 counts as −0.01000 and not as −0.0099999.
            let exponent = Int(String(format: "%.\(digits - 1)e", value).split(separator: "e")[1]) ?? 0
            let text = String(format: "%.\(max(0, digits - 1 - exponent))f", value)
            written = .plain(Double(text) == 0 ? "0" : text)
        case .shortest:
            // Swift's description is the shortest text that round-trips; it switches to exponents outside
            // [1e-4, 2^53) and writes integers with ".0".
            let text = "\(value)"
            if text.contains("e") { return NumberFormat.general(10).parts(value) }
            written = .plain(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
        case .general(let digits):
            written = Self.scientificIfExponent(String(format: "%.\(max(1, digits))g", value))
        case .significantOrScientific(let digits):
            let digits = max(1, digits)
            guard value != 0 else { return (false, .plain("0")) }
            if abs(value) >= 0.01, abs(value) < 1000 {
                written = Self.scientificIfExponent(String(format: "%.\(digits)g", value))
            } else {
                written = Self.scientific(String(format: "%.\(digits - 1)e", value))
            }
        }
        return Self.signed(written)
    }

    /// Moves a leading hyphen of C's output into the sign, dropping it where the digits are all zero.
    private static func signed(_ written: Written) -> (negative: Bool, Written) {
        func split(_ text: String) -> (Bool, String) {
            guard text.hasPrefix("-") else { return (false, text) }
            let magnitude = text.dropFirst()
            return (!isZero(magnitude), String(magnitude))
        }
        switch written {
        case .plain(let text):
            let (negative, magnitude) = split(text)
            return (negative, .plain(magnitude))
        case .grouped(let text):
            let (negative, magnitude) = split(text)
            return (negative, .grouped(magnitude))
        case .percent(let text):
            let (negative, magnitude) = split(text)
            return (negative, .percent(magnitude))
        case .scientific(let mantissa, let exponent):
            let (negative, magnitude) = split(mantissa)
            return (negative, .scientific(mantissa: magnitude, exponent: exponent))
        case .notANumber, .infinity:
            return (false, written)
        }
    }

    /// `%e` output as mantissa and exponent; `%e` rounds the mantissa and adjusts the exponent together
    /// (9.99 → 1.0e+01), which splitting by hand with log10 would get wrong. An exponent of 0 is left out.
    private static func scientific(_ text: String) -> Written {
        guard let marker = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: marker)...]) else {
            return .plain(text)
        }
        let mantissa = String(text[..<marker])
        return exponent == 0 ? .plain(mantissa) : .scientific(mantissa: mantissa, exponent: exponent)
    }

    /// `%g` output: positional as it is, or in scientific notation when `%g` chose an exponent.
    private static func scientificIfExponent(_ text: String) -> Written {
        text.contains("e") ? scientific(text) : .plain(text)
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
