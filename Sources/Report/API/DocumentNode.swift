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
        /// Blocks whose words depend on the document's language, made when the document is written.
        case localized((DocumentLanguage) -> [DocumentNode])
    }

    let kind: Kind
}
