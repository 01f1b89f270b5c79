/// The result builder behind `Document { … }`, `Section("…") { … }` and `Group { … }`.
///
/// Each statement in the closure is one ``DocumentComponent`` (or a string, taken as ``Prose``); `if`, `if/else`,
/// `switch` and `for … in` work as in SwiftUI. The builder only collects blocks in order: numbering and
/// cross-references are resolved when the document is written.
@resultBuilder
public enum ContentBuilder {
    /// Turns one component statement into the builder's partial result.
    /// - Parameter component: a block such as ``Prose`` or ``FigureBlock``.
    /// - Returns: the component's node, alone.
    public static func buildExpression(_ component: some DocumentComponent) -> [DocumentNode] {
        [component.documentNode]
    }

    /// Turns a bare string statement into prose, so short paragraphs need no `Prose(…)` around them.
    /// - Parameter markdown: Markdown with `$…$` / `$$…$$` math and `@fig:` / `@tab:` references.
    /// - Returns: one prose node.
    public static func buildExpression(_ markdown: String) -> [DocumentNode] {
        [Prose(markdown).documentNode]
    }

    /// Passes an already-built list through, so a helper returning `[DocumentNode]` can be used as a statement.
    /// - Parameter nodes: nodes built elsewhere.
    /// - Returns: the same nodes.
    public static func buildExpression(_ nodes: [DocumentNode]) -> [DocumentNode] {
        nodes
    }

    /// Joins the statements of a closure, in order.
    /// - Parameter parts: one partial result per statement.
    /// - Returns: all their nodes, in source order.
    public static func buildBlock(_ parts: [DocumentNode]...) -> [DocumentNode] {
        parts.flatMap { $0 }
    }

    /// Supports `if` without `else`: a false condition contributes nothing.
    /// - Parameter part: the nodes of the `if` body, or `nil` when the condition was false.
    /// - Returns: the body's nodes or none.
    public static func buildOptional(_ part: [DocumentNode]?) -> [DocumentNode] {
        part ?? []
    }

    /// Supports the first branch of `if/else` and `switch`.
    /// - Parameter first: the nodes of the branch taken.
    /// - Returns: the same nodes.
    public static func buildEither(first: [DocumentNode]) -> [DocumentNode] {
        first
    }

    /// Supports the second branch of `if/else` and `switch`.
    /// - Parameter second: the nodes of the branch taken.
    /// - Returns: the same nodes.
    public static func buildEither(second: [DocumentNode]) -> [DocumentNode] {
        second
    }

    /// Supports `for … in` loops, e.g. one figure per optimizer.
    /// - Parameter parts: one partial result per iteration.
    /// - Returns: all their nodes, in iteration order.
    public static func buildArray(_ parts: [[DocumentNode]]) -> [DocumentNode] {
        parts.flatMap { $0 }
    }

    /// Supports `if #available` blocks.
    /// - Parameter part: the nodes of the available branch.
    /// - Returns: the same nodes.
    public static func buildLimitedAvailability(_ part: [DocumentNode]) -> [DocumentNode] {
        part
    }
}
