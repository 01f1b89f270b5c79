/// A stretch of a document's Markdown file, with where it is in the file, for messages that name file, line
/// and column.
struct MarkdownText {
    /// The Markdown (for a heading, its title; for a callout, its body without the quote markers).
    var text: String
    /// The file as messages name it, e.g. `experiments/backpropagation/handout.md`.
    var file: String
    /// The file's line that `text` starts on (1-based).
    var firstLine: Int
    /// Characters of the file before `text` on each of its lines: a heading's `## `, a callout's `> `.
    var columnOffset = 0
    /// Set when the text is the body of a `> [!NOTE]` / `> [!WARNING]` quote.
    var calloutKind: Callout.Kind?
    /// For a heading, the name given by a trailing `{#name}`, which `@sec:name` refers to.
    var sectionName: String?
}
