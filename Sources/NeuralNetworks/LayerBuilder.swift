/// Builds the layer list of a ``Sequential`` network from statements, one layer per line.
@resultBuilder
public enum LayerBuilder<Scalar: TrainingScalar> {
    /// One layer.
    public static func buildExpression(_ layer: any Layer<Scalar>) -> [any Layer<Scalar>] { [layer] }
    /// Several layers from a nested list (e.g. a helper returning a block).
    public static func buildExpression(_ layers: [any Layer<Scalar>]) -> [any Layer<Scalar>] { layers }
    /// The statements of the block, concatenated.
    public static func buildBlock(_ components: [any Layer<Scalar>]...) -> [any Layer<Scalar>] { components.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ component: [any Layer<Scalar>]?) -> [any Layer<Scalar>] { component ?? [] }
    /// The first branch of an `if`/`else`.
    public static func buildEither(first component: [any Layer<Scalar>]) -> [any Layer<Scalar>] { component }
    /// The second branch of an `if`/`else`.
    public static func buildEither(second component: [any Layer<Scalar>]) -> [any Layer<Scalar>] { component }
    /// A `for` loop.
    public static func buildArray(_ components: [[any Layer<Scalar>]]) -> [any Layer<Scalar>] { components.flatMap { $0 } }
}
