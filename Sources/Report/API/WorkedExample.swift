import NeuralNetworks

/// One full gradient-descent step of a small network, computed by the training engine and printed with every
/// intermediate number: z and a per layer, the loss, δ per layer, every gradient and the updated parameters,
/// each next to the formula it comes from.
///
/// ```swift
/// WorkedExample(network: network, input: [0.05, 0.10], target: [0.01, 0.99], learningRate: 0.5)
/// ```
///
/// Vectors are shown as columns, matrices as `bmatrix` (MathML in HTML, a ```` ```math ```` block in Markdown).
/// An equation too wide for the HTML reading column (a layer with three or more inputs) is set as `aligned`,
/// breaking before a relation, e.g. the result of z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ = … goes on a second line.
/// The formulas follow the course notes (layer l = 1…L, a⁽⁰⁾ = x):
///
/// ```
/// z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,  a⁽ˡ⁾ = f(z⁽ˡ⁾)
/// δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾,  δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ⊙ f′(z⁽ˡ⁾)
/// ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ a⁽ˡ⁻¹⁾ᵀ,  ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾
/// W⁽ˡ⁾ ← W⁽ˡ⁾ − α ∂L/∂W⁽ˡ⁾,  b⁽ˡ⁾ ← b⁽ˡ⁾ − α ∂L/∂b⁽ˡ⁾
/// ```
/// - Note: The step is computed when the example is created (it is one small step), by
///   `Sequential.traceTrainingStep`; the network passed in is not changed.
public struct WorkedExample: DocumentComponent {
    /// How many digits the example shows.
    public enum Precision: Sendable, Equatable {
        /// A fixed number of decimals for every number, e.g. `.decimals(4)`: 0.0004386 is written `0.0004`.
        case decimals(Int)
        /// A number of significant digits, so small gradients keep their digits: with 4, 0.0004385677 is written
        /// `0.0004386` and 0.1385 stays `0.1385`. Values below 10⁻⁴ in magnitude are written `a \times 10^{b}`.
        /// A value the digits shown represent exactly (to single precision) drops its trailing zeros, so inputs
        /// and hand-set values read `3`, `0.05` rather than `3.000`, `0.05000`; a computed value that only rounds
        /// to them keeps the zeros (`-0.03810`), since there they are significant.
        case significantDigits(Int)
    }

    let content: WorkedExampleContent

    /// Computes one step and prepares its presentation.
    /// - Parameters:
    ///   - network: a network of `Dense` layers.
    ///   - input: one sample, `network.inputSize` values.
    ///   - target: its target, `network.outputSize` values.
    ///   - loss: the loss; the notes' ½ Σ (y − a)² by default.
    ///   - learningRate: α.
    ///   - updatesBiases: `false` keeps biases fixed, as in the well-known published form of the notes' 2-2-2
    ///     example.
    ///   - precision: how many digits to show; 4 significant digits by default.
    /// - Precondition: `input` and `target` have the network's input and output sizes.
    public init<Scalar: TrainingScalar>(
        network: Sequential<Scalar>,
        input: [Double],
        target: [Double],
        loss: Loss = .halfSumOfSquaredErrors,
        learningRate: Double,
        updatesBiases: Bool = true,
        precision: Precision = .significantDigits(4)
    ) {
        precondition(input.count == network.inputSize, "input has \(input.count) values for \(network.inputSize) inputs")
        precondition(target.count == network.outputSize, "target has \(target.count) values for \(network.outputSize) outputs")
        let trace = network.traceTrainingStep(
            inputs: Matrix([input.map { Scalar($0) }]),
            targets: Matrix([target.map { Scalar($0) }]),
            loss: loss,
            learningRate: learningRate,
            updatesBiases: updatesBiases
        )
        func doubles(_ matrix: Matrix<Scalar>) -> [[Double]] { matrix.nestedRows.map { $0.map(Double.init) } }
        let activations = network.denseLayers.map(\.activation)
        content = WorkedExampleContent(
            input: input,
            target: target,
            loss: WorkedExampleContent.LossForm(loss),
            lossValue: trace.loss,
            lossAfterStep: trace.lossAfterStep,
            learningRate: learningRate,
            updatesBiases: updatesBiases,
            precision: precision,
            layers: zip(trace.layers, activations).map { step, activation in
                WorkedExampleContent.Layer(
                    activation: WorkedExampleContent.ActivationForm(activation),
                    weights: doubles(step.weights),
                    bias: step.bias.map(Double.init),
                    preactivation: doubles(step.preactivation)[0],
                    activationValue: doubles(step.activation)[0],
                    delta: doubles(step.delta)[0],
                    weightGradient: doubles(step.weightGradient),
                    biasGradient: step.biasGradient.map(Double.init),
                    updatedWeights: doubles(step.updatedWeights),
                    updatedBias: step.updatedBias.map(Double.init)
                )
            }
        )
    }

    public var documentNode: DocumentNode {
        DocumentNode(kind: .localized { [content] language in content.nodes(language: language) })
    }
}

extension WorkedExampleContent.LossForm {
    init(_ loss: Loss) {
        switch loss {
        case .halfSumOfSquaredErrors: self = .halfSumOfSquaredErrors
        case .meanSquaredError: self = .meanSquaredError
        case .binaryCrossEntropyWithLogits: self = .binaryCrossEntropyWithLogits
        case .softmaxCrossEntropy: self = .softmaxCrossEntropy
        }
    }
}

extension WorkedExampleContent.ActivationForm {
    init(_ activation: Activation) {
        switch activation {
        case .identity: self = .identity
        case .sigmoid: self = .sigmoid
        case .tanh: self = .tanh
        case .relu: self = .relu
        default: self = .other(activation.name)
        }
    }
}
