/// Nesterov momentum in PyTorch's form, `torch.optim.SGD(lr, momentum=ρ, nesterov=True)`.
///
/// ```
/// v ← ρ v + g        (v starts at 0)
/// θ ← θ − α (g + ρ v)
/// ```
/// - Note: This is the "look-ahead" gradient rewritten so only the current gradient is needed (Sutskever et
///   al. 2013, as implemented by PyTorch). Default ρ = 0.9.
public struct Nesterov<Scalar: TrainingScalar>: Optimizer {
    public var learningRate: Double
    /// ρ, the weight of the previous velocity.
    public var momentum: Double
    public var name: String { "Nesterov" }
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
        slots.withBuffers(slot: slot, parameter: &parameter, gradient: gradient) { count, theta, g, v, _ in
            for i in 0..<count {
                v[i] = rho * v[i] + g[i]
                theta[i] -= alpha * (g[i] + rho * v[i])
            }
        }
    }
}
