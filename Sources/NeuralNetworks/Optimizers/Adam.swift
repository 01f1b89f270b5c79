import Foundation

/// Adam (Kingma & Ba 2015) with bias correction, as `torch.optim.Adam(lr, betas, eps)`.
///
/// ```
/// t ← t + 1
/// m ← β₁ m + (1 − β₁) g          (m, v start at 0)
/// v ← β₂ v + (1 − β₂) g²
/// m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
/// θ ← θ − α m̂ / (√v̂ + ε)
/// ```
/// - Note: Defaults are PyTorch's: α = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8 (outside the root, added after the
///   bias correction). Bias correction is always on. Notes 001's Adam code squares g in the first moment and
///   reuses W's moments for b; those are mistakes, not variants.
public struct Adam<Scalar: TrainingScalar>: Optimizer {
    public var learningRate: Double
    /// β₁, the decay of the first-moment estimate m.
    public var beta1: Double
    /// β₂, the decay of the second-moment estimate v.
    public var beta2: Double
    /// ε, added to √v̂.
    public var epsilon: Double
    public var name: String { "Adam" }
    private var slots = OptimizerSlots<Scalar>()

    /// Creates the optimizer with PyTorch's defaults.
    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(_ parameter: inout [Scalar], gradient: [Scalar], slot: Int) {
        let t = slots.beginStep(slot: slot, count: parameter.count)
        // Computed as PyTorch does (m by linear interpolation, the step size and √(1 − β₂ᵗ) folded separately) so
        // trajectories agree to rounding.
        let b1 = Scalar(beta1), b2 = Scalar(beta2), epsilon = Scalar(self.epsilon)
        let biasCorrection1 = 1 - Foundation.pow(beta1, Double(t))
        let biasCorrection2 = 1 - Foundation.pow(beta2, Double(t))
        let stepSize = Scalar(learningRate / biasCorrection1)
        let biasCorrection2Root = Scalar(biasCorrection2.squareRoot())
        slots.withBuffers(slot: slot, parameter: &parameter, gradient: gradient) { count, theta, g, m, v in
            // Two passes: the moment updates vectorise; the square root (which Swift on Linux lowers with an
            // errno check) keeps the second pass scalar.
            for i in 0..<count {
                let gradient = g[i]
                m[i] += (1 - b1) * (gradient - m[i])
                v[i] = v[i] * b2 + (1 - b2) * gradient * gradient
            }
            for i in 0..<count {
                theta[i] -= stepSize * (m[i] / (v[i].squareRoot() / biasCorrection2Root + epsilon))
            }
        }
    }
}
