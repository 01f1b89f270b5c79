/// A passage of Markdown (GitHub Flavored) with math and cross-references.
///
/// Write it as a raw string, so TeX keeps its single backslashes and computed numbers go in with `\#(…)`:
///
/// ```swift
/// Prose(#"The slope is $\sigma'(0) = \#(slope)$, and the loss {{value: final-loss}}."#)
/// ```
///
/// (`{{value: name}}` writes a ``Value`` in its ``NumberFormat``, as text outside math and as TeX inside it.)
///
/// - Inline math `$…$`: the opening `$` must be followed, and the closing `$` preceded, by a non-space, and the
///   closing `$` must not be followed by a digit (so "costs $5 and $6" stays text). Write a literal dollar as `\$`.
/// - Display math `$$…$$`, best on lines of their own.
/// - References `@fig:name` and `@tab:name` become "Figure 3" / "图 3" linked to the block; a name that no block
///   has is an error naming it. `@` preceded by a letter or digit (an e-mail address) is left alone.
/// - Math, references and code spans/blocks are recognised before Markdown is parsed, so `_` and `*` inside
///   math never become emphasis, and `$` inside code stays code.
///
/// - Images `![alt](img/plot.png)` must be PNG, JPEG, GIF or WebP files inside the experiment folder: they are
///   copied to `figures/included/` for the Markdown and embedded as `data:` URIs in the HTML. Remote images are an
///   error, since the reader's browser would fetch them.
///
/// - Note: Raw HTML in prose is not rendered in the HTML handout (cmark-gfm's safe mode replaces it by a
///   comment), so prose cannot inject markup. The Markdown output passes prose through unchanged; GitHub
///   sanitises it.
public struct Prose: DocumentComponent {
    let markdown: String

    /// Creates a passage.
    /// - Parameter markdown: the text.
    public init(_ markdown: String) {
        self.markdown = markdown
    }

    public var documentNode: DocumentNode { DocumentNode(kind: .prose(markdown: markdown)) }
}
