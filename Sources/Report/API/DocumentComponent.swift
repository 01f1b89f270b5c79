/// Anything that can stand in a ``Document``'s or ``Section``'s content builder.
///
/// Library components (``Prose``, ``FigureBlock``, ``Table``, …) conform. To write your own, build it from
/// existing components:
///
/// ```swift
/// struct Definition: DocumentComponent {
///     var term: String
///     var meaning: String
///     var documentNode: DocumentNode { Prose("**\(term)**: \(meaning)").documentNode }
/// }
/// ```
public protocol DocumentComponent {
    /// The block this component contributes to the document.
    var documentNode: DocumentNode { get }
}
