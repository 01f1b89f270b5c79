/// Plain (stochastic) gradient descent, the rule of notes 000/001 and `torch.optim.SGD(lr)`.
///
/// ```
/// θ ← θ − α g
/// ```
/// - Note: No default learning rate: PyTorch has none either, and the right value depends on the problem.
public struct SGD<Scalar: TrainingScalar>: Optimizer {
    public var learningRate: Double
    public var name: String { "SGD" }

    /// Creates the optimizer with step size `learningRate` (α).
    public init(learningRate: Double) {
        self.learningRate = learningRate
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(_ parameter: inout [Scalar], gradient: [Scalar], slot: Int) {
        let alpha = Scalar(learningRate)
        parameter.withUnsafeMutableBufferPointer { theta in
            gradient.withUnsafeBufferPointer { g in
                for i in 0..<theta.count { theta[i] -= alpha * g[i] }
            }
        }
    }
}
