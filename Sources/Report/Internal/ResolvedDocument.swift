import Foundation

/// A document with every number assigned, every reference resolved, every file read and every figure rendered:
/// what both writers print, so they cannot disagree about numbering.
struct ResolvedDocument {
    var title: String
    var titleBlock = TitleBlock()
    var language: DocumentLanguage
    var blocks: [ResolvedBlock]
    /// The rendered figures in document order, written once to `figures/` and embedded once in the HTML.
    var figures: [RenderedFigure]
    /// Images referenced from prose (e.g. a teacher's notes), copied to `figures/included/` and embedded.
    var images: [IncludedImage] = []
    /// Things worth telling the author that do not stop the document, e.g. a named value no prose uses.
    var warnings: [String] = []
}

/// An image file from the experiment folder that prose links to.
struct IncludedImage {
    /// Where it is written, relative to the report, e.g. `figures/included/img-3-1.png`.
    var outputPath: String
    var mediaType: String
    var data: Data
}

/// A figure's PNG, rendered once.
struct RenderedFigure {
    var name: String
    var png: Data
    /// Image pixels per CSS pixel.
    var pixelsPerPoint: Double = 1
}

/// One block of a resolved document.
enum ResolvedBlock {
    /// A section heading; `level` 2 for sections, 3 for subsections, …; `number` like `1.2`, empty for the appendix.
    case heading(level: Int, number: String, title: String, anchor: String)
    /// A heading of an included Markdown file: unnumbered, its title Markdown that may hold math.
    /// A heading of Markdown: of an included file (unnumbered, `number` empty) or of the document's Markdown file
    /// (a numbered section); its title Markdown that may hold math.
    case includedHeading(level: Int, number: String, title: ResolvedText, anchor: String)
    case prose(ResolvedText)
    case figure(label: String, anchor: String, caption: ResolvedText, figureIndex: Int)
    /// A table; numbered tables have a caption label, anchor and caption, summaries none.
    case table(label: String?, anchor: String?, caption: ResolvedText?, content: TableContent)
    case code(language: String, text: String, caption: ResolvedText?)
    case callout(Callout.Kind, ResolvedText)
}

/// Prose whose references are resolved, with where it came from for error messages.
struct ResolvedText {
    var segments: [ResolvedSegment]
    /// E.g. `prose block 3 in section “2 Training”`, or a file name.
    var origin: String
    /// Whether `origin` is a file, so a location is written `file:line`.
    var originIsFile: Bool
    /// Image destinations as written in the prose, mapped to their index in ``ResolvedDocument/images``.
    var images: [String: Int] = [:]
    /// The line of `origin` this text starts at, when it is a part of a file cut at its headings.
    var firstLine = 1
    /// Characters of the file before the text on each of its lines (a heading's `## `, a callout's `> `).
    var columnOffset = 0

    /// Where line `line` of this text is, for an error message.
    func location(line: Int) -> String {
        let line = firstLine + line - 1
        return originIsFile ? "\(origin):\(line)" : "\(origin), line \(line)"
    }

    /// Where line `line`, column `column` of this text is: `file:line:column`, as compilers write it.
    func location(line: Int, column: Int) -> String {
        let fileLine = firstLine + line - 1
        let fileColumn = column + columnOffset
        return originIsFile ? "\(origin):\(fileLine):\(fileColumn)" : "\(origin), line \(fileLine), column \(fileColumn)"
    }
}

/// One piece of resolved prose.
enum ResolvedSegment: Equatable {
    case markdown(String)
    case inlineMath(String, line: Int)
    case displayMath(String, linePrefix: String?, line: Int)
    /// A resolved cross-reference, e.g. text `Figure 3`, anchor `fig-loss-curves`.
    case link(text: String, anchor: String)
    /// A reference to an equation's label, until ``EquationResolver`` numbers the equations and makes it a link.
    case equationReference(label: String, form: EquationReferenceForm, line: Int)
}
