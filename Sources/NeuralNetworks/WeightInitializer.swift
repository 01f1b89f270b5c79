/// How a layer's weight matrix (`fanOut × fanIn`, i.e. `outputSize × inputSize`) is initialised.
///
/// Every random initialiser draws from an explicit ``SeededRandomNumberGenerator``, row by row, in `Double`,
/// then converts to the layer's scalar type, so a seed gives the same weights in `Float` and `Double` (up to
/// rounding).
public enum WeightInitializer: Sendable, Hashable, Codable {
    /// All zeros (the usual choice for biases; for weights it leaves hidden units identical).
    case zeros
    /// Every entry equal to `value`.
    case constant(Double)
    /// `U(−1/√fanIn, 1/√fanIn)`, the rule of notes 001 (and the bound of PyTorch's default `nn.Linear`
    /// initialisation, `kaiming_uniform_(a=√5)`).
    case uniformInverseSquareRoot
    /// Xavier/Glorot uniform: `U(−r, r)` with `r = √(6 / (fanIn + fanOut))` (keeps the variance of activations
    /// and gradients roughly constant for tanh/sigmoid layers; Glorot & Bengio 2010).
    case xavierUniform
    /// Xavier/Glorot normal: `N(0, σ²)` with `σ = √(2 / (fanIn + fanOut))`.
    case xavierNormal
    /// He/Kaiming uniform for ReLU layers: `U(−r, r)` with `r = √(6 / fanIn)` (He et al. 2015, fan-in mode).
    case heUniform
    /// He/Kaiming normal for ReLU layers: `N(0, σ²)` with `σ = √(2 / fanIn)`.
    case heNormal

    /// A `fanOut × fanIn` matrix drawn by this rule.
    /// - Parameters:
    ///   - fanIn: Number of inputs of the layer (columns).
    ///   - fanOut: Number of outputs of the layer (rows).
    ///   - generator: The source of randomness; advanced by `fanIn·fanOut` draws for random rules, untouched for
    ///     ``zeros`` and ``constant(_:)``.
    public func matrix<Scalar: TrainingScalar>(
        fanIn: Int, fanOut: Int, generator: inout SeededRandomNumberGenerator
    ) -> Matrix<Scalar> {
        Matrix(rows: fanOut, columns: fanIn, storage: values(count: fanIn * fanOut, fanIn: fanIn, fanOut: fanOut, generator: &generator))
    }

    /// `count` values drawn by this rule for a layer with the given fans (used for bias vectors).
    public func values<Scalar: TrainingScalar>(
        count: Int, fanIn: Int, fanOut: Int, generator: inout SeededRandomNumberGenerator
    ) -> [Scalar] {
        let fanInD = Double(Swift.max(fanIn, 1)), fanSum = Double(Swift.max(fanIn + fanOut, 1))
        var storage: [Scalar] = []
        storage.reserveCapacity(count)
        for _ in 0..<count {
            let value: Double
            switch self {
            case .zeros: value = 0
            case .constant(let constant): value = constant
            case .uniformInverseSquareRoot:
                let bound = 1 / fanInD.squareRoot()
                value = generator.nextUniform(in: -bound, bound)
            case .xavierUniform:
                let bound = (6 / fanSum).squareRoot()
                value = generator.nextUniform(in: -bound, bound)
            case .xavierNormal:
                value = generator.nextNormal(mean: 0, standardDeviation: (2 / fanSum).squareRoot())
            case .heUniform:
                let bound = (6 / fanInD).squareRoot()
                value = generator.nextUniform(in: -bound, bound)
            case .heNormal:
                value = generator.nextNormal(mean: 0, standardDeviation: (2 / fanInD).squareRoot())
            }
            storage.append(Scalar(value))
        }
        return storage
    }
}
