/// One token of TeX math source, with the offset (in `Character`s) where it starts.
struct TeXToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A control sequence, without its backslash: a word (`frac`) or a single non-letter (`{`, `\\`, `,`).
        case command(String)
        /// Any other character that is not one of the special ones below.
        case character(Character)
        case openBrace
        case closeBrace
        case caret
        case underscore
        case alignmentTab
        /// A run of white space; math ignores it, `\text{…}` keeps it.
        case space
        /// `\verb|…|`: the characters between the delimiters, kept exactly as written.
        case verbatim(String)
    }

    var kind: Kind
    var offset: Int
}
