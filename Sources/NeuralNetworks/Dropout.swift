/// Inverted dropout: in training, each unit is kept with probability `keepProbability` and kept units are
/// divided by it, so the expected output equals the input and evaluation needs no rescaling.
///
/// ```
/// training:   mᵢ ~ Bernoulli(keep),  yᵢ = xᵢ · mᵢ / keep,   ∂L/∂xᵢ = gᵢ · mᵢ / keep
/// evaluation: y = x,                                       ∂L/∂x = g
/// ```
/// - Note: PyTorch's `nn.Dropout(p)` takes the *drop* probability `p = 1 − keep`. Notes 003 multiply by the keep
///   probability at test time instead (non-inverted dropout); the expected activations agree, the code differs.
///   The masks come from the layer's own seeded generator, so a copied network draws the same masks.
public struct Dropout<Scalar: TrainingScalar>: Layer {
    /// The probability that a unit is kept, in (0, 1].
    public let keepProbability: Double
    /// Number of features.
    public let size: Int
    private var generator: SeededRandomNumberGenerator
    private var mask: [Scalar] = []
    private var lastForwardWasTraining = false

    public var inputSize: Int { size }
    public var outputSize: Int { size }
    public var summary: String { "Dropout (keep \(keepProbability))" }

    /// Creates the layer.
    /// - Parameters:
    ///   - size: Number of features.
    ///   - keepProbability: Probability of keeping a unit, in (0, 1].
    ///   - seed: Seed of the generator the masks are drawn from.
    public init(size: Int, keepProbability: Double, seed: UInt64) {
        requirement(keepProbability > 0 && keepProbability <= 1, "keepProbability must be in (0, 1], got \(keepProbability)")
        self.size = size
        self.keepProbability = keepProbability
        generator = SeededRandomNumberGenerator(seed: seed)
    }

    // Specialised like the other layers: a layer is called through `any Layer`, and the generic version pays
    // for metadata lookups on every element (it made a 2-64-64-1 network with dropout train ten times slower).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        output.ensureShape(rows: input.rows, columns: input.columns)
        lastForwardWasTraining = training
        guard training else {
            output.storage.withUnsafeMutableBufferPointer { o in
                for i in 0..<input.storage.count { o[i] = input.storage[i] }
            }
            return
        }
        let scale = Scalar(1 / keepProbability)
        if mask.count != input.storage.count { mask = Array(repeating: 0, count: input.storage.count) }
        for i in 0..<input.storage.count {
            mask[i] = generator.nextUniform() < keepProbability ? scale : 0
            output.storage[i] = input.storage[i] * mask[i]
        }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, computesInputGradient: Bool, accumulatesParameterGradients: Bool
    ) {
        guard computesInputGradient else { return }
        inputGradient.ensureShape(rows: input.rows, columns: input.columns)
        for i in 0..<input.storage.count {
            inputGradient.storage[i] = lastForwardWasTraining ? outputGradient.storage[i] * mask[i] : outputGradient.storage[i]
        }
    }

    public mutating func visitParameters(_ body: (inout [Scalar], inout [Scalar], ParameterKind) -> Void) {}
}
