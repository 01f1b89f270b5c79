/// A highlighted note or warning.
///
/// In Markdown it is a GitHub alert (`> [!NOTE]`), which GitHub renders as a coloured box; in HTML an `<aside>`.
public struct Callout: DocumentComponent {
    /// What kind of callout it is; it sets the title ("Note" / "注意") and the colour.
    public enum Kind: Sendable, Equatable {
        /// Useful information the reader should notice.
        case note
        /// Something that can go wrong, e.g. a pitfall of the method.
        case warning
    }

    let kind: Kind
    let markdown: String

    /// Creates a callout.
    /// - Parameters:
    ///   - kind: note or warning.
    ///   - markdown: its text, Markdown with math and references as in ``Prose``.
    public init(_ kind: Kind, _ markdown: String) {
        self.kind = kind
        self.markdown = markdown
    }

    public var documentNode: DocumentNode { DocumentNode(kind: .callout(self)) }
}
