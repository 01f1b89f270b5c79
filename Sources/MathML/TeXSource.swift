/// Writes tokens back as TeX source, for outputs that keep TeX (the Markdown report, which GitHub renders):
/// after macro expansion and equation numbering the formula must still read as TeX that any renderer knows.
enum TeXSource {
    /// The source of `tokens`, readable as a person would write it: a space after a control word that is
    /// followed by another command or a letter (the tokenizer dropped the one written there; before a
    /// letter it is needed, or the letter would join the name), and runs of spaces (left where a `\label` was
    /// taken out) as one.
    static func text(of tokens: [TeXToken]) -> String {
        var text = ""
        for (index, token) in tokens.enumerated() {
            if token.kind == .space, index > 0, tokens[index - 1].kind == .space { continue }
            text += token.kind.sourceText
            guard case .command(let name) = token.kind, name.first?.isASCIILetter == true, index + 1 < tokens.count
            else { continue }
            switch tokens[index + 1].kind {
            case .command: text += " "
            case .character(let next) where next.isASCIILetter: text += " "
            default: continue
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
