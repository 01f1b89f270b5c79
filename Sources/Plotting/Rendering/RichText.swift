/// A label split into runs of normal, superscript and subscript text.
///
/// Markup: `^{…}` and `_{…}` raise or lower their contents; `^x` and `_x` apply to one character.
/// Unicode superscript and subscript characters (⁰–⁹, ⁺, ⁻, ₀–₉) are drawn as raised or lowered normal digits,
/// because the theme font need not contain them: `×10⁻³` and `×10^{−3}` look the same, and so do `x₁` and `x_1`. A backslash escapes the next character (`\^`).
struct RichText: Equatable {
    enum Position: Equatable { case normal, superscript, `subscript` }

    struct Run: Equatable {
        var text: String
        var position: Position
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
        func append(_ character: Character, _ position: Position) {
            if let last = runs.last, last.position == position {
                runs[runs.count - 1].text.append(character)
            } else {
                runs.append(Run(text: String(character), position: position))
            }
        }
        let characters = Array(markup)
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
        self.runs = runs
    }

    var isEmpty: Bool { runs.isEmpty }

    /// The text without markup, for accessibility and tests.
    var plainText: String { runs.map(\.text).joined() }
}
