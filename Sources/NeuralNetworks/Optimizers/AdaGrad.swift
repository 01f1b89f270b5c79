/// AdaGrad (Duchi et al. 2011), as `torch.optim.Adagrad(lr, eps)` with no learning-rate decay.
///
/// ```
/// r ← r + g²                 (r starts at initialAccumulatorValue, default 0)
/// θ ← θ − α g / (√r + ε)
/// ```
/// - Note: ε is added *outside* the square root, as in PyTorch; defaults α = 0.01, ε = 1e-10 (PyTorch's).
///   Notes 001 write `δ + √r` with δ = 1e-7; pass `epsilon: 1e-7` for that.
public struct AdaGrad<Scalar: TrainingScalar>: Optimizer {
    public var learningRate: Double
    /// ε, added to √r.
    public var epsilon: Double
    public var name: String { "AdaGrad" }
    private var slots: OptimizerSlots<Scalar>

    /// Creates the optimizer.
    /// - Parameters:
    ///   - learningRate: α, default 0.01.
    ///   - epsilon: ε, default 1e-10.
    ///   - initialAccumulatorValue: The starting value of r, default 0.
    public init(learningRate: Double = 0.01, epsilon: Double = 1e-10, initialAccumulatorValue: Double = 0) {
        self.learningRate = learningRate
        self.epsilon = epsilon
        slots = OptimizerSlots(initialValue: Scalar(initialAccumulatorValue))
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(_ parameter: inout [Scalar], gradient: [Scalar], slot: Int) {
        _ = slots.beginStep(slot: slot, count: parameter.count)
        let alpha = Scalar(learningRate), epsilon = Scalar(self.epsilon)
        slots.withBuffers(slot: slot, parameter: &parameter, gradient: gradient) { count, theta, g, r, _ in
            for i in 0..<count {
                r[i] += g[i] * g[i]
                theta[i] -= alpha * (g[i] / (r[i].squareRoot() + epsilon))
            }
        }
    }
}
