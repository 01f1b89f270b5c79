/// An activation on its own, for networks that put something between the affine map and the non-linearity
/// (e.g. `Dense → BatchNorm → ActivationLayer(.relu)`). Forward `A = f(Z)`, backward `δ = G ⊙ f′(Z)`.
public struct ActivationLayer<Scalar: TrainingScalar>: Layer {
    /// The activation applied to every input.
    public var activation: Activation
    /// Number of features (input and output).
    public let size: Int

    public var inputSize: Int { size }
    public var outputSize: Int { size }
    public var summary: String { "\(activation.name) (\(size))" }

    /// Creates the layer for `size` features.
    public init(_ activation: Activation, size: Int) {
        self.activation = activation
        self.size = size
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        activation.apply(input, into: &output)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, computesInputGradient: Bool, accumulatesParameterGradients: Bool
    ) {
        guard computesInputGradient else { return }
        activation.backward(input: input, output: output, outputGradient: outputGradient, into: &inputGradient)
    }

    public mutating func visitParameters(_ body: (inout [Scalar], inout [Scalar], ParameterKind) -> Void) {}
}
