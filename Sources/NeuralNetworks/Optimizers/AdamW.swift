/// AdamW (Loshchilov & Hutter 2019): Adam with decoupled weight decay, as `torch.optim.AdamW`.
///
/// ```
/// θ ← θ (1 − α λ)        (decay first, independent of the gradient's scaling)
/// then the Adam step of ``Adam`` on g
/// ```
/// - Note: Defaults are PyTorch's: α = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0.01. The decay applies to every
///   tensor it is given, biases included, as `torch.optim.AdamW` does with a plain parameter list. Unlike the
///   L2 penalty of ``TrainingConfiguration/weightDecay``, it is not scaled by Adam's per-coordinate step.
public struct AdamW<Scalar: TrainingScalar>: Optimizer {
    /// λ, the decoupled decay rate.
    public var weightDecay: Double
    private var adam: Adam<Scalar>

    public var learningRate: Double {
        get { adam.learningRate }
        set { adam.learningRate = newValue }
    }
    public var name: String { "AdamW" }

    /// Creates the optimizer with PyTorch's defaults.
    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
                weightDecay: Double = 0.01) {
        adam = Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
        self.weightDecay = weightDecay
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(_ parameter: inout [Scalar], gradient: [Scalar], slot: Int) {
        let factor = Scalar(1 - learningRate * weightDecay)
        parameter.withUnsafeMutableBufferPointer { theta in
            for i in theta.indices { theta[i] *= factor }
        }
        adam.update(&parameter, gradient: gradient, slot: slot)
    }
}
