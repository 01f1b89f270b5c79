/// The YAML front matter of a document's Markdown file (`---` on the first line up to `---` or `...`, as
/// Typora, Jekyll and Pandoc write it): the title block's keys, each a one-line scalar.
///
/// Only `key: value` lines at the start of a line are read, with the value plain (`author: 王老师`, a ` #` starts
/// a comment), in double quotes (`"a \"b\""`, escapes `\"` `\\` `\n` `\t`) or in single quotes (`'it''s'`).
/// Blank and `#` lines are skipped, indented lines (a list or map under a key) belong to the key above. Keys
/// other than the known ones are warnings, not errors: Typora and Pandoc files carry their own (`tags:`,
/// `typora-root-url:`), and a misspelt `auther:` should be seen without failing the run.
struct MarkdownFrontMatter {
    /// The keys read, in the order the title block shows them.
    static let keys = ["title", "subtitle", "author", "course", "date"]

    /// A key's value and the line (1-based, in the file) that gives it.
    struct Entry: Equatable {
        var value: String
        var line: Int
    }

    /// Values by key; an empty value (`date:`) counts as not given.
    var entries: [String: Entry] = [:]
    /// Messages about unknown keys and lines that are not `key: value`, naming file and line.
    var warnings: [String] = []
    /// The index of the closing `---` line, nil when the file has no front matter.
    var closingLine: Int?

    /// Reads the front matter at the top of `lines`, if there is one.
    /// - Throws: ``ReportError`` naming file and line for a key given twice or a quote that is not closed.
    init(lines: [String], file: String) throws {
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces)) })
        else { return }
        closingLine = end
        var seen: [String: Int] = [:]
        for index in 1..<end {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || line.first == " " || line.first == "\t" { continue }
            let number = index + 1
            guard let colon = line.firstIndex(of: ":") else {
                warnings.append("\(file):\(number): front matter line '\(trimmed)' is not 'key: value'; it is ignored")
                continue
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            if let previous = seen[key] {
                throw ReportError("\(file):\(number): front matter key '\(key)' is given twice (first on line \(previous))")
            }
            seen[key] = number
            guard Self.keys.contains(key) else {
                let suggestion = NameSuggestion.closest(to: key, in: Self.keys).map { " (did you mean '\($0)'?)" } ?? ""
                warnings.append("\(file):\(number): unknown front matter key '\(key)'\(suggestion) is ignored; the "
                    + "keys read are " + Self.keys.joined(separator: ", "))
                continue
            }
            let value = try Self.scalar(String(line[line.index(after: colon)...]), file: file, line: number)
            if !value.isEmpty { entries[key] = Entry(value: value, line: number) }
        }
    }

    /// The text of a one-line YAML scalar: plain, "double-quoted" or 'single-quoted'.
    static func scalar(_ text: String, file: String, line: Int) throws -> String {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard let quote = value.first, quote == "\"" || quote == "'" else {
            // A plain scalar ends where ' #' starts a comment.
            let end = value.range(of: " #")?.lowerBound ?? value.endIndex
            return value[..<end].trimmingCharacters(in: .whitespaces)
        }
        var result = ""
        var index = value.index(after: value.startIndex)
        while index < value.endIndex {
            let character = value[index]
            let next = value.index(after: index)
            if character == quote {
                if quote == "'", next < value.endIndex, value[next] == "'" {
                    result.append("'")
                    index = value.index(after: next)
                    continue
                }
                let rest = value[next...].trimmingCharacters(in: .whitespaces)
                guard rest.isEmpty || rest.hasPrefix("#") else {
                    throw ReportError("\(file):\(line): front matter value \(value) has text after its closing quote")
                }
                return result
            }
            if quote == "\"", character == "\\", next < value.endIndex {
                switch value[next] {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "\"", "\\", "/": result.append(value[next])
                default:
                    throw ReportError("\(file):\(line): front matter value \(value) has the escape '\\\(value[next])', "
                        + "which is not one of \\\" \\\\ \\n \\t")
                }
                index = value.index(after: next)
                continue
            }
            result.append(character)
            index = next
        }
        throw ReportError("\(file):\(line): front matter value \(value) has no closing \(quote)")
    }
}
