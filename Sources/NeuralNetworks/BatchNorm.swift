/// Batch normalisation over the batch dimension (PyTorch's `BatchNorm1d`), one mean and variance per feature.
///
/// Training mode, for a batch of `n` rows and each feature (column):
/// ```
/// μ = (1/n) Σᵢ xᵢ,   σ² = (1/n) Σᵢ (xᵢ − μ)²          (biased variance)
/// x̂ᵢ = (xᵢ − μ) / √(σ² + ε),   yᵢ = γ x̂ᵢ + β
/// running mean ← (1 − m)·running mean + m·μ
/// running var  ← (1 − m)·running var  + m·σ²·n/(n − 1)   (unbiased, as PyTorch)
/// ```
/// Exact backward pass from `g = ∂L/∂y`:
/// ```
/// ∂L/∂γ = Σᵢ gᵢ x̂ᵢ,   ∂L/∂β = Σᵢ gᵢ
/// ∂L/∂xᵢ = γ / (n √(σ² + ε)) · (n gᵢ − Σⱼ gⱼ − x̂ᵢ Σⱼ gⱼ x̂ⱼ)
/// ```
/// Evaluation mode uses the running statistics instead: `y = γ (x − running mean)/√(running var + ε) + β`.
/// - Note: Defaults as in PyTorch: `ε = 1e-5`, momentum `m = 0.1`, γ = 1, β = 0, running mean 0, running var 1.
/// - Note: A batch of one sample in training mode (the last mini-batch whenever N mod B = 1) is accepted, where
///   PyTorch raises an error. With n = 1, μ = x and σ² = 0, so x̂ = 0 and y = β whatever x is: the output does
///   not depend on the input, and the exact backward pass is `∂L/∂x = 0`, `∂L/∂γ = g·x̂ = 0`, `∂L/∂β = g`
///   (the general formula above gives the same, `γ/√ε · (g − g − 0)`, but it is written out as zero so no
///   rounding can leak through). The running mean is updated with μ = x; the running variance is left
///   unchanged, because its unbiased estimate `σ²·n/(n − 1)` is 0/0 for one sample.
public struct BatchNorm<Scalar: TrainingScalar>: Layer {
    /// γ, one per feature.
    public var scale: [Scalar]
    /// β, one per feature.
    public var shift: [Scalar]
    /// The running mean used in evaluation mode.
    public var runningMean: [Scalar]
    /// The running (unbiased) variance used in evaluation mode.
    public var runningVariance: [Scalar]
    /// ε added to the variance.
    public var epsilon: Scalar
    /// The weight `m` of the newest batch in the running statistics.
    public var momentum: Scalar
    /// `∂L/∂γ` from the last backward pass.
    public private(set) var scaleGradient: [Scalar]
    /// `∂L/∂β` from the last backward pass.
    public private(set) var shiftGradient: [Scalar]

    private var normalized = Matrix<Scalar>(rows: 0, columns: 0)
    private var inverseStandardDeviation: [Scalar]
    private var lastForwardWasTraining = true

    public var inputSize: Int { scale.count }
    public var outputSize: Int { scale.count }
    public var summary: String { "BatchNorm (\(scale.count))" }

    /// Creates the layer for `size` features with PyTorch's defaults.
    public init(size: Int, epsilon: Scalar = 1e-5, momentum: Scalar = 0.1) {
        scale = Array(repeating: 1, count: size)
        shift = Array(repeating: 0, count: size)
        runningMean = Array(repeating: 0, count: size)
        runningVariance = Array(repeating: 1, count: size)
        scaleGradient = Array(repeating: 0, count: size)
        shiftGradient = Array(repeating: 0, count: size)
        inverseStandardDeviation = Array(repeating: 1, count: size)
        self.epsilon = epsilon
        self.momentum = momentum
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        let rows = input.rows, columns = input.columns
        requirement(columns == scale.count, "BatchNorm(\(scale.count)) got \(columns) features")
        output.ensureShape(rows: rows, columns: columns)
        normalized.ensureShape(rows: rows, columns: columns)
        lastForwardWasTraining = training
        for j in 0..<columns {
            let mean: Scalar, inverse: Scalar
            if training {
                var sum: Scalar = 0
                for i in 0..<rows { sum += input.storage[i * columns + j] }
                mean = sum / Scalar(rows)
                var squares: Scalar = 0
                for i in 0..<rows {
                    let centered = input.storage[i * columns + j] - mean
                    squares += centered * centered
                }
                let variance = squares / Scalar(rows)
                inverse = 1 / (variance + epsilon).squareRoot()
                runningMean[j] = (1 - momentum) * runningMean[j] + momentum * mean
                if rows > 1 {
                    runningVariance[j] = (1 - momentum) * runningVariance[j] + momentum * squares / Scalar(rows - 1)
                }
            } else {
                mean = runningMean[j]
                inverse = 1 / (runningVariance[j] + epsilon).squareRoot()
            }
            inverseStandardDeviation[j] = inverse
            for i in 0..<rows {
                let index = i * columns + j
                let xHat = (input.storage[index] - mean) * inverse
                normalized.storage[index] = xHat
                output.storage[index] = scale[j] * xHat + shift[j]
            }
        }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, computesInputGradient: Bool, accumulatesParameterGradients: Bool
    ) {
        let rows = input.rows, columns = input.columns
        if computesInputGradient { inputGradient.ensureShape(rows: rows, columns: columns) }
        for j in 0..<columns {
            var gradientSum: Scalar = 0, weightedSum: Scalar = 0
            for i in 0..<rows {
                let index = i * columns + j
                gradientSum += outputGradient.storage[index]
                weightedSum += outputGradient.storage[index] * normalized.storage[index]
            }
            scaleGradient[j] = accumulatesParameterGradients ? scaleGradient[j] + weightedSum : weightedSum
            shiftGradient[j] = accumulatesParameterGradients ? shiftGradient[j] + gradientSum : gradientSum
            guard computesInputGradient else { continue }
            if lastForwardWasTraining && rows == 1 {
                inputGradient.storage[j] = 0
            } else if lastForwardWasTraining {
                let factor = scale[j] * inverseStandardDeviation[j] / Scalar(rows)
                for i in 0..<rows {
                    let index = i * columns + j
                    inputGradient.storage[index] = factor * (Scalar(rows) * outputGradient.storage[index]
                        - gradientSum - normalized.storage[index] * weightedSum)
                }
            } else {
                let factor = scale[j] * inverseStandardDeviation[j]
                for i in 0..<rows {
                    let index = i * columns + j
                    inputGradient.storage[index] = factor * outputGradient.storage[index]
                }
            }
        }
    }

    public mutating func visitParameters(_ body: (inout [Scalar], inout [Scalar], ParameterKind) -> Void) {
        body(&scale, &scaleGradient, .scale)
        body(&shift, &shiftGradient, .shift)
    }
}
