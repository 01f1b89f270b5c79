/// Gradient descent with (heavy-ball) momentum, as in notes 001 and `torch.optim.SGD(lr, momentum=ρ)`.
///
/// ```
/// v ← ρ v + g        (v starts at 0, so after the first step v = g)
/// θ ← θ − α v
/// ```
/// - Note: PyTorch's convention, with the learning rate outside the velocity. The other common form,
///   `v ← ρv − αg; θ ← θ + v`, gives the same path for a constant α but differs when α changes.
///   Default ρ = 0.9.
/// - Note: Each slot keeps the decayed velocity `s = ρv` (multiplied at the end of a step instead of the start
///   of the next, the same numbers), so that a step needs the gradient only as `s + g`: the training loop lets
///   the backward pass add the gradient straight into `s` (see `GradientAccumulatingOptimizer`). This is why
///   ρ is fixed when the optimizer is made. `θ − αv` is rounded once (BLAS `axpy`, a fused multiply-add), as
///   PyTorch's vectorised `add_(v, alpha: −α)` does.
public struct Momentum<Scalar: TrainingScalar>: Optimizer, GradientAccumulatingOptimizer {
    public var learningRate: Double
    /// ρ, the weight of the previous velocity.
    public let momentum: Double
    public var name: String { "Momentum" }
    private var slots = OptimizerSlots<Scalar>()

    /// Creates the optimizer with step size α = `learningRate` and momentum ρ (default 0.9).
    public init(learningRate: Double, momentum: Double = 0.9) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(_ parameter: inout [Scalar], gradient: [Scalar], slot: Int) {
        _ = slots.beginStep(slot: slot, count: parameter.count)
        slots.withBuffers(slot: slot, parameter: &parameter, gradient: gradient) { count, _, g, decayedVelocity, _ in
            for i in 0..<count { decayedVelocity[i] += g[i] }
        }
        step(&parameter, slot: slot)
    }

    mutating func exchangeAccumulator(_ buffer: inout [Scalar], slot: Int) {
        slots.exchangeFirst(&buffer, slot: slot)
    }

    mutating func updateFromAccumulator(_ parameter: inout [Scalar], slot: Int) {
        _ = slots.beginStep(slot: slot, count: parameter.count)
        step(&parameter, slot: slot)
    }

    /// `θ ← θ − α v` and `s ← ρ v`, with the slot holding `v`. Two BLAS passes rather than one loop: OpenBLAS's
    /// kernels use the CPU's widest vectors and share long vectors between its threads, which are spinning
    /// between the matrix products anyway.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private mutating func step(_ parameter: inout [Scalar], slot: Int) {
        let alpha = Scalar(learningRate), rho = Scalar(momentum)
        slots.withBuffers(slot: slot, parameter: &parameter) { count, theta, velocity in
            Scalar.blasAddScaled(count: count, -alpha, velocity, to: theta)
            Scalar.blasScale(count: count, rho, velocity)
        }
    }
}
