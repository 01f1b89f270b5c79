/// A first-order optimizer: one pure update rule applied to each parameter tensor θ with its gradient g.
///
/// The optimizers of this module, in order of increasing complexity: ``SGD``, ``Momentum``, ``Nesterov``,
/// ``AdaGrad``, ``RMSProp``, ``Adam``, ``AdamW``. Each follows `torch.optim` exactly (same defaults, same order of
/// operations, ε in the same place), which the tests check against trajectories computed with PyTorch.
///
/// State (velocities, moment estimates, step counts) is kept per *slot*, one slot per parameter tensor, created
/// on first use. ``Sequential/update(with:)`` numbers the tensors of a network in a fixed order; a 2-D test
/// function uses slot 0 for its point.
public protocol Optimizer<Scalar>: Sendable {
    associatedtype Scalar: TrainingScalar

    /// The step size α used by the next update (a learning-rate schedule changes it between epochs).
    var learningRate: Double { get set }

    /// A short name for legends and tables, e.g. "Adam".
    var name: String { get }

    /// Updates `parameter` in place from its gradient; advances the slot's step count t by one.
    mutating func update(_ parameter: inout [Scalar], gradient: [Scalar], slot: Int)
}
