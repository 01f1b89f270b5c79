/// Blocks under one name, for a document written in Markdown to place with `{{part: name}}`.
///
/// ```swift
/// Part("first-step") {
///     WorkedExample(network: network, input: input, target: target, learningRate: 0.5)
/// }
/// ```
///
/// Figures, tables and snippets already have names; a part names anything else a Markdown handout places:
/// a ``WorkedExample``, a ``MetricsSummary``, a ``Callout`` whose text is built in Swift, several blocks at once.
/// In a document built in Swift a part is a ``Group``: its blocks stand where it stands.
public struct Part: DocumentComponent {
    let name: String
    let children: [DocumentNode]

    /// Creates a named part.
    /// - Parameters:
    ///   - name: the name Markdown uses in `{{part: name}}`, unique among parts.
    ///   - content: the blocks, in order.
    public init(_ name: String, @ContentBuilder content: () -> [DocumentNode]) {
        self.name = name
        children = content()
    }

    public var documentNode: DocumentNode { DocumentNode(kind: .part(self)) }
}
