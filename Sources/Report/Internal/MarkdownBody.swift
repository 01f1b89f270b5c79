import Foundation

/// Turns the Markdown file of a document made with ``Document/init(title:markdown:subtitle:author:course:date:language:seed:includesReproducibilityAppendix:parts:)``
/// into the document's blocks: headings become sections, placements become the named blocks of the builder,
/// the text between them prose. Numbering then follows the file, since the resolver numbers what it meets in
/// order.
///
/// Everything here is cheap string work on one file: a prose edit re-runs only this and the writers.
struct MarkdownBody {
    /// The title from the file's front matter or `# Title` line, when the document takes it from there.
    var title: String?
    /// The document's title block with what the front matter gives (`subtitle:`, `author:`, `course:`, `date:`).
    var titleBlock: TitleBlock
    /// The sections, prose, placed blocks and (writing nothing) the values.
    var nodes: [DocumentNode]
    /// Captions written below placements, by `kind:name`, so messages about them name the file and line.
    var captions: [String: MarkdownText]
    /// Headings that carry a number of their own, which the report's numbering would double.
    var warnings: [String] = []

    /// The named blocks of a document's builder.
    struct Parts {
        var figures: [String: FigureBlock] = [:]
        var tables: [String: TableContent] = [:]
        var snippets: [String: Snippet] = [:]
        var parts: [String: Part] = [:]
        var values: [DocumentNode] = []
        var valueNames: Set<String> = []

        func names(of kind: PlaceholderScanner.Kind) -> [String] {
            switch kind {
            case .figure: return Array(figures.keys)
            case .table: return Array(tables.keys)
            case .snippet: return Array(snippets.keys)
            case .part: return Array(parts.keys)
            case .value: return Array(valueNames)
            }
        }
    }

    /// Assembles the body.
    /// - Parameters:
    ///   - markdown: the file's text.
    ///   - file: the file as messages name it.
    ///   - parts: the builder's blocks, flattened (groups opened, language-dependent blocks made).
    ///   - titleFromFile: whether the title comes from the file (`Document(title:)` was nil).
    ///   - titleBlock: subtitle, author, course and date given in Swift; a key given there and in the front
    ///     matter too is an error, like a caption given twice.
    /// - Throws: ``ReportError`` naming file, line and column.
    init(markdown: String, file: String, parts builderNodes: [DocumentNode], titleFromFile: Bool,
         titleBlock: TitleBlock = TitleBlock()) throws {
        let parts = try Self.collect(builderNodes)
        var lines = markdown.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        // Typora's `[toc]` line asks for a table of contents, which the HTML always has; GitHub shows it as text.
        for index in lines.indices where ["[toc]", "[TOC]"].contains(lines[index].trimmingCharacters(in: .whitespaces)) {
            lines[index] = ""
        }
        let frontMatter = try MarkdownFrontMatter(lines: lines, file: file)
        if let end = frontMatter.closingLine {
            // Blanked, not removed, so line numbers in messages stay those of the file.
            for index in 0...end { lines[index] = "" }
        }
        self.titleBlock = try Self.merging(frontMatter, into: titleBlock, titleFromFile: titleFromFile, file: file)
        var firstBodyLine = 0
        if titleFromFile, let frontMatterTitle = frontMatter.entries["title"]?.value {
            title = frontMatterTitle
        } else if titleFromFile {
            guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
                  MarkdownHeadings.level(of: lines[first]) == 1 else {
                throw ReportError("\(file):1:1: the document has no title: start the file with a '# Title' line "
                    + "or give Document(title:)")
            }
            title = MarkdownHeadings.title(of: lines[first])
            lines[first] = ""
            firstBodyLine = first + 1
        }
        var assembler = Assembler(file: file, lines: lines, parts: parts)
        try assembler.run(from: firstBodyLine)
        nodes = assembler.finish() + parts.values
        captions = assembler.captions
        warnings = frontMatter.warnings + assembler.warnings
    }

    /// The title block with the front matter's keys added; a key that Swift gives too is an error.
    private static func merging(_ frontMatter: MarkdownFrontMatter, into swift: TitleBlock, titleFromFile: Bool,
                                file: String) throws -> TitleBlock {
        var block = swift
        let fields: [(key: String, path: WritableKeyPath<TitleBlock, String?>)] = [
            ("subtitle", \.subtitle), ("author", \.author), ("course", \.course), ("date", \.date),
        ]
        if !titleFromFile, let entry = frontMatter.entries["title"] {
            throw ReportError("\(file):\(entry.line): the title is given in Swift (Document(title:)) and here; keep one")
        }
        for (key, path) in fields {
            guard let entry = frontMatter.entries[key] else { continue }
            if swift[keyPath: path] != nil {
                throw ReportError("\(file):\(entry.line): '\(key)' is given in Swift (Document(\(key):)) and here; keep one")
            }
            block[keyPath: path] = entry.value
        }
        return block
    }

    /// Sorts the builder's blocks by kind and name; anything without a name cannot be placed.
    private static func collect(_ nodes: [DocumentNode]) throws -> Parts {
        var parts = Parts()
        func checkNew(_ name: String, _ kind: String, in names: some Collection<String>) throws {
            guard PlaceholderScanner.isName(name) else {
                throw ReportError("\(kind) name '\(name)' is not valid: use ASCII letters, digits, '-' and '_'")
            }
            guard !names.contains(name) else {
                throw ReportError("two \(kind)s are named '\(name)'; \(kind) names must be unique")
            }
        }
        for node in nodes {
            switch node.kind {
            case .figure(let figure):
                try checkNew(figure.name, "figure", in: parts.figures.keys)
                parts.figures[figure.name] = figure
            case .table(let table):
                guard let name = table.name else {
                    throw ReportError("a table without a name cannot be placed from the document's Markdown")
                }
                try checkNew(name, "table", in: parts.tables.keys)
                parts.tables[name] = table
            case .snippet(let snippet):
                try checkNew(snippet.name, "snippet", in: parts.snippets.keys)
                parts.snippets[snippet.name] = snippet
            case .part(let part):
                try checkNew(part.name, "part", in: parts.parts.keys)
                parts.parts[part.name] = part
            case .value(let value):
                parts.valueNames.insert(value.name)
                parts.values.append(node)
            case .section, .prose, .callout, .metrics, .include, .markdownSection, .markdownText:
                throw ReportError("the document's text is its Markdown file, so its Swift only names parts; "
                    + "put this \(Self.describe(node)) inside Part(\"name\") { … } and place it with {{part: name}}")
            case .group, .localized:
                preconditionFailure("groups are flattened before assembly")
            }
        }
        return parts
    }

    private static func describe(_ node: DocumentNode) -> String {
        switch node.kind {
        case .section(let title, _): return "Section(\"\(title)\")"
        case .prose: return "Prose"
        case .callout: return "Callout"
        case .metrics: return "MetricsSummary"
        case .include(let include): return "Include(\"\(include.path)\")"
        default: return "block"
        }
    }

    /// The message for `{{word: name}}` whose word is not a kind.
    static func unknownKind(_ placeholder: PlaceholderScanner.Placeholder) -> String {
        let kinds = PlaceholderScanner.Kind.allCases.map(\.rawValue)
        let suggestion = NameSuggestion.closest(to: placeholder.word, in: kinds).map { " (did you mean '\($0)'?)" } ?? ""
        return "unknown placeholder '{{\(placeholder.word): \(placeholder.name)}}'\(suggestion); the kinds are "
            + kinds.joined(separator: ", ")
    }

    /// The message for a name the document does not define, with the likeliest intended name.
    static func unknownName(_ name: String, of kind: PlaceholderScanner.Kind, known: [String],
                            otherKinds: [(PlaceholderScanner.Kind, [String])]) -> String {
        var message = "no \(kind.rawValue) named '\(name)'"
        if let suggestion = NameSuggestion.closest(to: name, in: known) {
            message += " (did you mean '\(suggestion)'?)"
        } else if let other = otherKinds.first(where: { $0.1.contains(name) }) {
            message += " (a \(other.0.rawValue) has that name: {{\(other.0.rawValue): \(name)}})"
        } else if known.isEmpty {
            message += "; the document names no \(kind.rawValue)s"
        } else if known.count <= 12 {
            message += "; its \(kind.rawValue)s are " + known.sorted().map { "'\($0)'" }.joined(separator: ", ")
        }
        return message
    }

    /// Walks the file's lines, building sections as it meets headings.
    private struct Assembler {
        let file: String
        let lines: [String]
        let parts: Parts
        var captions: [String: MarkdownText] = [:]
        var warnings: [String] = []
        /// Open sections, outermost first; the first is the document itself (level 0).
        private var stack: [(level: Int, heading: MarkdownText?, children: [DocumentNode])] = [(0, nil, [])]
        private var textStart = 0
        private var placed: [String: Int] = [:]

        init(file: String, lines: [String], parts: Parts) {
            self.file = file
            self.lines = lines
            self.parts = parts
        }

        mutating func run(from start: Int) throws {
            let code = MarkdownHeadings.fencedCodeLineIndices(lines)
            let placements = try blockPlacements()
            textStart = start
            var index = start
            while index < lines.count {
                let line = lines[index]
                if code.contains(index) {
                    index += 1
                } else if let level = MarkdownHeadings.level(of: line) {
                    flushText(upTo: index)
                    openSection(level: level, line: index)
                    index += 1
                    textStart = index
                } else if let placement = placements[index] {
                    flushText(upTo: index)
                    let captionEnd = paragraphEnd(from: index + 1, placements: placements)
                    try place(placement, captionLines: index + 1..<captionEnd)
                    index = captionEnd
                    textStart = index
                } else if let kind = Self.calloutKind(of: line) {
                    flushText(upTo: index)
                    var end = index + 1
                    while end < lines.count, lines[end].drop(while: { $0 == " " }).first == ">" { end += 1 }
                    let body = lines[index + 1..<end].map { line -> String in
                        var rest = line.drop { $0 == " " }.dropFirst()
                        if rest.first == " " { rest = rest.dropFirst() }
                        return String(rest)
                    }
                    var text = MarkdownText(text: body.joined(separator: "\n"), file: file, firstLine: index + 2,
                                            columnOffset: 2)
                    text.calloutKind = kind
                    stack[stack.count - 1].children.append(.init(kind: .markdownText(text)))
                    index = end
                    textStart = index
                } else {
                    index += 1
                }
            }
            flushText(upTo: lines.count)
            let unplaced = PlaceholderScanner.Kind.allCases.filter(\.isBlock).flatMap { kind in
                parts.names(of: kind).filter { placed["\(kind.rawValue):\($0)"] == nil }.sorted()
                    .map { "{{\(kind.rawValue): \($0)}}" }
            }
            guard unplaced.isEmpty else {
                throw ReportError("\(file): the experiment makes blocks the file never places: "
                    + unplaced.joined(separator: ", ") + "; place each on a line of its own or remove it from the Swift")
            }
        }

        mutating func finish() -> [DocumentNode] {
            while stack.count > 1 { closeSection() }
            return stack[0].children
        }

        /// `> [!NOTE]` or `> [!WARNING]` alone on its line opens a GitHub alert.
        private static func calloutKind(of line: String) -> Callout.Kind? {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.first == ">" else { return nil }
            switch trimmed.dropFirst().trimmingCharacters(in: .whitespaces).uppercased() {
            case "[!NOTE]": return .note
            case "[!WARNING]": return .warning
            default: return nil
            }
        }

        /// Block placements by line index; a block placeholder that shares its line with text is an error.
        private func blockPlacements() throws -> [Int: PlaceholderScanner.Placeholder] {
            let text = lines.joined(separator: "\n")
            let found: [PlaceholderScanner.Placeholder]
            do {
                found = try PlaceholderScanner.scan(text)
            } catch let malformed as PlaceholderScanner.Malformed {
                throw ReportError("\(file):\(malformed.line):\(malformed.column): '\(malformed.text)' is not a "
                    + "placeholder: a name is ASCII letters, digits, '-' and '_'")
            }
            var result: [Int: PlaceholderScanner.Placeholder] = [:]
            // Every mistake of the file at once, one line each, as a compiler lists its errors.
            var problems: [String] = []
            let characters = Array(text)
            for placeholder in found {
                let location = "\(file):\(placeholder.line):\(placeholder.column)"
                guard let kind = placeholder.kind else {
                    problems.append("\(location): " + MarkdownBody.unknownKind(placeholder))
                    continue
                }
                guard parts.names(of: kind).contains(placeholder.name) else {
                    let others = PlaceholderScanner.Kind.allCases.filter { $0 != kind }.map { ($0, parts.names(of: $0)) }
                    problems.append("\(location): " + MarkdownBody.unknownName(
                        placeholder.name, of: kind, known: parts.names(of: kind), otherKinds: others))
                    continue
                }
                guard kind.isBlock else { continue }
                let line = lines[placeholder.line - 1]
                let lineText = String(characters[placeholder.range])
                guard line.trimmingCharacters(in: .whitespaces) == lineText, placeholder.column <= 4 else {
                    problems.append("\(location): {{\(kind.rawValue): \(placeholder.name)}} places a block, so it must "
                        + "stand on a line of its own (not indented); refer to it in text with "
                        + "@\(kind == .table ? "tab" : "fig"):name")
                    continue
                }
                result[placeholder.line - 1] = placeholder
            }
            guard problems.isEmpty else { throw ReportError(problems.joined(separator: "\n")) }
            return result
        }

        /// The index of the first line at or after `start` that ends a caption: blank, a heading or a placement.
        private func paragraphEnd(from start: Int, placements: [Int: PlaceholderScanner.Placeholder]) -> Int {
            var end = start
            while end < lines.count, !lines[end].allSatisfy(\.isWhitespace), MarkdownHeadings.level(of: lines[end]) == nil,
                  placements[end] == nil {
                end += 1
            }
            return end
        }

        private mutating func place(_ placeholder: PlaceholderScanner.Placeholder, captionLines: Range<Int>) throws {
            let kind = placeholder.kind!, name = placeholder.name
            let location = "\(file):\(placeholder.line):\(placeholder.column)"
            let key = "\(kind.rawValue):\(name)"
            if let earlier = placed[key] {
                throw ReportError("\(location): \(kind.rawValue) '\(name)' is already placed on line \(earlier); "
                    + "a block stands once in a document (refer to it elsewhere)")
            }
            placed[key] = placeholder.line
            let caption = captionLines.isEmpty ? nil : MarkdownText(
                text: lines[captionLines].joined(separator: "\n"), file: file, firstLine: captionLines.lowerBound + 1)
            func checkSingleCaption(_ swiftCaption: String?) throws {
                guard caption != nil, let swiftCaption, !swiftCaption.isEmpty else { return }
                throw ReportError("\(file):\(captionLines.lowerBound + 1): \(kind.rawValue) '\(name)' has a caption in "
                    + "Swift and one here; keep one (a caption here needs FigureBlock(name:_:) / Table(name:rows:columns:))")
            }
            let node: DocumentNode
            switch kind {
            case .figure:
                let figure = parts.figures[name]!
                try checkSingleCaption(figure.caption)
                node = caption.map { caption in
                    FigureBlock(name: name, caption: caption.text, pixelsPerPoint: figure.pixelsPerPoint, png: figure.render)
                }?.documentNode ?? figure.documentNode
            case .table:
                var table = parts.tables[name]!
                try checkSingleCaption(table.caption)
                if let caption { table.caption = caption.text }
                node = DocumentNode(kind: .table(table))
            case .snippet:
                let snippet = parts.snippets[name]!
                try checkSingleCaption(snippet.caption)
                node = Snippet(name, file: snippet.file, caption: caption?.text ?? snippet.caption).documentNode
            case .part:
                if caption != nil {
                    throw ReportError("\(file):\(captionLines.lowerBound + 1): a part has no caption; leave a blank "
                        + "line after {{part: \(name)}}")
                }
                node = DocumentNode(kind: .group(parts.parts[name]!.children))
            case .value:
                preconditionFailure("values are not blocks")
            }
            if let caption { captions[key] = caption }
            stack[stack.count - 1].children.append(node)
        }

        private mutating func flushText(upTo end: Int) {
            guard textStart < end else { return }
            let text = lines[textStart..<end].joined(separator: "\n")
            if !text.allSatisfy(\.isWhitespace) {
                stack[stack.count - 1].children.append(
                    .init(kind: .markdownText(MarkdownText(text: text, file: file, firstLine: textStart + 1))))
            }
        }

        private mutating func openSection(level: Int, line index: Int) {
            while stack.count > 1, stack[stack.count - 1].level >= level { closeSection() }
            let line = lines[index]
            var title = MarkdownHeadings.title(of: line)
            let offset = line.count - line.drop(while: { $0 == " " }).drop(while: { $0 == "#" })
                .drop(while: { $0 == " " || $0 == "\t" }).count
            var heading = MarkdownText(text: title, file: file, firstLine: index + 1, columnOffset: offset)
            // `## Title {#name}` (Pandoc's heading identifier) names the section for `@sec:name`.
            if title.hasSuffix("}"), let open = title.range(of: " {#", options: .backwards),
               PlaceholderScanner.isName(String(title[open.upperBound...].dropLast())) {
                heading.sectionName = String(title[open.upperBound...].dropLast())
                title = String(title[..<open.lowerBound])
                heading.text = title
            }
            // Notes written by hand number their headings ("1.1 核心思想", "二、MP 模型"); the report numbers
            // sections itself, so such a heading would read "1.1 1.1 核心思想". (One or two digits: "2025 年" is
            // a year, not a section.)
            if let number = Self.ownNumber(of: title) {
                warnings.append("\(file):\(index + 1): the heading '\(title)' has a number of its own; the report numbers "
                    + "sections itself, so remove '\(number)'")
            }
            stack.append((level, heading, []))
        }

        /// The number a heading starts with, if it has one: `1.1` in "1.1 核心思想", `2.` in "2. 输入层", `一、` in
        /// "一、End-to-End" (one or two digits per part, so "2025 年" is a year, not a section number).
        static func ownNumber(of title: String) -> String? {
            let characters = Array(title)
            var end = 0
            if let first = characters.first, "一二三四五六七八九十".contains(first) {
                while end < characters.count, "一二三四五六七八九十".contains(characters[end]) { end += 1 }
                return end < characters.count && characters[end] == "、" && end + 1 < characters.count
                    ? String(characters[...end]) : nil
            }
            var sawPart = false
            while true {
                let digits = characters[end...].prefix { $0.isASCII && $0.isNumber }.count
                guard (1...2).contains(digits) else { return nil }
                end += digits
                sawPart = true
                guard end + 1 < characters.count, characters[end] == ".", characters[end + 1].isASCII,
                      characters[end + 1].isNumber else { break }
                end += 1
            }
            guard sawPart, end < characters.count else { return nil }
            if ".、)".contains(characters[end]) {
                end += 1
            } else if !characters[end].isWhitespace {
                return nil
            }
            return end < characters.count ? String(characters[..<end]) : nil
        }

        private mutating func closeSection() {
            let section = stack.removeLast()
            stack[stack.count - 1].children.append(.init(kind: .markdownSection(section.heading!, children: section.children)))
        }
    }
}
