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
        requirement(layers.allSatisfy { $0 is Dense<Scalar> }, "A training-step trace needs a network of Dense layers")
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
