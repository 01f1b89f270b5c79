import Foundation
import MathML
import NeuralNetworks

/// Turns a ``Document`` into a ``ResolvedDocument``: numbers figures, tables and sections, resolves
/// cross-references, reads included files and snippets, and renders every figure once.
struct DocumentResolver {
    let document: Document
    let context: RunContext
    let vocabulary: Vocabulary

    /// Reference targets by name: the reference text ("Figure 3") and the anchor.
    var figureTargets: [String: (text: String, anchor: String)] = [:]
    var tableTargets: [String: (text: String, anchor: String)] = [:]
    /// Sections named `{#name}` in a document's Markdown, for `@sec:name`.
    var sectionTargets: [String: (text: String, anchor: String)] = [:]
    /// Named values by name, and the names prose used (the others are reported as unused).
    var values: [String: Value] = [:]
    var usedValues: Set<String> = []
    /// Captions written in the document's Markdown below a placement, by `figure:name` / `table:name` / ….
    var markdownCaptions: [String: MarkdownText] = [:]
    var warnings: [String] = []

    var blocks: [ResolvedBlock] = []
    private var figures: [RenderedFigure] = []
    /// Every figure of the document in the order met, collected with the names so they can be rendered before
    /// the blocks are resolved (``renderFigures()``).
    private var figureBlocks: [FigureBlock] = []
    /// The PNG of each figure, or the error its rendering threw, by figure name.
    private var renderedFigures: [String: Result<Data, any Error>] = [:]
    private var images: [IncludedImage] = []
    /// Index in `images` by the image file's standardized path, so a file used twice is stored once.
    private var imageIndices: [String: Int] = [:]
    private var proseCount = 0
    /// Headings of included files so far, which number their anchors `note-1`, `note-2`, ….
    private var includedHeadingCount = 0
    var sectionPath: [String] = []

    init(document: Document, context: RunContext) {
        self.document = document
        self.context = context
        vocabulary = Vocabulary(language: document.language)
    }

    /// Resolves the document.
    /// - Returns: the resolved document.
    /// - Throws: ``ReportError`` naming the block, figure, file or line at fault.
    mutating func resolve() throws -> ResolvedDocument {
        let (title, titleBlock, body) = try documentBody()
        try collectTargets(body)
        try collectSectionTargets(body, numbers: [])
        renderFigures()
        try resolve(body, sectionNumbers: [])
        var equations = EquationResolver(macros: try documentMacros(), vocabulary: vocabulary)
        try equations.apply(to: &blocks)
        if document.includesReproducibilityAppendix { appendAppendix() }
        warnings += unusedValueWarnings()
        return ResolvedDocument(title: title, titleBlock: titleBlock, language: document.language,
                                blocks: blocks, figures: figures, images: images, warnings: warnings)
    }

    // MARK: - Names and numbers (first pass, so references may point forward)

    /// The nodes with groups and language-dependent blocks replaced by their contents, so that sections inside
    /// them are numbered with their siblings.
    func flattened(_ nodes: [DocumentNode]) -> [DocumentNode] {
        nodes.flatMap { node -> [DocumentNode] in
            switch node.kind {
            case .group(let children): return flattened(children)
            case .localized(let make): return flattened(make(document.language))
            case .part(let part): return flattened(part.children)
            default: return [node]
            }
        }
    }

    private mutating func collectTargets(_ nodes: [DocumentNode]) throws {
        for node in flattened(nodes) {
            switch node.kind {
            case .group, .localized, .part:
                preconditionFailure("groups are flattened before resolution")
            case .section(_, let children), .markdownSection(_, let children):
                try collectTargets(children)
            case .value(let value):
                try register(value)
            case .figure(let figure):
                try Self.validate(name: figure.name, of: "figure")
                guard figureTargets[figure.name] == nil else {
                    throw ReportError("two figures are named '\(figure.name)'; figure names must be unique")
                }
                figureTargets[figure.name] = (vocabulary.figure(figureTargets.count + 1), "fig-\(figure.name)")
                figureBlocks.append(figure)
            case .table(let table):
                guard let name = table.name else { continue }
                try Self.validate(name: name, of: "table")
                guard tableTargets[name] == nil else {
                    throw ReportError("two tables are named '\(name)'; table names must be unique")
                }
                tableTargets[name] = (vocabulary.table(tableTargets.count + 1), "tab-\(name)")
            case .prose, .snippet, .callout, .metrics, .include, .markdownText:
                continue
            }
        }
    }

    /// Names become file names and HTML ids, so they are kept to a portable, unambiguous alphabet.
    private static func validate(name: String, of kind: String) throws {
        let allowed = name.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_")
        }
        guard !name.isEmpty, allowed, let first = name.unicodeScalars.first,
              CharacterSet.alphanumerics.contains(first), let last = name.unicodeScalars.last,
              CharacterSet.alphanumerics.contains(last) else {
            throw ReportError("\(kind) name '\(name)' is not valid: use ASCII letters, digits, '-' and '_', "
                + "starting and ending with a letter or digit")
        }
    }

    // MARK: - Blocks (second pass)

    private var sectionDescription: String {
        sectionPath.last.map { "in section “\($0)”" } ?? "before the first section"
    }

    mutating func resolve(_ nodes: [DocumentNode], sectionNumbers: [Int]) throws {
        var subsectionCount = 0
        for node in flattened(nodes) {
            switch node.kind {
            case .section(let title, let children):
                subsectionCount += 1
                let numbers = sectionNumbers + [subsectionCount]
                let number = numbers.map(String.init).joined(separator: ".")
                blocks.append(.heading(
                    level: min(numbers.count + 1, 6),
                    number: number,
                    title: title,
                    anchor: "sec-" + numbers.map(String.init).joined(separator: "-")
                ))
                sectionPath.append("\(number) \(title)")
                try resolve(children, sectionNumbers: numbers)
                sectionPath.removeLast()
            case .group, .localized, .part:
                preconditionFailure("groups are flattened before resolution")
            case .markdownSection(let heading, let children):
                subsectionCount += 1
                try appendMarkdownSection(heading, children: children, numbers: sectionNumbers + [subsectionCount])
            case .markdownText(let text):
                try appendMarkdownText(text)
            case .value:
                continue
            case .prose(let markdown):
                proseCount += 1
                blocks.append(.prose(try resolveText(markdown, origin: "prose block \(proseCount) \(sectionDescription)")))
            case .figure(let figure):
                try appendFigure(figure)
            case .table(let table):
                try appendTable(table)
            case .snippet(let snippet):
                try appendSnippet(snippet)
            case .callout(let callout):
                let origin = "\(vocabulary.callout(callout.kind).lowercased()) callout \(sectionDescription)"
                blocks.append(.callout(callout.kind, try resolveText(callout.markdown, origin: origin)))
            case .metrics(let summary):
                blocks.append(.table(label: nil, anchor: nil, caption: nil, content: metricsTable(summary)))
            case .include(let include):
                try appendInclude(include, headingLevel: min(sectionNumbers.count + 2, 6))
            }
        }
    }

    /// Renders every figure at once, as many at a time as there are cores: drawing, colour quantisation and
    /// compression of one figure use about one core, and they are most of a run's time after training
    /// (adam-vs-sgd's experiment: 0.78 s one figure after another, 0.70–0.77 s at once, on 2 cores). Each figure draws on surfaces of its
    /// own; what Plotting shares between figures (font cache, scratch memory, missing-glyph records) is locked, and
    /// the missing-font warning sorts what it names (``MissingFontCheck``).
    /// The bytes do not depend on the order, and errors are reported in document order by ``appendFigure(_:)``.
    private mutating func renderFigures() {
        let blocks = figureBlocks
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var byName: [String: Result<Data, any Error>] = [:]
        }
        struct Blocks: @unchecked Sendable { let blocks: [FigureBlock] }
        let results = Results(), shared = Blocks(blocks: blocks)
        DispatchQueue.concurrentPerform(iterations: blocks.count) { index in
            let block = shared.blocks[index]
            let result = Result { try block.render() }
            results.lock.lock()
            results.byName[block.name] = result
            results.lock.unlock()
        }
        renderedFigures = results.byName
    }

    private mutating func appendFigure(_ figure: FigureBlock) throws {
        let png: Data
        do {
            png = try (renderedFigures[figure.name] ?? Result { try figure.render() }).get()
        } catch {
            throw ReportError("figure '\(figure.name)' could not be rendered: \(error)")
        }
        guard png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw ReportError("figure '\(figure.name)': its image data is not a PNG file")
        }
        figures.append(RenderedFigure(name: figure.name, png: png, pixelsPerPoint: max(figure.pixelsPerPoint, 0.01)))
        let target = figureTargets[figure.name]!
        blocks.append(.figure(
            label: vocabulary.captionLabel(target.text),
            anchor: target.anchor,
            caption: try markdownCaptions["figure:\(figure.name)"].map { try resolveMarkdown($0) }
                ?? resolveText(figure.caption, origin: "caption of figure '\(figure.name)'"),
            figureIndex: figures.count - 1
        ))
    }

    private mutating func appendTable(_ table: TableContent) throws {
        let table = table.localized(document.language)
        for (index, row) in table.rows.enumerated() where row.count != table.headers.count {
            throw ReportError("table '\(table.name ?? "")': row \(index + 1) has \(row.count) cells "
                + "for \(table.headers.count) columns")
        }
        guard let name = table.name else {
            blocks.append(.table(label: nil, anchor: nil, caption: nil, content: table))
            return
        }
        let target = tableTargets[name]!
        let caption = try markdownCaptions["table:\(name)"].map { try resolveMarkdown($0) }
            ?? table.caption.map { try resolveText($0, origin: "caption of table '\(name)'") }
        blocks.append(.table(label: vocabulary.captionLabel(target.text), anchor: target.anchor, caption: caption,
                             content: table))
    }

    private mutating func appendSnippet(_ snippet: Snippet) throws {
        guard let directory = context.sourceDirectory else {
            throw ReportError("snippet '\(snippet.name)': the run context has no source directory to read it from")
        }
        let text = try SnippetExtractor(directory: directory).extract(snippet.name, file: snippet.file)
        let caption = try markdownCaptions["snippet:\(snippet.name)"].map { try resolveMarkdown($0) }
            ?? snippet.caption.map { try resolveText($0, origin: "caption of snippet '\(snippet.name)'") }
        blocks.append(.code(language: "swift", text: text, caption: caption))
    }

    /// Reads an included file; its headings start at `headingLevel` (one below the enclosing section's) and
    /// become heading blocks with anchors `note-1`, `note-2`, …, so the HTML contents list them.
    private mutating func appendInclude(_ include: Include, headingLevel: Int) throws {
        guard let directory = context.sourceDirectory else {
            throw ReportError("include '\(include.path)': the run context has no source directory to read it from")
        }
        let url = directory.appendingPathComponent(include.path)
        guard let data = InputFileLedger.contents(of: url) else {
            throw ReportError("included file '\(include.path)' not found in the experiment folder")
        }
        guard let markdown = String(data: data, encoding: .utf8) else {
            throw ReportError("included file '\(include.path)' is not UTF-8 text")
        }
        let shifted = MarkdownHeadings.shifted(markdown, topLevel: headingLevel)
        let imageBase = url.deletingLastPathComponent()
        for part in MarkdownHeadings.parts(shifted) {
            switch part {
            case .text(let text, let firstLine):
                blocks.append(.prose(try resolveText(text, origin: include.path, originIsFile: true,
                                                     imageBase: imageBase, firstLine: firstLine)))
            case .heading(let level, let title, let line):
                includedHeadingCount += 1
                blocks.append(.includedHeading(
                    level: level,
                    number: "",
                    title: try resolveText(title, origin: include.path, originIsFile: true, imageBase: imageBase,
                                           firstLine: line),
                    anchor: "note-\(includedHeadingCount)"
                ))
            }
        }
    }

    /// Metric and value; with a third column for the gates when any metric declares one.
    private func metricsTable(_ summary: MetricsSummary) -> TableContent {
        guard summary.metrics.contains(where: { $0.gate != nil }) else {
            return TableContent(name: nil, caption: nil, headers: [vocabulary.metricHeader, vocabulary.valueHeader],
                                alignments: [.left, .right],
                                rows: summary.metrics.map { [$0.label, $0.value.formatted(with: $0.format, language: document.language)] })
        }
        return TableContent(
            name: nil, caption: nil,
            headers: [vocabulary.metricHeader, vocabulary.valueHeader, vocabulary.gateHeader],
            alignments: [.left, .right, .left],
            rows: summary.metrics.map { metric in
                let result = metric.result(language: document.language)
                let gate = result.gate.map { "\($0.text) " + (result.passed == true ? vocabulary.gateHeld : vocabulary.gateMissed) }
                return [metric.label, result.text, gate ?? ""]
            }
        )
    }

    private mutating func appendAppendix() {
        var rows: [[String]] = [
            [vocabulary.experiment, context.experimentName],
            [vocabulary.seed, document.seed.map(String.init) ?? vocabulary.noSeed],
            [vocabulary.gitCommit, context.gitCommit.map {
                $0 + (context.gitTreeIsDirty ? vocabulary.dirtyTree : vocabulary.cleanTree)
            } ?? vocabulary.notInGit],
            [vocabulary.toolVersion, context.toolVersion],
        ]
        if !context.parameters.isEmpty {
            rows.append([vocabulary.parameterSettings, context.parameters.map(\.text).joined(separator: ", ")])
        }
        rows += [
            [vocabulary.swiftVersion, context.swiftVersion],
            [vocabulary.machine, context.machine],
        ]
        if context.includeTimings {
            for timing in context.stageTimings {
                rows.append(["\(vocabulary.stageTimings): \(timing.name)", String(format: "%.2f s", timing.seconds)])
            }
        }
        blocks.append(.heading(level: 2, number: "", title: vocabulary.appendixTitle, anchor: "appendix"))
        blocks.append(.table(label: nil, anchor: nil, caption: nil, content: TableContent(
            name: nil,
            caption: nil,
            headers: [vocabulary.itemHeader, vocabulary.valueHeader],
            alignments: [.left, .left],
            rows: rows
        )))
    }

    // MARK: - Prose

    /// The macros of `macros.tex` in the experiment folder, if it has one: definitions every formula may use.
    private func documentMacros() throws -> TeXMacros {
        guard let directory = context.sourceDirectory,
              let data = InputFileLedger.contents(of: directory.appendingPathComponent("macros.tex")) else {
            return TeXMacros()
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportError("macros.tex is not UTF-8 text")
        }
        do {
            return try TeXMacros(definitions: text)
        } catch let error as TeXToMathML.ConversionError {
            let line = text.prefix(error.offset).filter { $0 == "\n" }.count + 1
            throw ReportError("macros.tex:\(line): \(error.message)")
        }
    }

    /// Scans prose, resolves its references and collects the images it links to.
    /// - Parameter imageBase: the folder image paths are relative to; the experiment folder by default.
    mutating func resolveText(
        _ markdown: String, origin: String, originIsFile: Bool = false, imageBase: URL? = nil, firstLine: Int = 1,
        columnOffset: Int = 0
    ) throws -> ResolvedText {
        var text = ResolvedText(segments: [], origin: origin, originIsFile: originIsFile, firstLine: firstLine,
                                columnOffset: columnOffset)
        let (expanded, numbers) = try expandingValues(in: markdown, of: text)
        let segments = try ProseScanner.scan(expanded).map { token -> ResolvedSegment in
            switch token.segment {
            case .markdown(let markdown):
                return .markdown(markdown)
            case .inlineMath(let tex):
                return .inlineMath(tex, line: token.line)
            case .displayMath(let tex, let prefix):
                return .displayMath(tex, linePrefix: prefix, line: token.line)
            case .equationReference(let name, let form):
                return .equationReference(label: name, form: form, line: token.line)
            case .reference(let kind, let name):
                let targets = kind == .figure ? figureTargets : kind == .table ? tableTargets : sectionTargets
                guard let target = targets[name] else {
                    let kindName = kind == .figure ? "figure" : kind == .table ? "table" : "section"
                    let known = targets.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                    let suggestion = NameSuggestion.closest(to: name, in: targets.keys).map { " (did you mean '\($0)'?)" }
                    throw ReportError(Self.fileLocationPrefix(of: "@\(kind.rawValue):\(name)", line: token.line, in: markdown, text)
                        + "reference to missing \(kindName) '\(name)' (@\(kind.rawValue):\(name))\(suggestion ?? "") in "
                        + text.location(line: token.line)
                        + (known.isEmpty ? "; the document has no \(kindName)s" : "; known \(kindName)s: \(known)"))
                }
                return .link(text: target.text, anchor: target.anchor)
            }
        }
        text.segments = Self.inserting(numbers, into: segments)
        let skeleton = segments.map { segment -> String in
            if case .markdown(let markdown) = segment { return markdown }
            return "\u{E000}\u{E001}"
        }.joined()
        for destination in CommonMark.imageDestinations(skeleton) where text.images[destination] == nil {
            text.images[destination] = try includeImage(destination, in: text, base: imageBase ?? context.sourceDirectory)
        }
        return text
    }

    /// Reads an image that prose links to, so it can be copied beside the Markdown and embedded in the HTML.
    ///
    /// Only files inside the experiment folder are accepted: a remote image would be fetched by the reader's
    /// browser, and one outside the folder would make the report depend on the machine.
    private mutating func includeImage(_ destination: String, in text: ResolvedText, base: URL?) throws -> Int {
        let place = text.origin
        let mediaTypes = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
                          "webp": "image/webp"]
        let decoded = destination.removingPercentEncoding ?? destination
        guard let base, let root = context.sourceDirectory, !decoded.contains(":"), !decoded.hasPrefix("/") else {
            throw ReportError("\(place): image '\(destination)' is not a file in the experiment folder; the handout "
                + "embeds every image, so link a PNG, JPEG, GIF or WebP file beside the notes or use a FigureBlock")
        }
        // Links are resolved first: a symbolic link inside the folder that points outside it would otherwise
        // smuggle any file of the machine into the handout.
        let file = base.appendingPathComponent(decoded).standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        guard file.path.hasPrefix(rootPath) else {
            throw ReportError("\(place): image '\(destination)' is outside the experiment folder"
                + (file.path == base.appendingPathComponent(decoded).standardizedFileURL.path ? "" : " (it is a link to \(file.path))"))
        }
        guard let mediaType = mediaTypes[file.pathExtension.lowercased()] else {
            throw ReportError("\(place): image '\(destination)' is not a PNG, JPEG, GIF or WebP file")
        }
        if let index = imageIndices[file.path] { return index }
        guard let data = InputFileLedger.contents(of: file) else {
            throw ReportError("\(place): image '\(destination)' not found in the experiment folder")
        }
        // The name promises a format; the first bytes must keep the promise, or the browser shows a broken image.
        guard Self.imageSignatureMatches(data, mediaType: mediaType) else {
            throw ReportError("\(place): image '\(destination)' is named .\(file.pathExtension) but its contents are not "
                + "a \(mediaType.dropFirst("image/".count).uppercased()) image")
        }
        let relative = String(file.path.dropFirst(rootPath.count)).replacingOccurrences(of: "/", with: "-")
        var outputPath = "figures/included/\(relative)"
        if images.contains(where: { $0.outputPath == outputPath }) {
            outputPath = "figures/included/\(images.count + 1)-\(relative)"
        }
        images.append(IncludedImage(outputPath: outputPath, mediaType: mediaType, data: data))
        imageIndices[file.path] = images.count - 1
        return images.count - 1
    }

    /// Whether `data` starts with the signature of `mediaType`: PNG `89 50 4E 47 0D 0A 1A 0A`, JPEG `FF D8 FF`,
    /// GIF `GIF87a`/`GIF89a`, WebP `RIFF` … `WEBP`.
    static func imageSignatureMatches(_ data: Data, mediaType: String) -> Bool {
        let bytes = [UInt8](data.prefix(12))
        switch mediaType {
        case "image/png": return bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case "image/jpeg": return bytes.starts(with: [0xFF, 0xD8, 0xFF])
        case "image/gif": return bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8))
        case "image/webp": return bytes.count == 12 && bytes.starts(with: Array("RIFF".utf8)) && Array(bytes[8..<12]) == Array("WEBP".utf8)
        default: return false
        }
    }
}
