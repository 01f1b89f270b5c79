/// Writes tokens back as TeX source, for outputs that keep TeX (the Markdown report, which GitHub renders):
/// after macro expansion and equation numbering the formula must still read as TeX that any renderer knows.
enum TeXSource {
    /// The source of `tokens`: a space follows a control word only where the next token is a letter, which
    /// would otherwise join its name.
    static func text(of tokens: [TeXToken]) -> String {
        var text = ""
        for (index, token) in tokens.enumerated() {
            text += token.kind.sourceText
            if case .command(let name) = token.kind, name.first?.isASCIILetter == true,
               index + 1 < tokens.count, case .character(let next) = tokens[index + 1].kind, next.isASCIILetter {
                text += " "
            }
        }
        return text
    }
}

extension TeXToken.Kind {
    /// The token as written in TeX source.
    var sourceText: String {
        switch self {
        case .command(let name): "\\" + name
        case .character(let character): String(character)
        case .openBrace: "{"
        case .closeBrace: "}"
        case .caret: "^"
        case .underscore: "_"
        case .alignmentTab: "&"
        case .space: " "
        case .verbatim(let text): "\\verb" + Self.verbatimDelimiter(for: text) + text + Self.verbatimDelimiter(for: text)
        }
    }

    /// A delimiter that does not occur in the text.
    private static func verbatimDelimiter(for text: String) -> String {
        "|!+/=:;".first { !text.contains($0) }.map(String.init) ?? "|"
    }
}
