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
///   ρ is fixed when the optimizer is made.
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
        let alpha = Scalar(learningRate), rho = Scalar(momentum)
        slots.withBuffers(slot: slot, parameter: &parameter, gradient: gradient) { count, theta, g, decayedVelocity, _ in
            for i in 0..<count {
                let velocity = decayedVelocity[i] + g[i]
                theta[i] -= alpha * velocity
                decayedVelocity[i] = rho * velocity
            }
        }
    }

    mutating func exchangeAccumulator(_ buffer: inout [Scalar], slot: Int) {
        slots.exchangeFirst(&buffer, slot: slot)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    mutating func updateFromAccumulator(_ parameter: inout [Scalar], slot: Int) {
        _ = slots.beginStep(slot: slot, count: parameter.count)
        let alpha = Scalar(learningRate), rho = Scalar(momentum)
        slots.withBuffers(slot: slot, parameter: &parameter) { count, theta, velocity in
            for i in 0..<count {
                theta[i] -= alpha * velocity[i]
                velocity[i] *= rho
            }
        }
    }
}
