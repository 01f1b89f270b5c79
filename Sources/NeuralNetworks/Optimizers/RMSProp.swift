/// RMSProp (Hinton's lecture 6e), plain or centred, as `torch.optim.RMSprop(lr, alpha, eps, centered)`.
///
/// ```
/// r ← ρ r + (1 − ρ) g²                      (r starts at 0)
/// plain:    θ ← θ − α g / (√r + ε)
/// centred:  m ← ρ m + (1 − ρ) g             (m starts at 0)
///           θ ← θ − α g / (√(r − m²) + ε)
/// ```
/// - Note: ρ is PyTorch's `alpha` (smoothing constant), default 0.99; ε = 1e-8 is added outside the root; the
///   default α is PyTorch's 0.01. The centred form divides by an estimate of the gradient's standard deviation
///   rather than its root mean square. Notes 001 write ε inside the root with δ = 1e-6.
public struct RMSProp<Scalar: TrainingScalar>: Optimizer {
    public var learningRate: Double
    /// ρ, the decay of the running averages.
    public var decay: Double
    /// ε, added to the root.
    public var epsilon: Double
    /// Whether to subtract the squared running mean of g (centred RMSProp).
    public var centered: Bool
    public var name: String { centered ? "RMSProp (centred)" : "RMSProp" }
    private var slots: OptimizerSlots<Scalar>

    /// Creates the optimizer.
    /// - Parameters:
    ///   - learningRate: α, default 0.01.
    ///   - decay: ρ, default 0.99.
    ///   - epsilon: ε, default 1e-8.
    ///   - centered: Default false.
    public init(learningRate: Double = 0.01, decay: Double = 0.99, epsilon: Double = 1e-8, centered: Bool = false) {
        self.learningRate = learningRate
        self.decay = decay
        self.epsilon = epsilon
        self.centered = centered
        slots = OptimizerSlots()
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(_ parameter: inout [Scalar], gradient: [Scalar], slot: Int) {
        _ = slots.beginStep(slot: slot, count: parameter.count)
        let alpha = Scalar(learningRate), rho = Scalar(decay), epsilon = Scalar(self.epsilon)
        let centered = self.centered
        slots.withBuffers(slot: slot, parameter: &parameter, gradient: gradient) { count, theta, g, r, m in
            if centered {
                for i in 0..<count {
                    r[i] = rho * r[i] + (1 - rho) * g[i] * g[i]
                    m[i] = rho * m[i] + (1 - rho) * g[i]
                    theta[i] -= alpha * (g[i] / ((r[i] - m[i] * m[i]).squareRoot() + epsilon))
                }
            } else {
                for i in 0..<count {
                    r[i] = rho * r[i] + (1 - rho) * g[i] * g[i]
                    theta[i] -= alpha * (g[i] / (r[i].squareRoot() + epsilon))
                }
            }
        }
    }
}
