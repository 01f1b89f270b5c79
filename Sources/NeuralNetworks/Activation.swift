/// An activation function `a = f(z)` applied after a layer's affine map, with its derivative.
///
/// Element-wise activations act on each entry alone; ``softmax`` acts on each row (one sample) as a whole.
/// Each case documents its formula, its derivative and the convention at points where the derivative does not
/// exist.
public enum Activation: Sendable, Hashable, Codable {
    /// `f(z) = z`, `f′(z) = 1`.
    case identity
    /// The logistic sigmoid `σ(z) = 1 / (1 + e⁻ᶻ)`, `σ′(z) = σ(z)(1 − σ(z))`.
    /// - Note: Evaluated as `eᶻ / (1 + eᶻ)` for `z < 0` so that no exponential overflows.
    case sigmoid
    /// `tanh z = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)`, `tanh′(z) = 1 − tanh² z`.
    case tanh
    /// The rectified linear unit `max(0, z)`, derivative `1` for `z > 0` and `0` for `z ≤ 0`.
    /// - Note: The derivative at 0 is taken as 0, as in PyTorch.
    case relu
    /// `z` for `z > 0` and `slope·z` otherwise; derivative `1` or `slope` (again `slope` at 0). PyTorch's default
    /// slope is 0.01.
    case leakyReLU(slope: Double)
    /// Row-wise `softmax(z)ᵢ = e^{zᵢ} / Σⱼ e^{zⱼ}`, computed as `e^{zᵢ − max z} / Σⱼ e^{zⱼ − max z}`.
    ///
    /// Its Jacobian is `∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ)`, so the backward pass maps an upstream gradient `g` to
    /// `aᵢ (gᵢ − Σⱼ gⱼ aⱼ)`.
    /// - Note: For classification prefer an identity output layer with ``Loss/softmaxCrossEntropy``, which fuses
    ///   the softmax into the loss (stable, and its gradient is simply `ŷ − Y`).
    case softmax
    /// The Heaviside step of the perceptron: `1` for `z > 0`, `0` otherwise.
    /// - Note: Its derivative is 0 wherever it exists (everywhere but 0, where we also report 0), so gradient
    ///   descent cannot train through it; the perceptron uses its own learning rule (see ``Perceptron``).
    case heavisideStep

    /// A short English name for legends and tables (e.g. "ReLU", "leaky ReLU (0.01)").
    public var name: String {
        switch self {
        case .identity: return "identity"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .relu: return "ReLU"
        case .leakyReLU(let slope): return "leaky ReLU (\(slope))"
        case .softmax: return "softmax"
        case .heavisideStep: return "Heaviside step"
        }
    }

    /// `f(z)` for one value (for plots and tables).
    /// - Precondition: Not ``softmax``, which is defined on vectors only.
    public func value(at z: Double) -> Double {
        requirement(self != .softmax, "softmax is defined on vectors, not on a single value")
        return Self.elementValue(self, z)
    }

    /// `f′(z)` for one value (for plots and tables), with the conventions stated on each case.
    /// - Precondition: Not ``softmax``.
    public func derivative(at z: Double) -> Double {
        requirement(self != .softmax, "softmax is defined on vectors, not on a single value")
        let a = Self.elementValue(self, z)
        return Self.elementDerivative(self, z: z, a: a)
    }

    @inline(__always)
    static func elementValue<Scalar: TrainingScalar>(_ activation: Activation, _ z: Scalar) -> Scalar {
        switch activation {
        case .identity, .softmax: return z
        case .sigmoid:
            if z >= 0 { return 1 / (1 + Scalar.exponential(-z)) }
            let e = Scalar.exponential(z)
            return e / (1 + e)
        case .tanh: return Scalar.hyperbolicTangent(z)
        case .relu: return z > 0 ? z : 0
        case .leakyReLU(let slope): return z > 0 ? z : Scalar(slope) * z
        case .heavisideStep: return z > 0 ? 1 : 0
        }
    }

    @inline(__always)
    static func elementDerivative<Scalar: TrainingScalar>(_ activation: Activation, z: Scalar, a: Scalar) -> Scalar {
        switch activation {
        case .identity, .softmax: return 1
        case .sigmoid: return a * (1 - a)
        case .tanh: return 1 - a * a
        case .relu: return z > 0 ? 1 : 0
        case .leakyReLU(let slope): return z > 0 ? 1 : Scalar(slope)
        case .heavisideStep: return 0
        }
    }

    /// `A ← f(Z)` for a batch (one sample per row); `output` must have the shape of `input`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: TrainingScalar>(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>) {
        output.ensureShape(rows: input.rows, columns: input.columns)
        let count = input.storage.count
        input.storage.withUnsafeBufferPointer { z in
            output.storage.withUnsafeMutableBufferPointer { a in
                switch self {
                case .identity:
                    for i in 0..<count { a[i] = z[i] }
                case .relu:
                    for i in 0..<count { a[i] = z[i] > 0 ? z[i] : 0 }
                case .tanh:
                    for i in 0..<count { a[i] = Scalar.hyperbolicTangent(z[i]) }
                case .softmax:
                    let columns = input.columns
                    for row in 0..<input.rows {
                        let base = row * columns
                        var maximum = -Scalar.infinity
                        for j in 0..<columns { maximum = Swift.max(maximum, z[base + j]) }
                        var total: Scalar = 0
                        for j in 0..<columns {
                            let e = Scalar.exponential(z[base + j] - maximum)
                            a[base + j] = e
                            total += e
                        }
                        for j in 0..<columns { a[base + j] /= total }
                    }
                default:
                    for i in 0..<count { a[i] = Self.elementValue(self, z[i]) }
                }
            }
        }
    }

    /// `Z ← Z + 1bᵀ` (the bias added to every row) and then `A ← f(Z)`, as ``apply(_:into:)`` does.
    ///
    /// For identity, ReLU and tanh both happen in one pass over each row, so the layer reads its
    /// pre-activations once instead of three times (bias fill, BLAS accumulation, activation).
    /// - Parameters:
    ///   - bias: `b`, one entry per column.
    ///   - preactivation: `Z` without the bias on entry, with it on return.
    ///   - output: Receives `f(Z)`; resized to the shape of `Z` when needed.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func addBiasAndApply<Scalar: TrainingScalar>(
        _ bias: [Scalar], to preactivation: inout Matrix<Scalar>, into output: inout Matrix<Scalar>
    ) {
        let rows = preactivation.rows, columns = preactivation.columns
        requirement(bias.count == columns, "\(bias.count) biases for \(columns) columns")
        output.ensureShape(rows: rows, columns: columns)
        guard rows > 0, columns > 0 else { return }
        bias.withUnsafeBufferPointer { biasBuffer in
            preactivation.storage.withUnsafeMutableBufferPointer { zBuffer in
                output.storage.withUnsafeMutableBufferPointer { aBuffer in
                    let b = biasBuffer.baseAddress!
                    for row in 0..<rows {
                        let z = zBuffer.baseAddress! + row * columns, a = aBuffer.baseAddress! + row * columns
                        switch self {
                        case .identity:
                            for j in 0..<columns {
                                let value = z[j] + b[j]
                                z[j] = value
                                a[j] = value
                            }
                        case .relu:
                            for j in 0..<columns {
                                let value = z[j] + b[j]
                                z[j] = value
                                a[j] = value > 0 ? value : 0
                            }
                        case .tanh:
                            for j in 0..<columns {
                                let value = z[j] + b[j]
                                z[j] = value
                                a[j] = Scalar.hyperbolicTangent(value)
                            }
                        default:
                            for j in 0..<columns { z[j] += b[j] }
                        }
                    }
                }
            }
        }
        switch self {
        case .identity, .relu, .tanh: break
        default: apply(preactivation, into: &output)
        }
    }

    /// The backward pass `δ = ∂L/∂Z` from the upstream gradient `G = ∂L/∂A`: `δ = G ⊙ f′(Z)` element-wise, or
    /// the softmax Jacobian-vector product row by row.
    /// - Parameters:
    ///   - input: `Z`, the values the activation was applied to.
    ///   - output: `A = f(Z)`.
    ///   - outputGradient: `G = ∂L/∂A`.
    ///   - inputGradient: Receives `δ`; resized to the shape of `Z` when needed.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward<Scalar: TrainingScalar>(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        into inputGradient: inout Matrix<Scalar>
    ) {
        inputGradient.ensureShape(rows: input.rows, columns: input.columns)
        let count = input.storage.count
        input.storage.withUnsafeBufferPointer { z in
            output.storage.withUnsafeBufferPointer { a in
                outputGradient.storage.withUnsafeBufferPointer { g in
                    inputGradient.storage.withUnsafeMutableBufferPointer { d in
                        switch self {
                        case .identity:
                            for i in 0..<count { d[i] = g[i] }
                        case .relu:
                            // Both loads unconditional, so the select vectorises.
                            for i in 0..<count {
                                let upstream = g[i], input = z[i]
                                d[i] = input > 0 ? upstream : 0
                            }
                        case .sigmoid:
                            for i in 0..<count { d[i] = g[i] * a[i] * (1 - a[i]) }
                        case .tanh:
                            for i in 0..<count { d[i] = g[i] * (1 - a[i] * a[i]) }
                        case .softmax:
                            let columns = input.columns
                            for row in 0..<input.rows {
                                let base = row * columns
                                var weighted: Scalar = 0
                                for j in 0..<columns { weighted += g[base + j] * a[base + j] }
                                for j in 0..<columns { d[base + j] = a[base + j] * (g[base + j] - weighted) }
                            }
                        default:
                            for i in 0..<count { d[i] = g[i] * Self.elementDerivative(self, z: z[i], a: a[i]) }
                        }
                    }
                }
            }
        }
    }
}
