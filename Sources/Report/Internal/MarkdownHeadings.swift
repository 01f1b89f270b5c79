/// Moves the ATX headings (`#`, `##`, …) of included Markdown to the depth where the file is included, so a
/// teacher's `# Topic` inside section 2 becomes a heading below section 2's, never a second document title.
enum MarkdownHeadings {
    /// Shifts every ATX heading outside fenced code so the shallowest one gets `topLevel` hashes.
    /// - Parameters:
    ///   - markdown: the included text.
    ///   - topLevel: the heading level (1–6) the file's shallowest heading should get.
    /// - Returns: the text with headings deepened (never made shallower), capped at level 6.
    static func shifted(_ markdown: String, topLevel: Int) -> String {
        var lines = markdown.components(separatedBy: "\n")
        let headingLines = headingLineIndices(lines)
        guard let shallowest = headingLines.map({ level(of: lines[$0]) ?? 6 }).min() else { return markdown }
        let offset = max(0, topLevel - shallowest)
        guard offset > 0 else { return markdown }
        for index in headingLines {
            let line = lines[index]
            let indentation = line.prefix { $0 == " " }
            let rest = line.dropFirst(indentation.count)
            let hashes = rest.prefix { $0 == "#" }.count
            lines[index] = indentation + String(repeating: "#", count: min(6, hashes + offset)) + rest.dropFirst(hashes)
        }
        return lines.joined(separator: "\n")
    }

    /// A run of lines of included Markdown: text, or one ATX heading.
    enum Part: Equatable {
        /// Lines between headings; `firstLine` is the 1-based line number of the first in the file.
        case text(String, firstLine: Int)
        /// A heading line, its title without the `#`s (and without a closing `#` sequence).
        case heading(level: Int, title: String, line: Int)
    }

    /// Splits Markdown at its ATX headings outside fenced code, so each heading can become a block of its own
    /// (with an id, listed in the table of contents). Text parts keep their line breaks; empty ones are dropped.
    /// - Note: An ATX heading always ends a paragraph, list or quote in CommonMark, so cutting the text there
    ///   changes nothing else; link reference definitions only apply within their part.
    static func parts(_ markdown: String) -> [Part] {
        let lines = markdown.components(separatedBy: "\n")
        var parts: [Part] = []
        var start = 0
        func appendText(upTo end: Int) {
            let text = lines[start..<end].joined(separator: "\n")
            if !text.allSatisfy(\.isWhitespace) { parts.append(.text(text, firstLine: start + 1)) }
        }
        for index in headingLineIndices(lines) {
            appendText(upTo: index)
            let line = lines[index]
            let hashes = line.drop { $0 == " " }.prefix { $0 == "#" }.count
            parts.append(.heading(level: hashes, title: title(of: line), line: index + 1))
            start = index + 1
        }
        appendText(upTo: lines.count)
        return parts
    }

    /// The text of an ATX heading line: after the opening `#`s, trimmed, without an optional closing sequence
    /// of `#`s that follows a space (`## Title ##` → `Title`).
    static func title(of line: String) -> String {
        var text = Substring(line.drop { $0 == " " }.drop { $0 == "#" })
        text = text.drop { $0 == " " || $0 == "\t" }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let before = text.dropLast(closing)
            if before.isEmpty || before.last == " " || before.last == "\t" {
                text = before
                while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
            }
        }
        return String(text)
    }

    /// The level of an ATX heading line (up to three spaces, 1–6 `#`, then a space or the end), or `nil`.
    static func level(of line: String) -> Int? {
        let indentation = line.prefix { $0 == " " }.count
        guard indentation <= 3 else { return nil }
        let rest = line.dropFirst(indentation)
        let hashes = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let after = rest.dropFirst(hashes).first
        return after == nil || after == " " || after == "\t" ? hashes : nil
    }

    private static func headingLineIndices(_ lines: [String]) -> [Int] {
        let code = fencedCodeLineIndices(lines)
        return lines.indices.filter { !code.contains($0) && level(of: lines[$0]) != nil }
    }

    /// The indices of the lines of fenced code blocks, fences included (an unclosed fence runs to the end).
    static func fencedCodeLineIndices(_ lines: [String]) -> Set<Int> {
        var result: Set<Int> = []
        var openFence: (character: Character, length: Int)?
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if line.count - trimmed.count <= 3, let first = trimmed.first, first == "`" || first == "~" {
                let length = trimmed.prefix { $0 == first }.count
                if length >= 3 {
                    if let fence = openFence {
                        if fence.character == first, length >= fence.length,
                           trimmed.dropFirst(length).allSatisfy({ $0 == " " || $0 == "\t" }) {
                            openFence = nil
                        }
                    } else {
                        openFence = (first, length)
                    }
                    result.insert(index)
                    continue
                }
            }
            if openFence != nil { result.insert(index) }
        }
        return result
    }
}
