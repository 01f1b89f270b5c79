/// A fully connected layer `a = f(z)`, `z = W a_in + b`, with `W` of shape `outputSize × inputSize` as in the
/// notes, optionally followed by an element-wise (or softmax) activation `f`.
///
/// On a batch (one sample per row) the layer computes `Z = A_in Wᵀ + 1 bᵀ` and `A = f(Z)`. Backward, from
/// `G = ∂L/∂A`:
/// ```
/// δ      = G ⊙ f′(Z)          (∂L/∂Z, the notes' δ of this layer)
/// ∂L/∂W  = δᵀ A_in            (outputSize × inputSize, summed over the batch)
/// ∂L/∂b  = Σ_rows δ
/// ∂L/∂A_in = δ W
/// ```
/// The last pre-activation ``preactivation`` and ``delta`` are kept so worked examples can print them.
///
/// - Note: When accumulating, `∂L/∂W` is added by the same matrix product with `β = 1` (`G ← δᵀA_in + G`), so
///   no pass over memory zeroes or copies it. OpenBLAS sums the batch in registers and then adds `G` once, which
///   gives the same bits as computing `δᵀA_in` alone and adding it, as long as the batch fits one of its blocks
///   (several hundred rows); the bias gradient is summed first and then added, always.
public struct Dense<Scalar: TrainingScalar>: Layer {
    /// `W`, `outputSize × inputSize`.
    public var weights: Matrix<Scalar>
    /// `b`, one entry per output.
    public var bias: [Scalar]
    /// The activation applied after the affine map.
    public var activation: Activation
    /// `∂L/∂W` from the last backward pass.
    public private(set) var weightGradient: Matrix<Scalar>
    /// `∂L/∂b` from the last backward pass.
    public private(set) var biasGradient: [Scalar]
    /// `Z` from the last forward pass (`n × outputSize`).
    public private(set) var preactivation: Matrix<Scalar>
    /// `δ = ∂L/∂Z` from the last backward pass (`n × outputSize`).
    public private(set) var delta: Matrix<Scalar>
    /// `Σ_rows δ` of the last backward pass, kept apart from ``biasGradient`` so that accumulating adds it once.
    private var biasSums: [Scalar] = []

    public var inputSize: Int { weights.columns }
    public var outputSize: Int { weights.rows }
    public var summary: String { "Dense \(inputSize)→\(outputSize), \(activation.name)" }

    /// Creates a layer with random (or constant) initial parameters.
    /// - Parameters:
    ///   - inputSize: Number of inputs (columns of `W`).
    ///   - outputSize: Number of outputs (rows of `W`).
    ///   - activation: Applied after `W a + b`; default ``Activation/identity``.
    ///   - weightInitializer: Default ``WeightInitializer/uniformInverseSquareRoot`` (notes 001).
    ///   - biasInitializer: Default ``WeightInitializer/zeros``. Random rules use the layer's fans
    ///     (`inputSize`, `outputSize`).
    ///   - generator: Source of the initial values; weights are drawn first, then biases.
    /// - Note: PyTorch's `nn.Linear` also draws its bias from `U(±1/√fanIn)`; pass
    ///   `biasInitializer: .uniformInverseSquareRoot` for that.
    public init(
        inputSize: Int, outputSize: Int, activation: Activation = .identity,
        weightInitializer: WeightInitializer = .uniformInverseSquareRoot,
        biasInitializer: WeightInitializer = .zeros,
        generator: inout SeededRandomNumberGenerator
    ) {
        let weights: Matrix<Scalar> = weightInitializer.matrix(fanIn: inputSize, fanOut: outputSize, generator: &generator)
        let bias: [Scalar] = biasInitializer.values(count: outputSize, fanIn: inputSize, fanOut: outputSize, generator: &generator)
        self.init(weights: weights, bias: bias, activation: activation)
    }

    /// Creates a layer with explicit parameters (worked examples).
    /// - Precondition: `bias.count == weights.rows`.
    public init(weights: Matrix<Scalar>, bias: [Scalar], activation: Activation = .identity) {
        requirement(bias.count == weights.rows, "A \(weights.rows)×\(weights.columns) weight matrix needs \(weights.rows) biases, got \(bias.count)")
        self.weights = weights
        self.bias = bias
        self.activation = activation
        weightGradient = Matrix(rows: weights.rows, columns: weights.columns)
        biasGradient = Array(repeating: 0, count: bias.count)
        preactivation = Matrix(rows: 0, columns: weights.rows)
        delta = Matrix(rows: 0, columns: weights.rows)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        requirement(input.columns == inputSize, "Dense \(inputSize)→\(outputSize) got inputs with \(input.columns) columns")
        let rows = input.rows, columns = outputSize
        preactivation.ensureShape(rows: rows, columns: columns)
        Matrix.multiply(input, weights, transposeB: true, into: &preactivation)
        activation.addBiasAndApply(bias, to: &preactivation, into: &output)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, computesInputGradient: Bool, accumulatesParameterGradients: Bool
    ) {
        activation.backward(input: preactivation, output: output, outputGradient: outputGradient, into: &delta)
        Matrix.multiply(delta, transposeA: true, input, into: &weightGradient, beta: accumulatesParameterGradients ? 1 : 0)
        let rows = delta.rows, columns = outputSize
        delta.storage.withUnsafeBufferPointer { d in
            func sumRows(into sums: UnsafeMutablePointer<Scalar>) {
                guard var row = d.baseAddress else { return }
                sums.update(repeating: 0, count: columns)
                for _ in 0..<rows {
                    for j in 0..<columns { sums[j] += row[j] }
                    row += columns
                }
            }
            if accumulatesParameterGradients {
                if biasSums.count != columns { biasSums = Array(repeating: 0, count: columns) }
                biasSums.withUnsafeMutableBufferPointer { s in
                    biasGradient.withUnsafeMutableBufferPointer { gb in
                        guard let sums = s.baseAddress, let gradient = gb.baseAddress else { return }
                        sumRows(into: sums)
                        for j in 0..<columns { gradient[j] += sums[j] }
                    }
                }
            } else {
                biasGradient.withUnsafeMutableBufferPointer { gb in
                    guard let gradient = gb.baseAddress else { return }
                    sumRows(into: gradient)
                }
            }
        }
        if computesInputGradient {
            inputGradient.ensureShape(rows: rows, columns: inputSize)
            Matrix.multiply(delta, weights, into: &inputGradient)
        }
    }

    public mutating func visitParameters(_ body: (inout [Scalar], inout [Scalar], ParameterKind) -> Void) {
        body(&weights.storage, &weightGradient.storage, .weight)
        body(&bias, &biasGradient, .bias)
    }
}
