extension NumberFormat {
    /// Writes `value` in this format as TeX, for a number inside a formula (`$L = {{value: loss}}$`).
    ///
    /// The digits are those of ``format(_:)``; only the notation changes: `-` for the sign (TeX sets it as a
    /// minus), `\times 10^{-4}` for the exponent, `\%`, `{,}` between digit groups (a bare comma in math is
    /// punctuation, followed by a space), `\infty` and `\mathrm{NaN}`.
    /// - Parameter value: the number.
    /// - Returns: TeX math.
    public func texFormat(_ value: Double) -> String {
        if value.isNaN { return "\\mathrm{NaN}" }
        if value.isInfinite { return value > 0 ? "\\infty" : "-\\infty" }
        var text = format(value).replacingOccurrences(of: "\u{2212}", with: "-")
        if let times = text.range(of: " × 10") {
            let exponent = text[times.upperBound...].map { character -> String in
                Self.superscriptDigits[character] ?? String(character)
            }.joined()
            text = text[..<times.lowerBound] + " \\times 10^{\(exponent)}"
        }
        return text.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: ",", with: "{,}")
    }

    private static let superscriptDigits: [Character: String] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-",
    ]
}
