/// Several blocks as one component, with no heading or frame of its own; for custom components and helpers.
public struct Group: DocumentComponent {
    let children: [DocumentNode]

    /// Creates a group.
    /// - Parameter content: the blocks, in order.
    public init(@ContentBuilder _ content: () -> [DocumentNode]) {
        children = content()
    }

    public var documentNode: DocumentNode { DocumentNode(kind: .group(children)) }
}
