/// A label split into runs of normal, superscript and subscript text, each in prose or in math.
///
/// Markup: `^{…}` and `_{…}` raise or lower their contents; `^x` and `_x` apply to one character.
/// `$…$` is math, set as TeX sets it and as the handout's MathML shows it: single letters (Latin and lower-case
/// Greek) in math italic, the names of functions (`tanh`, `max`, `ReLU`, …) upright, a hyphen as the minus
/// sign, `'` as a prime, all drawn in the theme's math font (`$σ(wx + b)$`, `$tanh'(x)$`, `$x_1$`).
/// Unicode superscript and subscript characters (⁰–⁹, ⁺, ⁻, ₀–₉) are drawn as raised or lowered normal digits,
/// because the theme font need not contain them: `×10⁻³` and `×10^{−3}` look the same, and so do `x₁` and `x_1`. A backslash escapes the next character (`\^`).
struct RichText: Equatable {
    enum Position: Equatable { case normal, superscript, `subscript` }

    struct Run: Equatable {
        var text: String
        var position: Position
        /// Drawn in the math font (the run came from `$…$`).
        var isMath = false
    }

    var runs: [Run]

    /// Relative size and baseline shift (in multiples of the font size, upwards) of raised and lowered runs.
    static func metrics(of position: Position) -> (scale: Double, rise: Double) {
        switch position {
        case .normal: return (1, 0)
        case .superscript: return (0.7, 0.42)
        case .subscript: return (0.7, -0.18)
        }
    }

    private static let unicodeSuperscripts: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "⁺": "+", "⁻": "\u{2212}", "ⁿ": "n", "ⁱ": "i",
    ]

    private static let unicodeSubscripts: [Character: Character] = [
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "₊": "+", "₋": "\u{2212}",
    ]

    init(_ markup: String) {
        var runs: [Run] = []
        for (piece, isMath) in Self.mathPieces(markup) {
            Self.parse(isMath ? Self.mathCharacters(piece) : piece, isMath: isMath, into: &runs)
        }
        self.runs = runs
    }

    /// The markup cut at unescaped `$`: pieces outside and inside math in turn (an unclosed `$` is literal).
    private static func mathPieces(_ markup: String) -> [(text: [Character], isMath: Bool)] {
        let characters = Array(markup)
        var dollars: [Int] = []
        var index = 0
        while index < characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            if characters[index] == "$" { dollars.append(index) }
            index += 1
        }
        if dollars.count % 2 == 1 { dollars.removeLast() }
        guard !dollars.isEmpty else { return [(characters, false)] }
        var pieces: [(text: [Character], isMath: Bool)] = []
        var start = 0
        for pair in stride(from: 0, to: dollars.count, by: 2) {
            pieces.append((Array(characters[start..<dollars[pair]]), false))
            pieces.append((Array(characters[(dollars[pair] + 1)..<dollars[pair + 1]]), true))
            start = dollars[pair + 1] + 1
        }
        pieces.append((Array(characters[start...]), false))
        return pieces.filter { !$0.text.isEmpty }
    }

    /// Names set upright in math, as TeX's `\tanh`, `\max`, … (and the activation names of the notes).
    static let uprightNames: Set<String> = [
        "sin", "cos", "tan", "tanh", "sinh", "cosh", "exp", "log", "ln", "lg", "max", "min", "arg", "argmin",
        "argmax", "lim", "sup", "inf", "det", "sgn", "sign", "ReLU", "softmax", "sigmoid", "leaky", "MSE", "BCE",
        "loss",
    ]

    /// Math letters as the Unicode mathematical italic characters MathML gives a single-letter `<mi>`
    /// (U+1D434… for A–Z, U+1D44E… for a–z with ℎ U+210E for h, U+1D6FC… for α–ω), names upright, `-` as
    /// U+2212 and `'` as U+2032.
    static func mathCharacters(_ characters: [Character]) -> [Character] {
        var result: [Character] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                result += [character, characters[index + 1]]
                index += 2
            } else if character.isASCII && character.isLetter {
                var end = index
                while end < characters.count, characters[end].isASCII, characters[end].isLetter { end += 1 }
                let word = String(characters[index..<end])
                result += uprightNames.contains(word) && word.count > 1 ? Array(word) : word.map(italic)
                index = end
            } else {
                result.append(character == "-" ? "\u{2212}" : character == "'" ? "\u{2032}" : italic(character))
                index += 1
            }
        }
        return result
    }

    private static func italic(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return character }
        let value = scalar.value
        let mapped: UInt32?
        switch value {
        case 0x68: mapped = 0x210E
        case 0x61...0x7A: mapped = 0x1D44E + value - 0x61
        case 0x41...0x5A: mapped = 0x1D434 + value - 0x41
        case 0x3B1...0x3C9: mapped = 0x1D6FC + value - 0x3B1
        default: mapped = nil
        }
        return mapped.flatMap(Unicode.Scalar.init).map(Character.init) ?? character
    }

    private static func parse(_ characters: [Character], isMath: Bool, into runs: inout [Run]) {
        func append(_ character: Character, _ position: Position) {
            if let last = runs.last, last.position == position, last.isMath == isMath {
                runs[runs.count - 1].text.append(character)
            } else {
                runs.append(Run(text: String(character), position: position, isMath: isMath))
            }
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                append(characters[index + 1], .normal)
                index += 2
            } else if (character == "^" || character == "_"), index + 1 < characters.count {
                let position: Position = character == "^" ? .superscript : .subscript
                if characters[index + 1] == "{", let close = characters[(index + 2)...].firstIndex(of: "}") {
                    for inner in characters[(index + 2)..<close] { append(inner, position) }
                    index = close + 1
                } else {
                    append(characters[index + 1], position)
                    index += 2
                }
            } else if let digit = Self.unicodeSuperscripts[character] {
                append(digit, .superscript)
                index += 1
            } else if let digit = Self.unicodeSubscripts[character] {
                append(digit, .subscript)
                index += 1
            } else {
                append(character, .normal)
                index += 1
            }
        }
    }

    var isEmpty: Bool { runs.isEmpty }

    /// The text without markup, for accessibility and tests.
    var plainText: String { runs.map(\.text).joined() }
}
