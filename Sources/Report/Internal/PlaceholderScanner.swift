import Foundation

/// Finds the `{{kind: name}}` placeholders of Markdown prose: where a handout places a figure, table, snippet
/// or part (on a line of its own) or a computed value (anywhere, inside math too).
///
/// Double braces mean nothing to CommonMark or GitHub and nothing usual to TeX (`{{x}}` is a group in a group;
/// only `{{word: …}}` is taken), so a placeholder cannot collide with Markdown or with `$…$` math. Like
/// ``ProseScanner``, the scanner leaves alone what must stay literal: backslash escapes (`\{{value: x}}`
/// writes the braces), code spans and fenced code blocks.
enum PlaceholderScanner {
    /// What a placeholder places.
    enum Kind: String, CaseIterable {
        case figure, table, value, part, snippet

        /// Whether it places a block, which must stand on a line of its own.
        var isBlock: Bool { self != .value }
    }

    /// One `{{word: name}}`; `kind` is `nil` when `word` is not one of ``Kind``.
    struct Placeholder: Equatable {
        var word: String
        var kind: Kind? { Kind(rawValue: word) }
        var name: String
        /// The placeholder's characters, `{{` to `}}`, as offsets in the scanned text's characters.
        var range: Range<Int>
        /// 1-based line and column (in characters) in the scanned text.
        var line: Int
        var column: Int
    }

    /// A placeholder whose name is not a valid name, e.g. `{{value: final loss}}`.
    struct Malformed: Error, Equatable {
        var text: String
        var line: Int
        var column: Int
    }

    /// Scans `text`.
    /// - Parameter text: Markdown prose.
    /// - Returns: the placeholders in order.
    /// - Throws: ``Malformed`` for `{{kind: …}}` of a known kind whose name is not a name.
    static func scan(_ text: String) throws -> [Placeholder] {
        let characters = Array(text)
        var placeholders: [Placeholder] = []
        var index = 0
        var line = 1
        var lineStart = 0
        func advance(to end: Int) {
            while index < min(end, characters.count) {
                if characters[index] == "\n" {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
        }
        while index < characters.count {
            if index == lineStart, let fenceEnd = fencedCodeEnd(characters, from: index) {
                advance(to: fenceEnd)
                continue
            }
            switch characters[index] {
            case "\\":
                advance(to: index + 2)
            case "`":
                advance(to: codeSpanEnd(characters, from: index))
            case "{" where index + 1 < characters.count && characters[index + 1] == "{":
                if let (placeholder, end) = try placeholder(characters, at: index, line: line,
                                                            column: index - lineStart + 1) {
                    placeholders.append(placeholder)
                    advance(to: end)
                } else {
                    advance(to: index + 1)
                }
            default:
                advance(to: index + 1)
            }
        }
        return placeholders
    }

    /// The placeholder opening at `start` (on `{{`), and the offset just past it.
    private static func placeholder(
        _ characters: [Character], at start: Int, line: Int, column: Int
    ) throws -> (Placeholder, Int)? {
        var cursor = start + 2
        func skipSpaces() { while cursor < characters.count, characters[cursor] == " " { cursor += 1 } }
        skipSpaces()
        let wordStart = cursor
        while cursor < characters.count, characters[cursor].isASCII, characters[cursor].isLetter { cursor += 1 }
        let word = String(characters[wordStart..<cursor])
        skipSpaces()
        guard !word.isEmpty, cursor < characters.count, characters[cursor] == ":" else { return nil }
        cursor += 1
        guard let close = (cursor..<max(cursor, characters.count - 1)).first(where: {
            characters[$0] == "}" && characters[$0 + 1] == "}" || characters[$0] == "\n"
        }), characters[close] == "}" else {
            if Kind(rawValue: word) == nil { return nil }
            throw Malformed(text: String(characters[start..<min(characters.count, start + 40)]), line: line, column: column)
        }
        let name = String(characters[cursor..<close]).trimmingCharacters(in: .whitespaces)
        let end = close + 2
        guard isName(name) else {
            if Kind(rawValue: word) == nil { return nil }
            throw Malformed(text: String(characters[start..<end]), line: line, column: column)
        }
        return (Placeholder(word: word, name: name, range: start..<end, line: line, column: column), end)
    }

    /// Names are what file names and HTML ids allow everywhere: ASCII letters, digits, `-` and `_`.
    static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// If a fenced code block (```` ``` ```` or `~~~`, up to three spaces in) opens at this line start, the
    /// offset just past its closing fence line (or the end of the text).
    private static func fencedCodeEnd(_ characters: [Character], from start: Int) -> Int? {
        func fence(at position: Int) -> (character: Character, length: Int)? {
            var cursor = position
            while cursor < characters.count, characters[cursor] == " ", cursor - position < 4 { cursor += 1 }
            guard cursor - position <= 3, cursor < characters.count, "`~".contains(characters[cursor]) else { return nil }
            let character = characters[cursor]
            let length = characters[cursor...].prefix { $0 == character }.count
            return length >= 3 ? (character, length) : nil
        }
        func nextLine(after position: Int) -> Int {
            (characters[position...].firstIndex(of: "\n") ?? characters.count - 1) + 1
        }
        guard let opening = fence(at: start) else { return nil }
        var cursor = nextLine(after: start)
        while cursor < characters.count {
            if let closing = fence(at: cursor), closing.character == opening.character, closing.length >= opening.length {
                return nextLine(after: cursor)
            }
            cursor = nextLine(after: cursor)
        }
        return characters.count
    }

    /// The offset just past the code span opening at `start`, or past its backticks when it never closes
    /// (within its paragraph).
    private static func codeSpanEnd(_ characters: [Character], from start: Int) -> Int {
        let length = characters[start...].prefix { $0 == "`" }.count
        var cursor = start + length
        while cursor < characters.count {
            if characters[cursor] == "\n", characters[(cursor + 1)...].prefix(while: { $0 != "\n" }).allSatisfy(\.isWhitespace) {
                break
            }
            if characters[cursor] == "`" {
                let run = characters[cursor...].prefix { $0 == "`" }.count
                if run == length { return cursor + run }
                cursor += run
            } else {
                cursor += 1
            }
        }
        return start + length
    }
}
