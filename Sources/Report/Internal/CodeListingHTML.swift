/// A code listing as HTML: `<pre><code class="language-…">`, Swift coloured by ``SwiftCodeClassifier``, every
/// other language (and a listing with none) as plain escaped text.
///
/// Each line is `<span class="line">[<span class="indent">leading blanks</span>]<span class="text">…</span>\n</span>`.
/// On screen these spans change nothing (the box scrolls sideways); in print, where long lines wrap, the
/// stylesheet lays each line out so that its continuation is indented past the line's own indentation, which
/// marks it as a continuation and not a new line. A token that spans lines (a block comment, a multi-line
/// string) is closed at each line end and reopened on the next line, so every line's spans are whole.
enum CodeListingHTML {
    /// The `<pre>` element for `code`.
    /// - Parameters:
    ///   - code: the listing; one final line break, if any, is not an empty last line.
    ///   - language: the fence's language (its info string's first word); `nil` or empty for none.
    static func html(_ code: String, language: String?) -> String {
        var text = Substring(code)
        if text.hasSuffix("\n") { text.removeLast() }
        let language = language.flatMap { $0.isEmpty ? nil : $0 }
        let runs = language?.lowercased() == "swift"
            ? SwiftCodeClassifier.runs(of: String(text))
            : [CodeRun(text: String(text), style: nil)]
        let open = language.map { "<pre><code class=\"language-\($0.htmlEscaped)\">" } ?? "<pre><code>"
        return open + lines(of: runs).map(lineHTML).joined() + "</code></pre>"
    }

    /// The runs of each line. A line ends at `\n`, `\r\n` or `\r`, as an HTML parser reads them.
    static func lines(of runs: [CodeRun]) -> [[CodeRun]] {
        var lines: [[CodeRun]] = [[]]
        var afterCarriageReturn = false
        for run in runs {
            var piece = ""
            for scalar in run.text.unicodeScalars {
                if scalar == "\n" && afterCarriageReturn {
                    afterCarriageReturn = false
                    continue
                }
                afterCarriageReturn = scalar == "\r"
                if scalar == "\n" || scalar == "\r" {
                    if !piece.isEmpty { lines[lines.count - 1].append(CodeRun(text: piece, style: run.style)) }
                    piece = ""
                    lines.append([])
                } else {
                    piece.unicodeScalars.append(scalar)
                }
            }
            if !piece.isEmpty { lines[lines.count - 1].append(CodeRun(text: piece, style: run.style)) }
        }
        return lines
    }

    private static func lineHTML(_ runs: [CodeRun]) -> String {
        var runs = runs[...]
        var indent = ""
        while let first = runs.first {
            let blanks = first.text.prefix { $0 == " " || $0 == "\t" }
            indent += blanks
            if blanks.count < first.text.count {
                runs[runs.startIndex].text.removeFirst(blanks.count)
                break
            }
            runs.removeFirst()
        }
        var html = "<span class=\"line\">"
        if !indent.isEmpty { html += "<span class=\"indent\">\(indent)</span>" }
        if !runs.isEmpty {
            html += "<span class=\"text\">"
            for run in runs {
                html += run.style.map { "<span class=\"\($0.rawValue)\">\(run.text.htmlEscaped)</span>" }
                    ?? run.text.htmlEscaped
            }
            html += "</span>"
        }
        return html + "\n</span>"
    }
}
