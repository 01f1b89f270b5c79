/// A numbered section with a heading; a section inside a section is a subsection (1, 1.1, 1.1.1, …).
///
/// Headings are plain text: Markdown and HTML special characters in `title` are escaped by the writers.
public struct Section: DocumentComponent {
    let title: String
    let children: [DocumentNode]

    /// Creates a section.
    /// - Parameters:
    ///   - title: the heading, without its number (the writers add it).
    ///   - content: the section's blocks, including any subsections.
    public init(_ title: String, @ContentBuilder content: () -> [DocumentNode]) {
        self.title = title
        children = content()
    }

    public var documentNode: DocumentNode { DocumentNode(kind: .section(title: title, children: children)) }
}
