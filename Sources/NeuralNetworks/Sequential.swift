/// A feed-forward network: layers applied one after another, batch = one sample per row.
///
/// `Sequential` is a value: copying a network copies its parameters (and Dropout's generators), so training a
/// copy with SGD and another with Adam starts both from the same initialisation. The network keeps each
/// layer's input and output from the last forward pass, and the gradients from the last backward pass, in
/// buffers it reuses between steps.
///
/// ```swift
/// var generator = SeededRandomNumberGenerator(seed: 0)
/// let network = Sequential<Float> {
///     Dense(inputSize: 2, outputSize: 16, activation: .tanh, generator: &generator)
///     Dense(inputSize: 16, outputSize: 1, generator: &generator)
/// }
/// ```
public struct Sequential<Scalar: TrainingScalar>: Sendable {
    /// The layers, first to last. They may be edited (e.g. to set parameters for a worked example); sizes
    /// must still chain.
    public var layers: [any Layer<Scalar>]
    /// `activations[0]` is the last input, `activations[i + 1]` the output of layer `i`.
    public private(set) var activations: [Matrix<Scalar>]
    /// `inputGradients[i]` is `∂L/∂activations[i]` from the last backward pass (index 0 is not computed).
    public private(set) var inputGradients: [Matrix<Scalar>]

    /// Creates a network from its layers.
    /// - Precondition: each layer's input size equals the previous layer's output size.
    public init(_ layers: [any Layer<Scalar>]) {
        for index in layers.indices.dropFirst() {
            // Counted from 1 in the message, as the layers read in the source.
            requirement(layers[index].inputSize == layers[index - 1].outputSize,
                        "layer \(index + 1) (\(layers[index].summary)) takes \(layers[index].inputSize) inputs but layer \(index) (\(layers[index - 1].summary)) gives \(layers[index - 1].outputSize)")
        }
        self.layers = layers
        activations = Array(repeating: Matrix(rows: 0, columns: 0), count: layers.count + 1)
        inputGradients = Array(repeating: Matrix(rows: 0, columns: 0), count: layers.count + 1)
    }

    /// Creates a network from layers listed in a ``LayerBuilder`` block.
    public init(@LayerBuilder<Scalar> _ build: () -> [any Layer<Scalar>]) {
        self.init(build())
    }

    /// A multilayer perceptron of ``Dense`` layers.
    /// - Parameters:
    ///   - sizes: Layer widths from input to output, e.g. `[2, 16, 16, 1]`.
    ///   - hiddenActivation: Activation of every hidden layer.
    ///   - outputActivation: Activation of the last layer (identity for the fused losses).
    ///   - weightInitializer: Initialiser of every weight matrix; default ±1/√fanIn (notes 001).
    ///   - biasInitializer: Initialiser of every bias; default zeros.
    ///   - seed: Seed of the generator the parameters are drawn from, layer by layer (weights, then biases).
    public static func multilayerPerceptron(
        sizes: [Int], hiddenActivation: Activation, outputActivation: Activation = .identity,
        weightInitializer: WeightInitializer = .uniformInverseSquareRoot, biasInitializer: WeightInitializer = .zeros,
        seed: UInt64
    ) -> Sequential {
        requirement(sizes.count >= 2, "A perceptron needs at least an input and an output size")
        var generator = SeededRandomNumberGenerator(seed: seed)
        let layers: [any Layer<Scalar>] = (0..<(sizes.count - 1)).map { index in
            Dense<Scalar>(inputSize: sizes[index], outputSize: sizes[index + 1],
                          activation: index == sizes.count - 2 ? outputActivation : hiddenActivation,
                          weightInitializer: weightInitializer, biasInitializer: biasInitializer, generator: &generator)
        }
        return Sequential(layers)
    }

    /// Number of input features.
    public var inputSize: Int { layers.first?.inputSize ?? 0 }
    /// Number of outputs.
    public var outputSize: Int { layers.last?.outputSize ?? 0 }
    /// The ``Dense`` layers, in order (for printing weights and gradients).
    public var denseLayers: [Dense<Scalar>] { layers.compactMap { $0 as? Dense<Scalar> } }
    /// One line per layer, e.g. "Dense 2→16, tanh".
    public var summary: [String] { layers.map(\.summary) }
    /// Number of scalar parameters.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// Runs the network on a batch and keeps every layer's output for the backward pass.
    /// - Parameters:
    ///   - input: `n × inputSize`.
    ///   - training: Training mode (BatchNorm batch statistics, Dropout active) or evaluation mode.
    /// - Returns: The output, `n × outputSize`.
    @discardableResult
    public mutating func forward(_ input: Matrix<Scalar>, training: Bool) -> Matrix<Scalar> {
        runForward(input, training: training)
        return activations[layers.count]
    }

    /// The output in evaluation mode, leaving the network's buffers and running statistics untouched.
    public func predict(_ input: Matrix<Scalar>) -> Matrix<Scalar> {
        var copy = self
        return copy.forward(input, training: false)
    }

    /// Loss (and accuracy) on a whole data set in evaluation mode.
    /// - Parameters:
    ///   - dataset: The samples to evaluate.
    ///   - loss: The loss to report.
    ///   - measuresAccuracy: Whether to count correct classifications (see ``Loss/correctCount(output:targets:)``).
    public func evaluate(on dataset: Dataset<Scalar>, loss: Loss, measuresAccuracy: Bool = true) -> (loss: Double, accuracy: Double?) {
        let output = predict(dataset.inputs)
        let value = loss.value(output: output, targets: dataset.targets)
        guard measuresAccuracy, dataset.count > 0 else { return (value, nil) }
        return (value, Double(loss.correctCount(output: output, targets: dataset.targets)) / Double(dataset.count))
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    mutating func runForward(_ input: Matrix<Scalar>, training: Bool) {
        requirement(input.columns == inputSize, "The network takes \(inputSize) inputs, got \(input.columns) columns")
        ensureBuffers()
        activations[0] = input
        runLayers(training: training)
    }

    /// One activation and one gradient buffer per layer boundary.
    mutating func ensureBuffers() {
        if activations.count != layers.count + 1 {
            // `layers` is public and may have been edited since the buffers were made.
            activations = Array(repeating: Matrix(rows: 0, columns: 0), count: layers.count + 1)
            inputGradients = activations
        }
    }

    /// Runs every layer on `activations[0]`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    mutating func runLayers(training: Bool) {
        for index in layers.indices {
            var output = Matrix<Scalar>(rows: 0, columns: 0)
            swap(&output, &activations[index + 1])
            layers[index].forward(activations[index], into: &output, training: training)
            swap(&output, &activations[index + 1])
        }
    }

    /// Back-propagates `∂L/∂output` through the last forward pass, leaving every layer's parameter gradients
    /// in place (see ``visitParameters(_:)``).
    /// - Parameters:
    ///   - outputGradient: `∂L/∂output`, the shape of the last output.
    ///   - computesInputGradient: Whether to compute `∂L/∂input` into `inputGradients[0]` as well (training
    ///     does not need it; gradient checks and saliency figures do).
    ///   - accumulatesParameterGradients: Whether to add the parameter gradients to the gradient buffers
    ///     instead of overwriting them (see ``Layer``).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func backward(
        outputGradient: Matrix<Scalar>, computesInputGradient: Bool = false, accumulatesParameterGradients: Bool = false
    ) {
        inputGradients[layers.count] = outputGradient
        for index in layers.indices.reversed() {
            var gradient = Matrix<Scalar>(rows: 0, columns: 0)
            swap(&gradient, &inputGradients[index])
            layers[index].backward(input: activations[index], output: activations[index + 1],
                                   outputGradient: inputGradients[index + 1], inputGradient: &gradient,
                                   computesInputGradient: index > 0 || computesInputGradient,
                                   accumulatesParameterGradients: accumulatesParameterGradients)
            swap(&gradient, &inputGradients[index])
        }
    }

    /// Forward pass in training mode, loss, and backward pass: afterwards every parameter gradient is
    /// `∂L/∂θ` for this batch.
    /// - Returns: The loss of the batch (without any weight-decay term).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @discardableResult
    public mutating func computeGradients(inputs: Matrix<Scalar>, targets: Matrix<Scalar>, loss: Loss) -> Double {
        runForward(inputs, training: true)
        return backpropagateLoss(targets: targets, loss: loss)
    }

    /// The loss of the last forward pass against `targets`, and the backward pass from its gradient.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    mutating func backpropagateLoss(targets: Matrix<Scalar>, loss: Loss, accumulatesParameterGradients: Bool = false) -> Double {
        var gradient = Matrix<Scalar>(rows: 0, columns: 0)
        swap(&gradient, &inputGradients[layers.count])
        let value = loss.valueAndGradient(output: activations[layers.count], targets: targets, gradient: &gradient)
        swap(&gradient, &inputGradients[layers.count])
        backward(outputGradient: inputGradients[layers.count], accumulatesParameterGradients: accumulatesParameterGradients)
        return value
    }

    /// ``computeGradients(inputs:targets:loss:)`` on the samples `indices` of `dataset`, gathered straight into
    /// the network's input buffer (and `targets`), so that a training step copies each sample once and
    /// allocates nothing.
    /// - Parameters:
    ///   - dataset: The training set.
    ///   - indices: The samples of this mini-batch, in order.
    ///   - targets: Receives their target rows; kept by the caller between steps so its storage is reused.
    ///   - loss: The loss to differentiate.
    ///   - accumulatesParameterGradients: Whether to add the parameter gradients to the gradient buffers.
    /// - Returns: The loss of the batch.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    mutating func computeGradients(
        samples indices: ArraySlice<Int>, of dataset: Dataset<Scalar>, targets: inout Matrix<Scalar>, loss: Loss,
        accumulatesParameterGradients: Bool
    ) -> Double {
        requirement(dataset.inputs.columns == inputSize, "The network takes \(inputSize) inputs, got \(dataset.inputs.columns) columns")
        ensureBuffers()
        Dataset.gatherRows(of: dataset.inputs, at: indices, into: &activations[0])
        Dataset.gatherRows(of: dataset.targets, at: indices, into: &targets)
        runLayers(training: true)
        return backpropagateLoss(targets: targets, loss: loss, accumulatesParameterGradients: accumulatesParameterGradients)
    }

    /// Visits every parameter tensor of every layer with its gradient, in a fixed order.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func visitParameters(_ body: (_ parameter: inout [Scalar], _ gradient: inout [Scalar], _ kind: ParameterKind, _ layerIndex: Int) -> Void) {
        for index in layers.indices {
            layers[index].visitParameters { parameter, gradient, kind in body(&parameter, &gradient, kind, index) }
        }
    }

    /// Applies one optimizer step to every parameter tensor, using the gradients of the last backward pass.
    public mutating func update<O: Optimizer>(with optimizer: inout O) where O.Scalar == Scalar {
        var slot = 0
        visitParameters { parameter, gradient, _, _ in
            optimizer.update(&parameter, gradient: gradient, slot: slot)
            slot += 1
        }
    }
}
