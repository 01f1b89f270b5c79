import Foundation

extension Document {
    /// The default size above which ``WrittenReport/sizeWarning`` warns about `report.html`: 5 MB.
    public static let defaultHTMLSizeBudget = 5_000_000

    /// Writes `report.md`, `report.html` and `figures/<name>.png` into `directory`, and copies images that prose
    /// links to into `figures/included/`.
    ///
    /// Figures are rendered once, in document order, and the same bytes are saved and embedded. The same
    /// document and context always give byte-identical files: nothing here reads the clock, and nothing is
    /// iterated in hash order.
    ///
    /// - Parameters:
    ///   - directory: an existing, empty folder (the caller stages it and renames it into place).
    ///   - context: facts about the run, for the appendix and to find snippets and included files.
    ///   - htmlSizeBudget: the size in bytes above which the result carries a warning.
    /// - Returns: the files written and the HTML size.
    /// - Throws: ``ReportError`` naming the block, figure, file or line at fault; file-system errors as thrown.
    @discardableResult
    public func write(
        to directory: URL,
        context: RunContext,
        htmlSizeBudget: Int = Document.defaultHTMLSizeBudget
    ) throws -> WrittenReport {
        let rendered = try render(context: context)
        let figuresDirectory = directory.appendingPathComponent("figures", isDirectory: true)
        var figureFiles: [URL] = []
        if !rendered.figures.isEmpty {
            try FileManager.default.createDirectory(at: figuresDirectory, withIntermediateDirectories: true)
        }
        for figure in rendered.figures {
            let url = figuresDirectory.appendingPathComponent("\(figure.name).png")
            try figure.png.write(to: url)
            figureFiles.append(url)
        }
        for image in rendered.images {
            let url = directory.appendingPathComponent(image.outputPath)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try image.data.write(to: url)
            figureFiles.append(url)
        }
        let markdownFile = directory.appendingPathComponent("report.md")
        let htmlFile = directory.appendingPathComponent("report.html")
        let htmlData = Data(rendered.html.utf8)
        try Data(rendered.markdown.utf8).write(to: markdownFile)
        try htmlData.write(to: htmlFile)
        return WrittenReport(
            markdownFile: markdownFile,
            htmlFile: htmlFile,
            figureFiles: figureFiles,
            htmlByteCount: htmlData.count,
            htmlSizeBudget: htmlSizeBudget,
            warnings: rendered.warnings
        )
    }

    /// Resolves the document once and renders both texts from the same resolution, so numbering agrees.
    func render(
        context: RunContext,
        convertMath: HTMLWriter.MathConverter? = nil
    ) throws -> (markdown: String, html: String, figures: [RenderedFigure], images: [IncludedImage], warnings: [String]) {
        var resolver = DocumentResolver(document: self, context: context)
        let resolved = try resolver.resolve()
        var htmlWriter = HTMLWriter(document: resolved)
        if let convertMath { htmlWriter.convertMath = convertMath }
        return (MarkdownWriter(document: resolved).render(), try htmlWriter.render(), resolved.figures, resolved.images,
                resolved.warnings)
    }
}
