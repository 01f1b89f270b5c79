import Foundation

/// Splits Markdown prose into text, math and cross-references before any Markdown parser sees it.
///
/// Math has to be taken out first: to a Markdown parser `$a_1 * b_2$` contains emphasis. The scanner knows just
/// enough Markdown to leave alone what must stay literal: backslash escapes (`\$`), code spans (backtick runs
/// matched by length) and fenced code blocks (```` ``` ```` / `~~~`, up to three spaces of indentation).
///
/// Rules (those of Pandoc's `tex_math_dollars`, which GitHub's renderer follows closely):
/// - `$$…$$` is display math; it may span lines but not a blank line, unless the opening `$$` stands alone on
///   its line (a math block, as Typora writes them). Blank lines inside are dropped.
/// - `$…$` is inline math when the opening `$` is followed by a non-space, the closing `$` is preceded by a
///   non-space and not followed by a digit, with no blank line between them.
/// - Inside a block quote, the `>` markers that continue a formula's lines are removed from its TeX.
/// - A `$` that starts no formula is passed on escaped (`\$`), so it stays a dollar sign on GitHub too.
/// - `@fig:name` / `@tab:name` / `@sec:name` is a reference unless the `@` follows an ASCII letter, digit or `_` (an e-mail
///   address).
///   Names are ASCII letters, digits, `-` and `_`, ending in a letter or digit.
enum ProseScanner {
    /// What a reference points at.
    enum ReferenceKind: String {
        case figure = "fig"
        case table = "tab"
        /// A section of a document written in Markdown, named by `{#name}` after its heading.
        case section = "sec"
    }

    /// One piece of scanned prose.
    enum Segment: Equatable {
        /// Markdown to pass on, including code spans, code blocks and escapes, unchanged.
        case markdown(String)
        /// The TeX between `$` delimiters.
        case inlineMath(String)
        /// The TeX between `$$` delimiters, trimmed; `linePrefix` is the text before `$$` on its line when that
        /// text is only spaces and `>` (the formula starts a line, possibly in a block quote), else `nil`.
        case displayMath(String, linePrefix: String?)
        /// `@kind:name`.
        case reference(ReferenceKind, name: String)
        /// `\eqref{name}`, `\ref{name}` or `@eq:name`, written in prose outside math.
        case equationReference(name: String, form: EquationReferenceForm)
    }

    /// A segment and the 1-based line of the prose it starts on, for error messages.
    struct Token: Equatable {
        var segment: Segment
        var line: Int
    }

    /// Scans `text`.
    /// - Parameter text: Markdown prose.
    /// - Returns: the tokens in order; adjacent Markdown text is merged into one token.
    static func scan(_ text: String) -> [Token] {
        var scanner = State(characters: Array(text))
        scanner.run()
        scanner.flush()
        return scanner.tokens
    }

    private struct State {
        let characters: [Character]
        var index = 0
        var line = 1
        var buffer = ""
        var bufferLine = 1
        var tokens: [Token] = []

        init(characters: [Character]) {
            self.characters = characters
        }

        mutating func run() {
            while index < characters.count {
                if isLineStart(index), let fenceEnd = fencedBlockEnd(from: index) {
                    append(characters[index..<fenceEnd])
                    index = fenceEnd
                    continue
                }
                let character = characters[index]
                switch character {
                case "\\":
                    if scanEquationReference() { continue }
                    append(characters[index..<min(index + 2, characters.count)])
                    index += 2
                case "`":
                    scanCodeSpan()
                case "$":
                    scanMath()
                case "@":
                    scanReference()
                default:
                    append(character)
                    index += 1
                }
            }
        }

        mutating func flush() {
            if !buffer.isEmpty { tokens.append(Token(segment: .markdown(buffer), line: bufferLine)) }
            buffer = ""
        }

        mutating func emit(_ segment: Segment, line segmentLine: Int) {
            flush()
            tokens.append(Token(segment: segment, line: segmentLine))
            bufferLine = line
        }

        mutating func append(_ character: Character) {
            if buffer.isEmpty { bufferLine = line }
            buffer.append(character)
            if character == "\n" { line += 1 }
        }

        mutating func append(_ slice: ArraySlice<Character>) {
            for character in slice { append(character) }
        }

        func isLineStart(_ position: Int) -> Bool {
            position == 0 || characters[position - 1] == "\n"
        }

        /// Whether the line starting at `position` contains only whitespace.
        func isBlankLine(at position: Int) -> Bool {
            var cursor = position
            while cursor < characters.count, characters[cursor] != "\n" {
                if !characters[cursor].isWhitespace { return false }
                cursor += 1
            }
            return true
        }

        /// If a fenced code block opens at this line start, the index just past its closing fence line.
        func fencedBlockEnd(from start: Int) -> Int? {
            guard let opening = fence(at: start) else { return nil }
            var cursor = lineEnd(from: start)
            while cursor < characters.count {
                if let closing = fence(at: cursor), closing.character == opening.character,
                   closing.length >= opening.length, closing.restIsBlank {
                    return lineEnd(from: cursor)
                }
                cursor = lineEnd(from: cursor)
            }
            return characters.count
        }

        /// The index just past the newline ending the line that contains `position`.
        func lineEnd(from position: Int) -> Int {
            var cursor = position
            while cursor < characters.count, characters[cursor] != "\n" { cursor += 1 }
            return min(cursor + 1, characters.count)
        }

        func fence(at start: Int) -> (character: Character, length: Int, restIsBlank: Bool)? {
            var cursor = start
            var indentation = 0
            while cursor < characters.count, characters[cursor] == " ", indentation < 4 {
                cursor += 1
                indentation += 1
            }
            guard indentation <= 3, cursor < characters.count,
                  characters[cursor] == "`" || characters[cursor] == "~" else { return nil }
            let fenceCharacter = characters[cursor]
            var length = 0
            while cursor < characters.count, characters[cursor] == fenceCharacter {
                cursor += 1
                length += 1
            }
            guard length >= 3 else { return nil }
            return (fenceCharacter, length, isBlankLine(at: cursor))
        }

        /// The length of the run of `character` starting at `position`.
        func runLength(of character: Character, at position: Int) -> Int {
            var cursor = position
            while cursor < characters.count, characters[cursor] == character { cursor += 1 }
            return cursor - position
        }

        /// Whether `position` starts a blank line (so a span must not continue past it).
        func startsParagraphBreak(_ position: Int) -> Bool {
            characters[position] == "\n" && position + 1 < characters.count && isBlankLine(at: position + 1)
        }

        mutating func scanCodeSpan() {
            let length = runLength(of: "`", at: index)
            var cursor = index + length
            while cursor < characters.count {
                if startsParagraphBreak(cursor) { break }
                if characters[cursor] == "`" {
                    let closing = runLength(of: "`", at: cursor)
                    if closing == length {
                        append(characters[index..<cursor + closing])
                        index = cursor + closing
                        return
                    }
                    cursor += closing
                } else {
                    cursor += 1
                }
            }
            append(characters[index..<index + length])
            index += length
        }

        mutating func scanMath() {
            if index + 1 < characters.count, characters[index + 1] == "$" {
                scanDisplayMath()
            } else {
                scanInlineMath()
            }
        }

        mutating func scanDisplayMath() {
            // A `$$` alone on its line opens a math block that may contain blank lines, as in Typora, where
            // teachers write their notes; a `$$` within text must close before a blank line.
            let opensBlock = currentLinePrefix() != nil && isBlankLine(at: index + 2)
            var cursor = index + 2
            while cursor + 1 < characters.count {
                if characters[cursor] == "\\" {
                    cursor += 2
                    continue
                }
                if !opensBlock, startsParagraphBreak(cursor) { break }
                if characters[cursor] == "$", characters[cursor + 1] == "$" {
                    let tex = Self.removingBlankLines(
                        Self.removingQuoteMarkers(String(characters[index + 2..<cursor]), depth: quoteDepth())
                    ).trimmingCharacters(in: .whitespacesAndNewlines)
                    let startLine = line
                    let prefix = currentLinePrefix()
                    emit(.displayMath(tex, linePrefix: prefix), line: startLine)
                    line += characters[index..<cursor + 2].filter { $0 == "\n" }.count
                    bufferLine = line
                    index = cursor + 2
                    return
                }
                cursor += 1
            }
            appendLiteralDollars(2)
            index += 2
        }

        /// How many block quotes the current line is in: the `>` markers at its start.
        func quoteDepth() -> Int {
            var start = index
            while start > 0, characters[start - 1] != "\n" { start -= 1 }
            return characters[start..<index].prefix { $0 == " " || $0 == ">" }.filter { $0 == ">" }.count
        }

        /// A formula that continues over lines of a block quote carries the quote's `>` markers on each of them;
        /// they belong to the Markdown, not to the TeX.
        static func removingQuoteMarkers(_ tex: String, depth: Int) -> String {
            guard depth > 0, tex.contains("\n") else { return tex }
            let lines = tex.split(separator: "\n", omittingEmptySubsequences: false)
            let continued = lines.dropFirst().map { line -> Substring in
                var rest = line
                for _ in 0..<depth {
                    let trimmed = rest.drop { $0 == " " }
                    guard trimmed.first == ">" else { break }
                    rest = trimmed.dropFirst()
                    if rest.first == " " { rest = rest.dropFirst() }
                }
                return rest
            }
            return ([lines[0]] + continued).joined(separator: "\n")
        }

        /// Blank lines mean nothing inside a formula (TeX rejects them in math mode) but would end a Markdown
        /// block around it.
        static func removingBlankLines(_ tex: String) -> String {
            tex.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.allSatisfy(\.isWhitespace) }
                .joined(separator: "\n")
        }

        /// The text between the last newline and the current position, if it is only spaces and `>`.
        func currentLinePrefix() -> String? {
            var start = index
            while start > 0, characters[start - 1] != "\n" { start -= 1 }
            let prefix = characters[start..<index]
            return prefix.allSatisfy { $0 == " " || $0 == ">" } ? String(prefix) : nil
        }

        mutating func scanInlineMath() {
            let opening = index
            guard opening + 1 < characters.count, !characters[opening + 1].isWhitespace else {
                appendLiteralDollars(1)
                index += 1
                return
            }
            var cursor = opening + 1
            while cursor < characters.count {
                let character = characters[cursor]
                if character == "\\" {
                    cursor += 2
                    continue
                }
                if startsParagraphBreak(cursor) { break }
                if character == "$" {
                    let closes = !characters[cursor - 1].isWhitespace
                        && (cursor + 1 == characters.count || !("0"..."9").contains(characters[cursor + 1]))
                    if closes {
                        let source = String(characters[opening + 1..<cursor])
                        emit(.inlineMath(Self.removingQuoteMarkers(source, depth: quoteDepth())), line: line)
                        line += source.filter { $0 == "\n" }.count
                        bufferLine = line
                        index = cursor + 1
                        return
                    }
                    break
                }
                cursor += 1
            }
            appendLiteralDollars(1)
            index += 1
        }

        /// A `$` that opens no formula is escaped, so no Markdown renderer with math support (GitHub's) can pair it
        /// with a later one; `\$` renders as `$` everywhere.
        mutating func appendLiteralDollars(_ count: Int) {
            for _ in 0..<count { append(Array("\\$")[...]) }
        }

        /// `\eqref{name}` or `\ref{name}` at `index`, as LaTeX and Typora write references in text.
        mutating func scanEquationReference() -> Bool {
            for (command, form) in [("\\eqref{", EquationReferenceForm.parenthesized), ("\\ref{", .bare)] {
                let marker = Array(command)
                let end = index + marker.count
                guard end <= characters.count, Array(characters[index..<end]) == marker,
                      let close = characters[end...].firstIndex(of: "}"), close > end,
                      !characters[end..<close].contains("\n") else { continue }
                emit(.equationReference(name: String(characters[end..<close]).trimmingCharacters(in: .whitespaces),
                                        form: form), line: line)
                index = close + 1
                return true
            }
            return false
        }

        mutating func scanReference() {
            let follows = index > 0 ? characters[index - 1] : " "
            // Only ASCII word characters make an e-mail address; Chinese text puts `@fig:` right after a word.
            guard !(Self.isLetterOrDigit(follows) || follows == "_") else {
                append("@")
                index += 1
                return
            }
            for kind in [ReferenceKind.figure, .table, .section] {
                let marker = Array(kind.rawValue + ":")
                let markerEnd = index + 1 + marker.count
                guard markerEnd <= characters.count, Array(characters[index + 1..<markerEnd]) == marker else { continue }
                var cursor = markerEnd
                while cursor < characters.count, Self.isNameCharacter(characters[cursor]) { cursor += 1 }
                while cursor > markerEnd, !Self.isLetterOrDigit(characters[cursor - 1]) { cursor -= 1 }
                guard cursor > markerEnd else { continue }
                emit(.reference(kind, name: String(characters[markerEnd..<cursor])), line: line)
                index = cursor
                return
            }
            let marker = Array("eq:")
            let markerEnd = index + 1 + marker.count
            if markerEnd <= characters.count, Array(characters[index + 1..<markerEnd]) == marker {
                var cursor = markerEnd
                while cursor < characters.count, Self.isNameCharacter(characters[cursor]) || characters[cursor] == ":" {
                    cursor += 1
                }
                while cursor > markerEnd, !Self.isLetterOrDigit(characters[cursor - 1]) { cursor -= 1 }
                if cursor > markerEnd {
                    emit(.equationReference(name: String(characters[markerEnd..<cursor]), form: .named), line: line)
                    index = cursor
                    return
                }
            }
            append("@")
            index += 1
        }

        static func isLetterOrDigit(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber)
        }

        static func isNameCharacter(_ character: Character) -> Bool {
            isLetterOrDigit(character) || character == "-" || character == "_"
        }
    }
}
