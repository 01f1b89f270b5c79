/// A math alphabet chosen by a font command (`\mathbf`, `\mathcal`, `\mathbb`, …).
///
/// Browsers that implement MathML Core (Chromium among them) ignore `mathvariant` except `normal`, so styled
/// letters are written as the characters of Unicode's Mathematical Alphanumeric Symbols block (𝐖 for
/// `\mathbf{W}`, ℝ for `\mathbb{R}`), which every renderer shows correctly.
enum MathVariant: Equatable {
    /// Upright: `\mathrm`, `\text`, `\operatorname`.
    case normal
    /// Upright bold: `\mathbf`, `\textbf`.
    case bold
    /// `\mathit`, `\textit`.
    case italic
    /// `\boldsymbol`, `\bm`: bold that keeps letters italic, Greek included.
    case boldItalic
    /// `\mathcal`, `\mathscr`.
    case script
    /// `\mathfrak`.
    case fraktur
    /// `\mathbb`.
    case doubleStruck
    /// `\mathsf`, `\textsf`.
    case sansSerif
    /// `\mathtt`, `\texttt`.
    case monospace

    /// The variant selected by a font command, or `nil` if `name` is not one.
    /// - Parameter name: a command name without its backslash, e.g. `mathbf`.
    init?(command name: String) {
        switch name {
        case "mathrm", "mathup", "textrm", "textup", "textnormal", "text", "mbox", "hbox", "rm": self = .normal
        case "mathbf", "textbf", "bf": self = .bold
        case "mathit", "textit", "it": self = .italic
        case "boldsymbol", "bm", "pmb", "mathbfit": self = .boldItalic
        case "mathcal", "mathscr", "cal": self = .script
        case "mathfrak": self = .fraktur
        case "mathbb": self = .doubleStruck
        case "mathsf", "textsf", "sf": self = .sansSerif
        case "mathtt", "texttt", "tt": self = .monospace
        default: return nil
        }
    }

    /// Rewrites the letters and digits of `text` in this alphabet; characters it has no form for (Chinese,
    /// punctuation, Greek in script) are kept as they are.
    /// - Parameter text: the characters to style.
    /// - Returns: the styled text.
    func apply(to text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(styled(scalar) ?? scalar)
        }
        return String(result)
    }

    private func styled(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if let exception = exceptions[scalar] {
            return exception
        }
        let value = scalar.value
        let start: UInt32?
        let offset: UInt32
        switch value {
        case 0x41...0x5A: (start, offset) = (capitalLatin, value - 0x41)
        case 0x61...0x7A: (start, offset) = (smallLatin, value - 0x61)
        case 0x30...0x39: (start, offset) = (digits, value - 0x30)
        case 0x391...0x3A9 where value != 0x3A2: (start, offset) = (capitalGreek, value - 0x391)
        case 0x3B1...0x3C9: (start, offset) = (smallGreek, value - 0x3B1)
        default: return nil
        }
        return start.flatMap { Unicode.Scalar($0 + offset) }
    }

    /// First code point of each range in the Mathematical Alphanumeric Symbols block.
    private var capitalLatin: UInt32? {
        switch self {
        case .normal: nil
        case .bold: 0x1D400
        case .italic: 0x1D434
        case .boldItalic: 0x1D468
        case .script: 0x1D49C
        case .fraktur: 0x1D504
        case .doubleStruck: 0x1D538
        case .sansSerif: 0x1D5A0
        case .monospace: 0x1D670
        }
    }

    private var smallLatin: UInt32? {
        capitalLatin.map { $0 + 26 }
    }

    private var digits: UInt32? {
        switch self {
        case .bold, .boldItalic: 0x1D7CE
        case .doubleStruck: 0x1D7D8
        case .sansSerif: 0x1D7E2
        case .monospace: 0x1D7F6
        default: nil
        }
    }

    private var capitalGreek: UInt32? {
        switch self {
        case .bold: 0x1D6A8
        case .italic: 0x1D6E2
        case .boldItalic: 0x1D71C
        default: nil
        }
    }

    private var smallGreek: UInt32? {
        capitalGreek.map { $0 + 0x1A }
    }

    /// Letters Unicode encoded before the block existed (ℝ, ℋ, ℎ …) and Greek symbol variants, which sit
    /// outside the regular ranges.
    private var exceptions: [Unicode.Scalar: Unicode.Scalar] {
        switch self {
        case .italic: Self.italicExceptions
        case .bold: Self.boldExceptions
        case .boldItalic: Self.boldItalicExceptions
        case .script: Self.scriptExceptions
        case .fraktur: Self.frakturExceptions
        case .doubleStruck: Self.doubleStruckExceptions
        case .normal, .sansSerif, .monospace: [:]
        }
    }

    private static let italicExceptions: [Unicode.Scalar: Unicode.Scalar] = [
        "h": "\u{210E}", "∂": "\u{1D715}", "∇": "\u{1D6FB}", "ϵ": "\u{1D716}", "ϑ": "\u{1D717}", "ϰ": "\u{1D718}",
        "ϕ": "\u{1D719}", "ϱ": "\u{1D71A}", "ϖ": "\u{1D71B}",
    ]
    private static let boldExceptions: [Unicode.Scalar: Unicode.Scalar] = [
        "∂": "\u{1D6DB}", "∇": "\u{1D6C1}", "ϵ": "\u{1D6DC}", "ϑ": "\u{1D6DD}", "ϰ": "\u{1D6DE}", "ϕ": "\u{1D6DF}",
        "ϱ": "\u{1D6E0}", "ϖ": "\u{1D6E1}",
    ]
    private static let boldItalicExceptions: [Unicode.Scalar: Unicode.Scalar] = [
        "∂": "\u{1D74F}", "∇": "\u{1D735}", "ϵ": "\u{1D750}", "ϑ": "\u{1D751}", "ϰ": "\u{1D752}", "ϕ": "\u{1D753}",
        "ϱ": "\u{1D754}", "ϖ": "\u{1D755}",
    ]
    private static let scriptExceptions: [Unicode.Scalar: Unicode.Scalar] = [
        "B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}", "I": "\u{2110}", "L": "\u{2112}",
        "M": "\u{2133}", "R": "\u{211B}", "e": "\u{212F}", "g": "\u{210A}", "o": "\u{2134}",
    ]
    private static let frakturExceptions: [Unicode.Scalar: Unicode.Scalar] = [
        "C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}", "Z": "\u{2128}",
    ]
    private static let doubleStruckExceptions: [Unicode.Scalar: Unicode.Scalar] = [
        "C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}", "Q": "\u{211A}", "R": "\u{211D}",
        "Z": "\u{2124}",
    ]
}
