/// One block of a document, as produced by a ``DocumentComponent``.
///
/// The cases are internal so that every block is made through a component's public initialiser, which validates
/// it; a custom component composes existing ones (see ``Group``).
public struct DocumentNode {
    indirect enum Kind {
        case section(title: String, children: [DocumentNode])
        case prose(markdown: String)
        case figure(FigureBlock)
        case table(TableContent)
        case snippet(Snippet)
        case callout(Callout)
        case metrics(MetricsSummary)
        case include(Include)
        case group([DocumentNode])
        /// A named value: defines a name, writes nothing.
        case value(Value)
        /// Named blocks: a group where Swift places them, or placed by `{{part: name}}` from Markdown.
        case part(Part)
        /// A heading of a document's Markdown and what follows it up to the next heading of its level or above.
        case markdownSection(MarkdownText, children: [DocumentNode])
        /// Markdown text of a document's Markdown file between headings and placements (or a callout of it).
        case markdownText(MarkdownText)
        /// Blocks whose words depend on the document's language, made when the document is written.
        case localized((DocumentLanguage) -> [DocumentNode])
    }

    let kind: Kind
}
