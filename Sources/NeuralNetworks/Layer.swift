/// One stage of a ``Sequential`` network, acting on a batch with one sample per row.
///
/// A layer does not cache its input or output: the network keeps them and hands them back to ``backward(input:output:outputGradient:inputGradient:computesInputGradient:)``,
/// so no buffer is shared between two owners and a training step allocates nothing once the buffers exist.
/// Layers that need more for their backward pass (BatchNorm's normalised values, Dropout's mask) keep it
/// themselves. Each backward pass overwrites the parameter gradients, or adds to them when asked to accumulate
/// (as PyTorch's `backward` always does), which lets the training loop sum a gradient straight into an optimizer's
/// state.
public protocol Layer<Scalar>: Sendable {
    associatedtype Scalar: TrainingScalar

    /// Number of input features.
    var inputSize: Int { get }
    /// Number of output features.
    var outputSize: Int { get }
    /// A short description for tables, e.g. "Dense 2→16, tanh".
    var summary: String { get }

    /// Computes the layer's output for a batch.
    /// - Parameters:
    ///   - input: `n × inputSize`.
    ///   - output: Receives `n × outputSize`; resized when its shape differs.
    ///   - training: Training mode (BatchNorm uses batch statistics, Dropout drops) or evaluation mode.
    mutating func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool)

    /// Back-propagates `∂L/∂output` through the most recent ``forward(_:into:training:)``.
    /// - Parameters:
    ///   - input: The input of that forward pass.
    ///   - output: Its output.
    ///   - outputGradient: `∂L/∂output`.
    ///   - inputGradient: Receives `∂L/∂input` when `computesInputGradient` is true.
    ///   - computesInputGradient: False for the first layer, whose input gradient nobody needs.
    ///   - accumulatesParameterGradients: True to add each parameter gradient, summed over the batch, to the
    ///     gradient buffer (`g ← g + ∂L/∂θ`); false to overwrite it (`g ← ∂L/∂θ`).
    mutating func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, computesInputGradient: Bool, accumulatesParameterGradients: Bool)

    /// Calls `body` once per parameter tensor with the tensor, its gradient from the last backward pass and its
    /// kind, always in the same order. Optimizers, weight decay, clipping and gradient checks all go through this.
    mutating func visitParameters(_ body: (_ parameter: inout [Scalar], _ gradient: inout [Scalar], _ kind: ParameterKind) -> Void)
}

extension Layer {
    /// ``backward(input:output:outputGradient:inputGradient:computesInputGradient:accumulatesParameterGradients:)``
    /// overwriting the parameter gradients.
    public mutating func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, computesInputGradient: Bool
    ) {
        backward(input: input, output: output, outputGradient: outputGradient, inputGradient: &inputGradient,
                 computesInputGradient: computesInputGradient, accumulatesParameterGradients: false)
    }

    /// The parameter tensors (flattened row-major) in ``visitParameters(_:)`` order.
    public var parameters: [[Scalar]] {
        var copy = self
        var result: [[Scalar]] = []
        copy.visitParameters { parameter, _, _ in result.append(parameter) }
        return result
    }

    /// The gradients of the parameter tensors from the last backward pass, in ``visitParameters(_:)`` order.
    public var parameterGradients: [[Scalar]] {
        var copy = self
        var result: [[Scalar]] = []
        copy.visitParameters { _, gradient, _ in result.append(gradient) }
        return result
    }

    /// Number of scalar parameters.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}
