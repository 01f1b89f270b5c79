import Foundation
import MathML

/// Writes a resolved document as one self-contained HTML file: CSS inline, images as `data:` URIs, math as
/// MathML made at build time, no JavaScript, nothing fetched (a Content-Security-Policy says so to the browser).
///
/// Prose goes through cmark-gfm. Math is taken out before parsing (by ``ProseScanner``) and replaced by
/// placeholders, private-use characters U+E000 n U+E001 that Markdown leaves alone; after rendering, each
/// placeholder is replaced by its MathML (a display formula that is a paragraph of its own replaces the `<p>`).
///
/// Escaping: headings, table cells, labels and the title are plain text and HTML-escaped here; prose and
/// captions are Markdown rendered by cmark-gfm in safe mode (raw HTML omitted); MathML comes from the converter;
/// code listings (snippets and fenced code in prose) are escaped by ``CodeListingHTML``, which colours Swift.
struct HTMLWriter {
    /// Converts TeX to a `<math>` element; ``TeXToMathML/convert(_:display:)`` unless a test substitutes another.
    typealias MathConverter = (_ tex: String, _ display: Bool) throws -> String

    let document: ResolvedDocument
    var convertMath: MathConverter = TeXToMathML.convert

    private var vocabulary: Vocabulary { Vocabulary(language: document.language) }

    /// Renders the whole document.
    /// - Returns: the HTML file's text.
    /// - Throws: ``ReportError`` for a formula that does not convert or an image in prose, naming where it is.
    func render() throws -> String {
        let languageTag = document.language == .chinese ? "zh-Hans" : "en"
        var body: [String] = []
        for block in document.blocks {
            body.append(try render(block))
        }
        return """
        <!DOCTYPE html>
        <html lang="\(languageTag)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
        <title>\(document.title.htmlEscaped)</title>
        <style>
        \(HTMLStylesheet.css)</style>
        </head>
        <body>
        <main>
        \(titleBlockHTML())
        \(try tableOfContents())
        \(body.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
    }

    // MARK: - Title

    /// The title with its subtitle and byline (author · course · date), as a `<header>`.
    private func titleBlockHTML() -> String {
        let heading = "<h1 class=\"title\">\(document.title.htmlEscaped)</h1>"
        var lines: [String] = []
        if let subtitle = document.titleBlock.shownSubtitle {
            lines.append("<p class=\"subtitle\">\(subtitle.htmlEscaped)</p>")
        }
        let block = document.titleBlock
        var byline: [String] = []
        for (value, kind) in [(block.author, "author"), (block.course, "course"), (block.date, "date")] {
            guard let text = value?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { continue }
            byline.append(kind == "date" ? "<time class=\"date\">\(text.htmlEscaped)</time>"
                : "<span class=\"\(kind)\">\(text.htmlEscaped)</span>")
        }
        if !byline.isEmpty {
            lines.append("<p class=\"byline\">\(byline.joined(separator: "<span class=\"separator\"> · </span>"))</p>")
        }
        guard !lines.isEmpty else { return heading }
        return "<header class=\"title-block\">\n\(heading)\n\(lines.joined(separator: "\n"))\n</header>"
    }

    // MARK: - Blocks

    private func render(_ block: ResolvedBlock) throws -> String {
        switch block {
        case .heading(let level, let number, let title, let anchor):
            return "<h\(level) id=\"\(anchor)\">\(headingText(number: number, title: title))</h\(level)>"
        case .includedHeading(let level, let number, let title, let anchor):
            return "<h\(level) id=\"\(anchor)\">\(Self.numberPrefix(number))\(try headingHTML(for: title))</h\(level)>"
        case .prose(let text):
            return try html(for: text).trimmingNewlines
        case .figure(let label, let anchor, let caption, let figureIndex):
            let figure = document.figures[figureIndex]
            let png = figure.png
            // Layout size, not pixel size: a 2× figure shows at half its pixels, so text reads the same size in
            // every figure (the stylesheet still narrows wide ones to the column).
            let size = Self.pngSize(png).map { pixels in
                let width = Int((Double(pixels.width) / figure.pixelsPerPoint).rounded())
                let height = Int((Double(pixels.height) / figure.pixelsPerPoint).rounded())
                return " width=\"\(width)\" height=\"\(height)\""
            } ?? ""
            return """
            <figure class="figure" id="\(anchor)">
            <img src="data:image/png;base64,\(png.base64EncodedString())" alt="\(label.htmlEscaped)"\(size)>
            <figcaption><span class="label">\(label.htmlEscaped)</span> \(try inlineHTML(for: caption))</figcaption>
            </figure>
            """
        case .table(let label, let anchor, let caption, let content):
            return try table(label: label, anchor: anchor, caption: caption, content: content)
        case .code(let language, let text, let caption):
            let listing = CodeListingHTML.html(text, language: language)
            guard let caption else { return "<figure class=\"listing\">\n\(listing)\n</figure>" }
            return "<figure class=\"listing\">\n<figcaption>\(try inlineHTML(for: caption))</figcaption>\n"
                + "\(listing)\n</figure>"
        case .callout(let kind, let text):
            let kindName = kind == .note ? "note" : "warning"
            return """
            <aside class="callout \(kindName)">
            <p class="callout-title">\(vocabulary.callout(kind).htmlEscaped)</p>
            \(try html(for: text).trimmingNewlines)
            </aside>
            """
        }
    }

    /// An included heading's title as inline HTML. A title that would read as a list item or quote on its own
    /// (`1. Introduction`, `- aside`) has its marker escaped, since it is rendered outside its heading line.
    private func headingHTML(for title: ResolvedText) throws -> String {
        var title = title
        if case .markdown(let first)? = title.segments.first {
            title.segments[0] = .markdown(Self.escapingBlockMarker(first))
        }
        return try inlineHTML(for: title)
    }

    /// Backslash-escapes what would open a list item, quote, heading or thematic break at the start of a line:
    /// `1. a` → `1\. a`, `- a` → `\- a`.
    private static func escapingBlockMarker(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "-+*>#=_".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let marker = text.dropFirst(digits.count).first, marker == "." || marker == ")" else {
            return text
        }
        return digits + "\\" + text.dropFirst(digits.count)
    }

    /// `<span class="number">1.2</span> ` before a numbered heading's title, nothing for an unnumbered one.
    private static func numberPrefix(_ number: String) -> String {
        number.isEmpty ? "" : "<span class=\"number\">\(number)</span> "
    }

    private func headingText(number: String, title: String) -> String {
        number.isEmpty ? title.htmlEscaped : "<span class=\"number\">\(number)</span> \(title.htmlEscaped)"
    }

    private func table(label: String?, anchor: String?, caption: ResolvedText?, content: TableContent) throws -> String {
        func cells(_ values: [String], tag: String, row: Int) throws -> String {
            try zip(values, content.alignments).enumerated().map { column, cell in
                let (value, alignment) = cell
                let number = TableCellText.isNumber(value) ? " number-cell" : ""
                let html = try cellHTML(value, table: content.name ?? label ?? "summary", row: row, column: column + 1)
                return "<\(tag) class=\"\(Self.className(alignment))\(number)\">\(html)</\(tag)>"
            }.joined()
        }
        var lines: [String] = []
        // A long table may continue on the next page in print (see HTMLStylesheet); a short one stays whole.
        let long = content.rows.count >= HTMLStylesheet.rowsOfALongTable ? " long" : ""
        if let anchor {
            lines.append("<figure class=\"table\(long)\" id=\"\(anchor)\">")
            let captionHTML = try caption.map { try inlineHTML(for: $0) } ?? ""
            lines.append("<figcaption><span class=\"label\">\((label ?? "").htmlEscaped)</span> \(captionHTML)</figcaption>")
        } else {
            lines.append("<figure class=\"table summary\(long)\">")
        }
        lines.append("<table>")
        lines.append("<thead><tr>\(try cells(content.headers, tag: "th", row: 0))</tr></thead>")
        lines.append("<tbody>")
        lines += try content.rows.enumerated().map { "<tr>\(try cells($0.element, tag: "td", row: $0.offset + 1))</tr>" }
        lines.append("</tbody>")
        lines.append("</table>")
        lines.append("</figure>")
        return lines.joined(separator: "\n")
    }

    /// A cell's HTML: text escaped, with "×" bound to its neighbours by no-break spaces so "9.75 × 10⁻¹" stays
    /// on one line, and `$…$` converted to inline MathML.
    private func cellHTML(_ value: String, table: String, row: Int, column: Int) throws -> String {
        try TableCellText(value).pieces.map { piece in
            switch piece {
            case .text(let text):
                return text.htmlEscaped.replacingOccurrences(of: " × ", with: "\u{00A0}×\u{00A0}")
            case .math(let tex):
                let place = row == 0 ? "header of column \(column)" : "row \(row), column \(column)"
                return try formula(tex, display: false, location: "table '\(table)', \(place)")
            }
        }.joined()
    }

    private static func className(_ alignment: ColumnAlignment) -> String {
        switch alignment {
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        }
    }

    /// Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), so the browser reserves the space.
    static func pngSize(_ png: Data) -> (width: Int, height: Int)? {
        guard png.count >= 24 else { return nil }
        let bytes = [UInt8](png.prefix(24))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        return (width, height)
    }

    // MARK: - Table of contents

    /// A nested ordered list of the headings, included files' headings among them, linking their ids.
    private func tableOfContents() throws -> String {
        var headings: [(level: Int, html: String, anchor: String)] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let number, let title, let anchor):
                headings.append((level, headingText(number: number, title: title), anchor))
            case .includedHeading(let level, let number, var title, let anchor):
                // The entry is itself a link, so links in the title become their text.
                title.segments = title.segments.map { segment in
                    if case .link(let text, _) = segment { return .markdown(text) }
                    return segment
                }
                headings.append((level, Self.numberPrefix(number) + (try headingHTML(for: title)), anchor))
            default:
                continue
            }
        }
        guard !headings.isEmpty else { return "" }
        var html = "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n"
            + "<h2 id=\"toc-title\">\(vocabulary.contents.htmlEscaped)</h2>\n<ol>\n"
        var openLevels: [Int] = []
        for heading in headings {
            while let last = openLevels.last, last > heading.level {
                html += "</li>\n</ol>\n"
                openLevels.removeLast()
            }
            if let last = openLevels.last {
                if last == heading.level {
                    html += "</li>\n"
                    openLevels.removeLast()
                } else {
                    html += "\n<ol>\n"
                }
            }
            html += "<li><a href=\"#\(heading.anchor)\">\(heading.html)</a>"
            openLevels.append(heading.level)
        }
        while openLevels.count > 1 {
            html += "</li>\n</ol>\n"
            openLevels.removeLast()
        }
        html += "</li>\n</ol>\n</nav>"
        return html
    }

    // MARK: - Prose and math

    private static let placeholderStart: Character = "\u{E000}"
    private static let placeholderEnd: Character = "\u{E001}"

    private static func placeholder(_ index: Int) -> String {
        "\(placeholderStart)\(index)\(placeholderEnd)"
    }

    /// Renders prose as an HTML fragment: Markdown through cmark-gfm, math through the converter.
    func html(for text: ResolvedText) throws -> String {
        var markdown = ""
        var formulas: [(html: String, display: Bool)] = []
        for segment in text.segments {
            switch segment {
            case .markdown(let source):
                if source.contains(Self.placeholderStart) || source.contains(Self.placeholderEnd) {
                    throw ReportError("\(text.origin) contains the private-use character U+E000 or U+E001, "
                        + "which the HTML writer reserves")
                }
                markdown += source
            case .inlineMath(let tex, let line):
                formulas.append((try formula(tex, display: false, location: text.location(line: line)), false))
                markdown += Self.placeholder(formulas.count - 1)
            case .displayMath(let tex, _, let line):
                formulas.append((try formula(tex, display: true, location: text.location(line: line)), true))
                markdown += Self.placeholder(formulas.count - 1)
            case .link(let linkText, let anchor):
                markdown += "[\(linkText)](#\(anchor))"
            case .equationReference(let label, _, _):
                markdown += label
            }
        }
        var html: String
        do {
            html = try CommonMark.html(markdown, imageSources: text.images.mapValues { index in
                let image = document.images[index]
                return "data:\(image.mediaType);base64,\(image.data.base64EncodedString())"
            })
        } catch let image as CommonMark.ImageFound {
            throw ReportError("\(text.origin): an image in prose ('\(image.destination)') would not be embedded; "
                + "use a FigureBlock so the handout stays self-contained")
        }
        for (index, formula) in formulas.enumerated() {
            let placeholder = Self.placeholder(index)
            if formula.display {
                html = html.replacingOccurrences(of: "<p>\(placeholder)</p>", with: formula.html)
                html = html.replacingOccurrences(of: placeholder, with: formula.html)
            } else {
                html = Self.replacing(placeholder, withInlineFormula: formula.html, in: html)
            }
        }
        return html
    }

    /// Punctuation that must not start a line: Chinese full stops and commas, closing brackets and quotes, and
    /// their ASCII counterparts (`"` is left out: cmark writes it as `&quot;`).
    private static let closingPunctuation: Set<Character> = [
        "。", "，", "、", "；", "：", "！", "？", "）", "》", "」", "』", "】", "〉", "”", "’", "…", "％",
        ".", ",", ";", ":", "!", "?", ")", "]", "%",
    ]
    /// Punctuation that must not end a line: opening brackets and quotes.
    private static let openingPunctuation: Set<Character> = ["（", "《", "「", "『", "【", "〈", "“", "‘", "(", "["]

    /// Puts an inline formula in place of its placeholder. Punctuation right after it (and an opening bracket
    /// right before it) goes with it into `<span class="nowrap">`: browsers may break a line between a `<math>`
    /// element and a following `。`, which then starts the next line alone.
    static func replacing(_ placeholder: String, withInlineFormula formula: String, in html: String) -> String {
        guard let range = html.range(of: placeholder) else { return html }
        var start = range.lowerBound
        var end = range.upperBound
        while end < html.endIndex, closingPunctuation.contains(html[end]) {
            end = html.index(after: end)
        }
        while start > html.startIndex, openingPunctuation.contains(html[html.index(before: start)]) {
            start = html.index(before: start)
        }
        var result = html
        if start == range.lowerBound && end == range.upperBound {
            result.replaceSubrange(range, with: formula)
        } else {
            // A long formula comes as several `<math>` elements so that it can wrap; only its first goes with the
            // opening punctuation and only its last with the closing one.
            let pieces = formula.components(separatedBy: "</math><math ")
            let first = pieces.count > 1 ? pieces[0] + "</math>" : formula
            let last = pieces.count > 1 ? "<math " + pieces[pieces.count - 1] : formula
            let middle = pieces.count > 2 ? pieces[1..<pieces.count - 1].map { "<math \($0)</math>" }.joined() : ""
            let opening = String(html[start..<range.lowerBound])
            let closing = String(html[range.upperBound..<end])
            let nowrap = { (text: String) in "<span class=\"nowrap\">\(text)</span>" }
            let replacement = pieces.count == 1
                ? nowrap(opening + formula + closing)
                : (opening.isEmpty ? first : nowrap(opening + first)) + middle
                    + (closing.isEmpty ? last : nowrap(last + closing))
            result.replaceSubrange(start..<end, with: replacement)
        }
        return result
    }

    /// Renders a caption: a single paragraph loses its `<p>` so it flows after the label.
    private func inlineHTML(for text: ResolvedText) throws -> String {
        let html = try self.html(for: text).trimmingNewlines
        let inner = html.dropFirst(3).dropLast(4)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), !inner.contains("<p>") { return String(inner) }
        return html
    }

    private func formula(_ tex: String, display: Bool, location: String) throws -> String {
        do {
            return try convertMath(tex, display)
        } catch {
            let delimiter = display ? "$$" : "$"
            throw ReportError("cannot convert formula \(delimiter)\(tex.abbreviatedFormula)\(delimiter) in \(location): \(error)")
        }
    }
}
