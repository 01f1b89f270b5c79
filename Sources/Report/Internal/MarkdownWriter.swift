import MathML

/// Writes a resolved document as GitHub Flavored Markdown that renders on GitHub.
///
/// Math uses the two forms GitHub renders without Markdown interfering: inline math as ``$`…`$`` (the backticks
/// make a code span, so `_`, `*` and `\\` inside reach the math renderer untouched, and a `$` next to a digit
/// cannot be misread) and display math as a fenced ```` ```math ```` block. Figures link `figures/<name>.png`
/// relative to the report; anchors for cross-references are empty `<a name>` elements, which GitHub keeps.
struct MarkdownWriter {
    let document: ResolvedDocument

    /// Renders the whole document.
    /// - Returns: the Markdown text, ending in one newline.
    func render() -> String {
        var parts = ["# " + document.title.markdownEscaped]
        if let subtitle = document.titleBlock.shownSubtitle { parts.append("*" + subtitle.markdownEscaped + "*") }
        let byline = document.titleBlock.bylineParts
        if !byline.isEmpty { parts.append(byline.map(\.markdownEscaped).joined(separator: " · ")) }
        for block in document.blocks {
            parts.append(render(block))
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private func render(_ block: ResolvedBlock) -> String {
        switch block {
        case .heading(let level, let number, let title, _):
            let text = number.isEmpty ? title.markdownEscaped : "\(number) \(title.markdownEscaped)"
            return String(repeating: "#", count: level) + " " + text
        case .includedHeading(let level, let number, let title, _):
            return String(repeating: "#", count: level) + " " + (number.isEmpty ? "" : number + " ")
                + render(title).trimmingNewlines
        case .prose(let text):
            return render(text).trimmingNewlines
        case .figure(let label, let anchor, let caption, let figureIndex):
            let name = document.figures[figureIndex].name
            return [
                "<a name=\"\(anchor)\"></a>",
                "![\(label.markdownEscaped)](figures/\(name).png)",
                "**\(label)** " + render(caption).trimmingNewlines,
            ].joined(separator: "\n\n")
        case .table(let label, let anchor, let caption, let content):
            var lines: [String] = []
            if let label, let anchor {
                lines.append("<a name=\"\(anchor)\"></a>\n")
                lines.append("**\(label)** " + (caption.map { render($0).trimmingNewlines } ?? "") + "\n")
            }
            lines.append(row(content.headers))
            lines.append("|" + content.alignments.map(Self.delimiter).joined(separator: "|") + "|")
            lines += content.rows.map(row)
            return lines.joined(separator: "\n")
        case .code(let language, let text, let caption):
            let fence = String(repeating: "`", count: max(3, Self.longestBacktickRun(in: text) + 1))
            let listing = "\(fence)\(language)\n\(text)\n\(fence)"
            return caption.map { render($0).trimmingNewlines + "\n\n" + listing } ?? listing
        case .callout(let kind, let text):
            let marker = kind == .note ? "> [!NOTE]" : "> [!WARNING]"
            let body = render(text).trimmingNewlines.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }
            return ([marker] + body).joined(separator: "\n")
        }
    }

    /// A table row; math in a cell is written as in prose, with `|` escaped so it does not end the cell.
    private func row(_ cells: [String]) -> String {
        let rendered = cells.map { cell in
            TableCellText(cell).pieces.map { piece -> String in
                switch piece {
                case .text(let text): return text.markdownEscaped
                case .math(let tex):
                    let flat = tex.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|")
                    return flat.contains("`") ? "$\(flat)$" : "$`\(flat)`$"
                }
            }.joined()
        }
        return "| " + rendered.joined(separator: " | ") + " |"
    }

    private static func delimiter(_ alignment: ColumnAlignment) -> String {
        switch alignment {
        case .left: return ":---"
        case .center: return ":---:"
        case .right: return "---:"
        }
    }

    private static func longestBacktickRun(in text: String) -> Int {
        var longest = 0
        var current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    /// Renders prose segments; references become links to the anchors written before figures and tables.
    func render(_ text: ResolvedText) -> String {
        var output = ""
        for (index, segment) in text.segments.enumerated() {
            switch segment {
            case .markdown(let markdown):
                output += relinkingImages(markdown, of: text)
            case .inlineMath(let tex, _):
                let flat = tex.replacingOccurrences(of: "\n", with: " ")
                // A backtick inside the formula would end the code span early; `$…$` is the fallback.
                output += flat.contains("`") ? "$\(flat)$" : "$`\(flat)`$"
            case .displayMath(let tex, let prefix, _):
                // GitHub's MathJax shows the `\tag`s but does not reliably keep `\label`s as anchors, so labels
                // become `<a name>` anchors before the block and the references plain "(3)" links to them.
                let (body, labels) = TeXEquations.removingLabels(tex)
                let anchors = labels.map { "<a name=\"\($0)\"></a>" }.joined()
                if !anchors.isEmpty {
                    output += prefix == nil ? "\n\n" + anchors : anchors + "\n" + (prefix ?? "")
                }
                output += Self.mathFence(body, linePrefix: prefix)
                if let prefix, case .markdown(let next)? = text.segments[safe: index + 1], !next.hasPrefix("\n") {
                    output += "\n" + prefix
                }
            case .link(let text, let anchor):
                output += "[\(text)](#\(anchor))"
            case .equationReference(let label, _, _):
                output += label
            }
        }
        return output
    }

    /// Points image links at the copies in `figures/included/`, since `report.md` is not in the notes' folder.
    /// Only destinations the Markdown parser found as images are replaced, in link and reference-definition form.
    private func relinkingImages(_ markdown: String, of text: ResolvedText) -> String {
        var result = markdown
        for (destination, index) in text.images.sorted(by: { $0.key > $1.key }) {
            let target = document.images[index].outputPath
            for (before, after) in [("](", ""), ("](<", ">"), ("]: ", ""), ("]: <", ">")] {
                result = result.replacingOccurrences(of: before + destination + after, with: before + target + after)
            }
        }
        return result
    }

    /// A ```` ```math ```` block. When the formula starts its line, the fence continues that line's prefix (spaces
    /// of a list item, `>` of a quote) on every line; otherwise it is set off as a block of its own.
    private static func mathFence(_ tex: String, linePrefix: String?) -> String {
        guard let prefix = linePrefix else {
            return "\n\n```math\n\(tex)\n```\n\n"
        }
        let body = tex.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
        return (["```math"] + body + [prefix + "```"]).joined(separator: "\n")
    }
}

extension String {
    /// The text without leading and trailing newlines.
    var trimmingNewlines: String {
        var text = Substring(self)
        while text.first == "\n" { text = text.dropFirst() }
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
