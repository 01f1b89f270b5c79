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

/// Per-slot optimizer state: a few vectors of the parameter's size and the step count.
struct OptimizerSlots<Scalar: TrainingScalar>: Sendable {
    private(set) var buffers: [[[Scalar]]] = []
    private(set) var steps: [Int] = []
    let buffersPerSlot: Int
    let initialValue: Scalar

    init(buffersPerSlot: Int, initialValue: Scalar = 0) {
        self.buffersPerSlot = buffersPerSlot
        self.initialValue = initialValue
    }

    /// Creates the slot if needed, advances its step count and returns the new count t (1 on first use).
    mutating func beginStep(slot: Int, count: Int) -> Int {
        while buffers.count <= slot {
            buffers.append([])
            steps.append(0)
        }
        if buffers[slot].isEmpty {
            buffers[slot] = Array(repeating: Array(repeating: initialValue, count: count), count: buffersPerSlot)
        }
        precondition(buffers[slot][0].count == count, "Slot \(slot) holds \(buffers[slot][0].count) values, got a parameter of \(count)")
        steps[slot] += 1
        return steps[slot]
    }

    /// Runs `body` with mutable access to the slot's buffers.
    mutating func withBuffers<Result>(slot: Int, _ body: (inout [[Scalar]]) -> Result) -> Result {
        body(&buffers[slot])
    }
}
