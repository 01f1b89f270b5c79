/// Every intermediate value of one gradient-descent step on a network of ``Dense`` layers, for worked
/// examples: forward values, loss, the δ of every layer, every gradient and the updated parameters.
///
/// Notation of the notes, layer l = 1…L (index 0 here is the first layer):
/// ```
/// z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,   a⁽ˡ⁾ = f(z⁽ˡ⁾),   a⁽⁰⁾ = x
/// δ⁽ᴸ⁾ = ∂L/∂a⁽ᴸ⁾ ⊙ f′(z⁽ᴸ⁾),   δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ⊙ f′(z⁽ˡ⁾)
/// ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ a⁽ˡ⁻¹⁾ᵀ,   ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾
/// W⁽ˡ⁾ ← W⁽ˡ⁾ − α ∂L/∂W⁽ˡ⁾,   b⁽ˡ⁾ ← b⁽ˡ⁾ − α ∂L/∂b⁽ˡ⁾
/// ```
/// Matrices hold one sample per row, so with a single sample `z`, `a` and `δ` are `1 × n` rows.
public struct TrainingStepTrace<Scalar: TrainingScalar>: Sendable {
    /// The values of one layer.
    public struct LayerStep: Sendable {
        /// E.g. "Dense 2→2, sigmoid".
        public var summary: String
        /// W before the step.
        public var weights: Matrix<Scalar>
        /// b before the step.
        public var bias: [Scalar]
        /// z = W a_in + b.
        public var preactivation: Matrix<Scalar>
        /// a = f(z).
        public var activation: Matrix<Scalar>
        /// δ = ∂L/∂z.
        public var delta: Matrix<Scalar>
        /// ∂L/∂W.
        public var weightGradient: Matrix<Scalar>
        /// ∂L/∂b.
        public var biasGradient: [Scalar]
        /// W after the step.
        public var updatedWeights: Matrix<Scalar>
        /// b after the step (unchanged when biases are held fixed).
        public var updatedBias: [Scalar]
    }

    /// The input batch x.
    public var inputs: Matrix<Scalar>
    /// The targets y.
    public var targets: Matrix<Scalar>
    /// The loss before the step.
    public var loss: Double
    /// The loss after the step (same inputs).
    public var lossAfterStep: Double
    /// α.
    public var learningRate: Double
    /// Whether biases were updated.
    public var updatesBiases: Bool
    /// The layers, first to last.
    public var layers: [LayerStep]
    /// The network after the step.
    public var updatedNetwork: Sequential<Scalar>

    /// The network output before the step.
    public var output: Matrix<Scalar> { layers.last?.activation ?? inputs }
}
