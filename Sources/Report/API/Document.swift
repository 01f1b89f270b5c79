import Foundation

/// A handout: a title, a language, the seed of the run, and blocks built with ``ContentBuilder``.
///
/// Its text is either the builder's blocks (below) or a Markdown file that places named results (see
/// ``init(title:markdown:subtitle:author:course:date:language:seed:includesReproducibilityAppendix:parts:)``).
///
/// ```swift
/// let document = Document(title: "Adam vs SGD", language: .english, seed: 42) {
///     Section("Training") {
///         #"Adam divides by $\sqrt{\hat v_t} + \epsilon$ ($\epsilon = \#(epsilon)$); see @fig:loss-curves."#
///         FigureBlock(name: "loss-curves", caption: "Training loss per epoch.", lossFigure)
///     }
/// }
/// let written = try document.write(to: stagingDirectory, context: context)
/// ```
///
/// The document is a value: building it does no work. Figures are rendered, files read and references resolved
/// by ``write(to:context:htmlSizeBudget:)``.
public struct Document {
    /// The title, the HTML `<title>` and the Markdown's first heading (plain text).
    public var title: String
    /// Subtitle, author, course and date, shown under the title in both outputs.
    public var titleBlock: TitleBlock
    /// The language of the scaffolding words.
    public var language: DocumentLanguage
    /// The random seed of the run, printed in the reproducibility appendix; `nil` if the run uses none.
    public var seed: UInt64?
    /// Whether to end with the reproducibility appendix (on by default).
    public var includesReproducibilityAppendix: Bool
    var children: [DocumentNode]
    /// The Markdown file that makes the document's text, relative to the experiment folder; `nil` when the
    /// builder's blocks are the document (see `Document+Markdown.swift`).
    var markdownPath: String?
    /// Whether the title is the Markdown file's first heading.
    var titleFromMarkdown = false

    /// Creates a document.
    /// - Parameters:
    ///   - title: the title (plain text).
    ///   - subtitle: a line under the title (plain text).
    ///   - author: who wrote the handout.
    ///   - course: the course it belongs to.
    ///   - date: the date to print, as text; never taken from the clock, so outputs stay reproducible.
    ///   - language: `.english` or `.chinese`; sets caption words and appendix headings.
    ///   - seed: the random seed of the run, for the appendix.
    ///   - includesReproducibilityAppendix: whether to end with the appendix built from the ``RunContext``.
    ///   - content: the blocks.
    public init(
        title: String,
        subtitle: String? = nil,
        author: String? = nil,
        course: String? = nil,
        date: String? = nil,
        language: DocumentLanguage = .english,
        seed: UInt64? = nil,
        includesReproducibilityAppendix: Bool = true,
        @ContentBuilder content: () -> [DocumentNode]
    ) {
        self.title = title
        titleBlock = TitleBlock(subtitle: subtitle, author: author, course: course, date: date)
        self.language = language
        self.seed = seed
        self.includesReproducibilityAppendix = includesReproducibilityAppendix
        children = content()
    }
}
