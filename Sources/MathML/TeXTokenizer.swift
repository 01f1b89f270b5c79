/// Splits TeX math source into tokens, following TeX's rules for control sequences: a backslash followed by
/// letters is one command (and eats the spaces after it), a backslash followed by any other character is a
/// one-character command, and `%` starts a comment that runs to the end of the line.
struct TeXTokenizer {
    private let characters: [Character]

    init(_ source: String) {
        characters = Array(source)
    }

    /// Returns all tokens of the source.
    /// - Returns: the tokens in order; white space runs become one `.space` token each.
    /// - Throws: `TeXToMathML.ConversionError` for a backslash at the very end.
    func tokens() throws -> [TeXToken] {
        var result: [TeXToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = index
            switch character {
            case "\\":
                index += 1
                guard index < characters.count else {
                    throw TeXToMathML.ConversionError(message: "A backslash ends the formula", offset: start)
                }
                if characters[index].isASCIILetter {
                    var name = ""
                    while index < characters.count, characters[index].isASCIILetter {
                        name.append(characters[index])
                        index += 1
                    }
                    if name == "verb" {
                        result.append(TeXToken(kind: .verbatim(try verbatim(from: &index, start: start)), offset: start))
                        continue
                    }
                    while index < characters.count, characters[index].isWhitespace {
                        index += 1
                    }
                    result.append(TeXToken(kind: .command(name), offset: start))
                } else {
                    let symbol = characters[index]
                    index += 1
                    // A control space and a backslash before a line break are both an explicit space in TeX.
                    result.append(TeXToken(kind: .command(symbol.isWhitespace ? " " : String(symbol)), offset: start))
                }
            case "%":
                while index < characters.count, !characters[index].isNewline {
                    index += 1
                }
            case _ where character.isWhitespace:
                while index < characters.count, characters[index].isWhitespace {
                    index += 1
                }
                result.append(TeXToken(kind: .space, offset: start))
            default:
                let kind: TeXToken.Kind
                switch character {
                case "{": kind = .openBrace
                case "}": kind = .closeBrace
                case "^": kind = .caret
                case "_": kind = .underscore
                case "&": kind = .alignmentTab
                default: kind = .character(character)
                }
                result.append(TeXToken(kind: kind, offset: start))
                index += 1
            }
        }
        return result
    }

    /// Reads the argument of `\verb` (or `\verb*`) from `index`, just past the command name: a delimiter
    /// character, then everything up to the same character again, as TeX reads it (no line break inside).
    private func verbatim(from index: inout Int, start: Int) throws -> String {
        if index < characters.count, characters[index] == "*" { index += 1 }
        guard index < characters.count, !characters[index].isWhitespace, !characters[index].isASCIILetter else {
            throw TeXToMathML.ConversionError(message: "\\verb needs a delimiter, as in \\verb|x|", offset: start)
        }
        let delimiter = characters[index]
        index += 1
        var text = ""
        while index < characters.count, characters[index] != delimiter {
            guard !characters[index].isNewline else { break }
            text.append(characters[index])
            index += 1
        }
        guard index < characters.count, characters[index] == delimiter else {
            throw TeXToMathML.ConversionError(message: "\\verb\(delimiter) is not closed by \(delimiter)", offset: start)
        }
        index += 1
        return text
    }
}

extension Character {
    /// `true` for `a`–`z` and `A`–`Z`, the only letters TeX allows in command names.
    var isASCIILetter: Bool {
        isASCII && isLetter
    }
}
