import Foundation

/// The `@page` margins of a report's print stylesheet, in points, read from the `margin: T R B L` in millimetres
/// of its `@page` rule (the stylesheet is the one place that sets them, so the fitting pass reads them there).
struct PrintedPage: Equatable {
    var topMargin: Double
    var rightMargin: Double
    var bottomMargin: Double
    var leftMargin: Double

    /// Nil when the document has no `@page` rule with four millimetre margins.
    init?(stylesheetOf html: String) {
        guard let rule = html.range(of: "@page") else { return nil }
        let block = html[rule.upperBound...].prefix(400)
        guard let margin = block.range(of: "margin:") else { return nil }
        let values = block[margin.upperBound...].prefix { $0 != ";" && $0 != "}" }
            .split(separator: " ").compactMap { value -> Double? in
                guard value.hasSuffix("mm"), let number = Double(value.dropLast(2)) else { return nil }
                return number * 72 / 25.4
            }
        guard values.count == 4 else { return nil }
        (topMargin, rightMargin, bottomMargin, leftMargin) = (values[0], values[1], values[2], values[3])
    }
}

/// The measuring copy of a report for ``PDFPrinter``: the figures with ids it found (`<figure class="figure"
/// id=…>` pictures and `<figure class="table…" id=…>` tables), and the copy with markers, ids and links added.
struct PrintedFigureMarkup {
    struct Figure {
        var id: String
        /// Width over height from the image's `width` and `height` attributes; nil for a table.
        var aspectRatio: Double?
    }

    let figures: [Figure]
    let instrumented: String

    static func beforeMarker(_ id: String) -> String { "report-fit-before-\(id)" }
    static func afterMarker(_ id: String) -> String { "report-fit-after-\(id)" }
    static func imageId(_ id: String) -> String { "report-fit-image-\(id)" }
    static func captionId(_ id: String) -> String { "report-fit-caption-\(id)" }

    init(_ html: String) {
        var figures: [Figure] = []
        var output = ""
        var rest = html[...]
        while let start = rest.range(of: "<figure class=\"") {
            output += rest[..<start.lowerBound]
            let tagEnd = rest[start.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[start.lowerBound..<tagEnd]
            guard let close = rest[tagEnd...].range(of: "</figure>"),
                  let id = Self.attribute("id", in: tag),
                  tag.hasPrefix("<figure class=\"figure\"") || tag.hasPrefix("<figure class=\"table") else {
                let next = rest.index(after: start.lowerBound)
                output += rest[start.lowerBound..<next]
                rest = rest[next...]
                continue
            }
            var inner = String(rest[start.lowerBound..<close.upperBound])
            var aspect: Double?
            if tag.hasPrefix("<figure class=\"figure\""), let image = inner.range(of: "<img "),
               let caption = inner.range(of: "<figcaption") {
                let imageTag = inner[image.lowerBound...].prefix { $0 != ">" }
                if let width = Self.attribute("width", in: imageTag).flatMap(Double.init),
                   let height = Self.attribute("height", in: imageTag).flatMap(Double.init), width > 0, height > 0,
                   Self.attribute("id", in: imageTag) == nil, image.upperBound < caption.lowerBound {
                    aspect = width / height
                    inner.replaceSubrange(caption, with: "<figcaption id=\"\(Self.captionId(id))\"")
                    inner.replaceSubrange(image, with: "<img id=\"\(Self.imageId(id))\" ")
                }
            }
            figures.append(Figure(id: id, aspectRatio: aspect))
            output += "<div id=\"\(Self.beforeMarker(id))\"></div>" + inner + "<div id=\"\(Self.afterMarker(id))\"></div>"
            rest = rest[close.upperBound...]
        }
        output += rest
        var targets: [String] = []
        for figure in figures {
            targets += [Self.beforeMarker(figure.id), figure.id, Self.afterMarker(figure.id)]
            if figure.aspectRatio != nil { targets += [Self.imageId(figure.id), Self.captionId(figure.id)] }
        }
        let links = targets.map { "<a href=\"#\($0)\"></a>" }.joined()
        if let body = output.range(of: "</body>", options: .backwards) {
            output.replaceSubrange(body, with: links + "</body>")
        }
        self.figures = figures
        self.instrumented = output
    }

    /// The value of `name="…"` in a start tag.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }

    /// Where each figure landed, from the destinations of a printed measuring copy; figures with a missing
    /// destination are left out.
    func figures(in layout: PrintedPDF) -> [PrintedFigure] {
        figures.compactMap { figure in
            let places = layout.destinations
            guard let before = places[Self.beforeMarker(figure.id)], let top = places[figure.id],
                  let after = places[Self.afterMarker(figure.id)] else { return nil }
            return PrintedFigure(id: figure.id, before: before, top: top, after: after,
                                 image: places[Self.imageId(figure.id)], caption: places[Self.captionId(figure.id)],
                                 aspectRatio: figure.aspectRatio)
        }
    }

    /// `html` with a print-only stylesheet before `</head>` giving each figure's image its height in points
    /// (ids sorted, two decimals, so the copy is the same text for the same heights); `html` when there are none.
    static func withImageHeights(_ html: String, _ heights: [String: Double]) -> String {
        guard !heights.isEmpty, let head = html.range(of: "</head>") else { return html }
        let rules = heights.sorted { $0.key < $1.key }
            .map { "figure.figure[id=\"\($0.key)\"] img { max-height: \(String(format: "%.2f", $0.value))pt; }" }.joined(separator: " ")
        var copy = html
        copy.replaceSubrange(head, with: "<style>@media print { \(rules) }</style>\n</head>")
        return copy
    }
}
