import Foundation
import NeuralNetworks

/// The parts of resolution that serve documents written in Markdown (`Document(markdown:)`) and named values.
extension DocumentResolver {
    /// The title, the title block and the blocks to resolve: the builder's, or those assembled from the document's Markdown file.
    mutating func documentBody() throws -> (title: String, titleBlock: TitleBlock, nodes: [DocumentNode]) {
        guard let path = document.markdownPath else { return (document.title, document.titleBlock, document.children) }
        guard let directory = context.sourceDirectory else {
            throw ReportError("document Markdown '\(path)': the run context has no source directory to read it from")
        }
        let url = directory.appendingPathComponent(path)
        // Read through the ledger: a results cache keyed on the files the run read then knows that editing
        // this file changes only the document, not any stage the experiment measured.
        guard let data = InputFileLedger.contents(of: url) else {
            throw ReportError("\(Self.displayPath(of: url)): the document's Markdown file was not found "
                + "(Document(markdown: \"\(path)\") names it relative to the experiment folder)")
        }
        guard let markdown = String(data: data, encoding: .utf8) else {
            throw ReportError("\(Self.displayPath(of: url)): the document's Markdown file is not UTF-8 text")
        }
        let body = try MarkdownBody(markdown: markdown, file: Self.displayPath(of: url),
                                    parts: openingGroups(document.children), titleFromFile: document.titleFromMarkdown,
                                    titleBlock: document.titleBlock)
        markdownCaptions = body.captions
        warnings += body.warnings
        return (body.title ?? document.title, body.titleBlock, body.nodes)
    }

    /// The nodes with groups and language-dependent blocks opened, parts kept whole (they are placed by name).
    private func openingGroups(_ nodes: [DocumentNode]) -> [DocumentNode] {
        nodes.flatMap { node -> [DocumentNode] in
            switch node.kind {
            case .group(let children): return openingGroups(children)
            case .localized(let make): return openingGroups(make(document.language))
            default: return [node]
            }
        }
    }

    /// A file as messages name it: relative to the current folder when inside it (`experiments/x/handout.md`,
    /// as the user typed the experiment's path), absolute otherwise.
    static func displayPath(of url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }

    mutating func register(_ value: Value) throws {
        guard PlaceholderScanner.isName(value.name) else {
            throw ReportError("value name '\(value.name)' is not valid: use ASCII letters, digits, '-' and '_'")
        }
        guard values[value.name] == nil else {
            throw ReportError("two values are named '\(value.name)'; value names must be unique")
        }
        if case .text(let text) = value.content, text.contains("\n") {
            throw ReportError("value '\(value.name)' spans lines; a value is inserted into a line of prose, so keep it "
                + "to one line (line numbers in messages would no longer match the file)")
        }
        values[value.name] = value
    }

    mutating func appendMarkdownSection(_ heading: MarkdownText, children: [DocumentNode], numbers: [Int]) throws {
        let number = numbers.map(String.init).joined(separator: ".")
        blocks.append(.includedHeading(
            level: min(numbers.count + 1, 6),
            number: number,
            title: try resolveMarkdown(heading),
            anchor: "sec-" + numbers.map(String.init).joined(separator: "-")
        ))
        sectionPath.append("\(number) \(heading.text)")
        try resolve(children, sectionNumbers: numbers)
        sectionPath.removeLast()
    }

    mutating func appendMarkdownText(_ text: MarkdownText) throws {
        let resolved = try resolveMarkdown(text)
        blocks.append(text.calloutKind.map { .callout($0, resolved) } ?? .prose(resolved))
    }

    /// Resolves a stretch of the document's Markdown file; images in it are relative to the file's folder.
    mutating func resolveMarkdown(_ text: MarkdownText) throws -> ResolvedText {
        let folder = context.sourceDirectory.map { directory in
            directory.appendingPathComponent(document.markdownPath ?? "").deletingLastPathComponent()
        }
        return try resolveText(text.text, origin: text.file, originIsFile: true, imageBase: folder,
                               firstLine: text.firstLine, columnOffset: text.columnOffset)
    }

    // MARK: - Values in prose

    /// Replaces `{{value: name}}`: text values by their text, numbers by a private-use marker that
    /// ``inserting(_:into:)`` replaces after scanning, by the text form outside math and the TeX form inside it.
    /// - Returns: the text and the numbers, the i-th marked `U+E010 i U+E011`.
    mutating func expandingValues(in markdown: String, of text: ResolvedText) throws -> (String, [(text: String, tex: String)]) {
        guard markdown.contains("{{") else { return (markdown, []) }
        let placeholders: [PlaceholderScanner.Placeholder]
        do {
            placeholders = try PlaceholderScanner.scan(markdown)
        } catch let malformed as PlaceholderScanner.Malformed {
            throw ReportError("\(text.location(line: malformed.line, column: malformed.column)): '\(malformed.text)' "
                + "is not a placeholder: a name is ASCII letters, digits, '-' and '_'")
        }
        guard !placeholders.isEmpty else { return (markdown, []) }
        var characters = Array(markdown)
        var numbers: [(text: String, tex: String)] = []
        var replacements: [(range: Range<Int>, text: String)] = []
        for placeholder in placeholders {
            let location = text.location(line: placeholder.line, column: placeholder.column)
            guard let kind = placeholder.kind else {
                throw ReportError("\(location): " + MarkdownBody.unknownKind(placeholder))
            }
            guard kind == .value else {
                throw ReportError("\(location): {{\(kind.rawValue): \(placeholder.name)}} places a block, which only "
                    + "the document's Markdown file can do (Document(markdown:)), on a line of its own")
            }
            guard let value = values[placeholder.name] else {
                throw ReportError("\(location): " + MarkdownBody.unknownName(
                    placeholder.name, of: .value, known: Array(values.keys),
                    otherKinds: [(.figure, Array(figureTargets.keys)), (.table, Array(tableTargets.keys))]))
            }
            usedValues.insert(value.name)
            let written = value.written(language: document.language)
            if case .text = value.content {
                replacements.append((placeholder.range, written.text))
            } else {
                replacements.append((placeholder.range, "\u{E010}\(numbers.count)\u{E011}"))
                numbers.append(written)
            }
        }
        for replacement in replacements.reversed() {
            characters.replaceSubrange(replacement.range, with: Array(replacement.text))
        }
        return (String(characters), numbers)
    }

    /// Puts the numbers of ``expandingValues(in:of:)`` in place: as text in Markdown, as TeX in math.
    static func inserting(_ numbers: [(text: String, tex: String)], into segments: [ResolvedSegment]) -> [ResolvedSegment] {
        guard !numbers.isEmpty else { return segments }
        // One pass per segment: copy up to each marker, then its number (markers are U+E010 digits U+E011).
        func replaced(_ string: String, tex: Bool) -> String {
            guard string.unicodeScalars.contains("\u{E010}") else { return string }
            var result = ""
            var index: Int?
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\u{E010}": index = 0
                case "\u{E011}":
                    let number = numbers[index ?? 0]
                    result += tex ? number.tex : number.text
                    index = nil
                default:
                    if let current = index, ("0"..."9").contains(scalar) {
                        index = current * 10 + Int(scalar.value - 48)
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
            return result
        }
        return segments.map { segment in
            switch segment {
            case .markdown(let markdown): return .markdown(replaced(markdown, tex: false))
            case .inlineMath(let tex, let line): return .inlineMath(replaced(tex, tex: true), line: line)
            case .displayMath(let tex, let prefix, let line):
                return .displayMath(replaced(tex, tex: true), linePrefix: prefix, line: line)
            case .link, .equationReference: return segment
            }
        }
    }

    /// One warning per value no prose used.
    func unusedValueWarnings() -> [String] {
        values.keys.filter { !usedValues.contains($0) }.sorted().map { name in
            "value '\(name)' is defined but no prose uses it ({{value: \(name)}})"
        }
    }
}

extension DocumentResolver {
    /// Numbers sections as ``resolve(_:sectionNumbers:)`` will, so `@sec:name` may point forward.
    mutating func collectSectionTargets(_ nodes: [DocumentNode], numbers: [Int]) throws {
        var count = 0
        for node in flattened(nodes) {
            switch node.kind {
            case .section(_, let children):
                count += 1
                try collectSectionTargets(children, numbers: numbers + [count])
            case .markdownSection(let heading, let children):
                count += 1
                let sectionNumbers = numbers + [count]
                if let name = heading.sectionName {
                    guard sectionTargets[name] == nil else {
                        throw ReportError("\(heading.file):\(heading.firstLine): two sections are named '\(name)'; "
                            + "section names must be unique")
                    }
                    sectionTargets[name] = (vocabulary.section(sectionNumbers.map(String.init).joined(separator: ".")),
                                            "sec-" + sectionNumbers.map(String.init).joined(separator: "-"))
                }
                try collectSectionTargets(children, numbers: sectionNumbers)
            default:
                continue
            }
        }
    }
}

extension DocumentResolver {
    /// `file:line:column: ` for a message about `needle` on line `line` of prose read from a file, so editors
    /// and terminals can jump to it; empty for prose written in Swift (its location ends the message instead).
    static func fileLocationPrefix(of needle: String, line: Int, in markdown: String, _ text: ResolvedText) -> String {
        guard text.originIsFile else { return "" }
        let lines = markdown.components(separatedBy: "\n")
        guard lines.indices.contains(line - 1), let range = lines[line - 1].range(of: needle) else {
            return "\(text.location(line: line)): "
        }
        let column = lines[line - 1].distance(from: lines[line - 1].startIndex, to: range.lowerBound) + 1
        return "\(text.location(line: line, column: column)): "
    }
}
