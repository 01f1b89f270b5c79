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

extension Sequential {
    /// One plain gradient-descent step `θ ← θ − α ∂L/∂θ` on a batch, with every intermediate value.
    ///
    /// The network itself is not changed; the trace holds the updated copy.
    /// - Parameters:
    ///   - inputs: The batch (one sample per row).
    ///   - targets: Its targets.
    ///   - loss: The loss, e.g. ``Loss/halfSumOfSquaredErrors`` as in the notes.
    ///   - learningRate: α.
    ///   - updatesBiases: False keeps biases fixed, as in the well-known published form of seed 002's example.
    /// - Precondition: Every layer is a ``Dense`` layer.
    public func traceTrainingStep(
        inputs: Matrix<Scalar>, targets: Matrix<Scalar>, loss: Loss, learningRate: Double, updatesBiases: Bool = true
    ) -> TrainingStepTrace<Scalar> {
        precondition(layers.allSatisfy { $0 is Dense<Scalar> }, "A training-step trace needs a network of Dense layers")
        var network = self
        let lossValue = network.computeGradients(inputs: inputs, targets: targets, loss: loss)
        let before = network.denseLayers
        var updated = network
        let alpha = Scalar(learningRate)
        updated.visitParameters { parameter, gradient, kind, _ in
            guard kind == .weight || updatesBiases else { return }
            for i in parameter.indices { parameter[i] -= alpha * gradient[i] }
        }
        let layerSteps = zip(before, updated.denseLayers).enumerated().map { index, pair in
            let (layer, updatedLayer) = pair
            return TrainingStepTrace<Scalar>.LayerStep(
                summary: layer.summary, weights: layer.weights, bias: layer.bias,
                preactivation: layer.preactivation, activation: network.activations[index + 1], delta: layer.delta,
                weightGradient: layer.weightGradient, biasGradient: layer.biasGradient,
                updatedWeights: updatedLayer.weights, updatedBias: updatedLayer.bias)
        }
        let lossAfter = loss.value(output: updated.predict(inputs), targets: targets)
        return TrainingStepTrace(inputs: inputs, targets: targets, loss: lossValue, lossAfterStep: lossAfter,
                                 learningRate: learningRate, updatesBiases: updatesBiases, layers: layerSteps,
                                 updatedNetwork: updated)
    }
}
