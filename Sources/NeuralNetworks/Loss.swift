/// A loss `L(Ŷ, Y)` comparing a batch of network outputs `Ŷ` (one sample per row, `B × k`: B samples, k outputs)
/// with targets `Y`.
///
/// Every loss here is averaged over the `B` samples of the batch, so the learning rate does not depend on the
/// batch size; they differ in what is summed per sample. Gradients are with respect to the network output.
public enum Loss: Sendable, Hashable, Codable {
    /// The notes' squared error: half the sum over the k outputs of each sample, then the mean over the B samples,
    /// ```
    /// L = (1/B) Σᵢ₌₁..B ½ Σⱼ₌₁..k (ŷᵢⱼ − yᵢⱼ)²,   ∂L/∂ŷᵢⱼ = (ŷᵢⱼ − yᵢⱼ)/B
    /// ```
    /// - Note: The notes' `E = ½ Σ (y − O)²` is the loss of one sample (seed 002's worked example), which this is
    ///   for B = 1. For a batch it is averaged over the samples, not summed, as notes 001's
    ///   `0.5 / m * sum(sum((a − y).^2))`: a batch of B copies of one sample has the loss of that sample.
    case halfSumOfSquaredErrors
    /// PyTorch's `MSELoss()` (`reduction='mean'`): the mean over all B·k entries, with no ½,
    /// ```
    /// L = (1/(B k)) Σᵢ₌₁..B Σⱼ₌₁..k (ŷᵢⱼ − yᵢⱼ)²,   ∂L/∂ŷᵢⱼ = 2(ŷᵢⱼ − yᵢⱼ)/(B k)
    /// ```
    /// - Note: No ½ and a mean over the outputs as well as the samples: for one output (k = 1) it is twice
    ///   ``halfSumOfSquaredErrors``, for k outputs `2/k` times it.
    case meanSquaredError
    /// Binary cross-entropy on logits `x` (PyTorch's `BCEWithLogitsLoss()`), averaged over all entries:
    /// `ℓ = −[y log σ(x) + (1 − y) log(1 − σ(x))]`, evaluated stably as `max(x, 0) − x·y + log(1 + e^{−|x|})`;
    /// gradient `(σ(x) − y)/(B k)`.
    /// - Note: The output layer must be linear (``Activation/identity``): the sigmoid is part of the loss.
    case binaryCrossEntropyWithLogits
    /// Softmax cross-entropy on logits `z` (PyTorch's `CrossEntropyLoss()` with one-hot or probability targets),
    /// averaged over samples: `ℓ = −Σⱼ yⱼ log softmax(z)ⱼ = Σⱼ yⱼ (LSE(z) − zⱼ)` with the log-sum-exp
    /// `LSE(z) = m + log Σⱼ e^{zⱼ − m}`, `m = maxⱼ zⱼ`; gradient `(softmax(z)·Σⱼyⱼ − y)/B`, which is the familiar
    /// `(ŷ − Y)/B` for targets that sum to one.
    /// - Note: The output layer must be linear: the softmax is part of the loss.
    case softmaxCrossEntropy

    /// A short English name for legends and tables.
    public var name: String {
        switch self {
        case .halfSumOfSquaredErrors: return "½ sum of squared errors"
        case .meanSquaredError: return "mean squared error"
        case .binaryCrossEntropyWithLogits: return "binary cross-entropy"
        case .softmaxCrossEntropy: return "softmax cross-entropy"
        }
    }

    /// The loss of a batch.
    public func value<Scalar: TrainingScalar>(output: Matrix<Scalar>, targets: Matrix<Scalar>) -> Double {
        var unused = Matrix<Scalar>(rows: 0, columns: 0)
        return evaluate(output: output, targets: targets, gradient: &unused, computesGradient: false)
    }

    /// The loss of a batch and its gradient `∂L/∂Ŷ`, written into `gradient` (resized when needed).
    public func valueAndGradient<Scalar: TrainingScalar>(
        output: Matrix<Scalar>, targets: Matrix<Scalar>, gradient: inout Matrix<Scalar>
    ) -> Double {
        evaluate(output: output, targets: targets, gradient: &gradient, computesGradient: true)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func evaluate<Scalar: TrainingScalar>(
        output: Matrix<Scalar>, targets: Matrix<Scalar>, gradient: inout Matrix<Scalar>, computesGradient: Bool
    ) -> Double {
        requirement(output.rows == targets.rows && output.columns == targets.columns,
                     "Output is \(output.rows)×\(output.columns) but targets are \(targets.rows)×\(targets.columns)")
        let rows = output.rows, columns = output.columns, count = rows * columns
        guard count > 0 else { return 0 }
        if computesGradient { gradient.ensureShape(rows: rows, columns: columns) }
        var total = 0.0
        output.storage.withUnsafeBufferPointer { yHat in
            targets.storage.withUnsafeBufferPointer { y in
                gradient.storage.withUnsafeMutableBufferPointer { g in
                    switch self {
                    case .halfSumOfSquaredErrors, .meanSquaredError:
                        let isHalf = self == .halfSumOfSquaredErrors
                        let lossScale = isHalf ? 0.5 / Double(rows) : 1 / Double(count)
                        let gradientScale: Scalar = isHalf ? 1 / Scalar(rows) : 2 / Scalar(count)
                        // Squares are summed in Double like the other losses: a Float running sum over a
                        // large batch loses digits at every addition.
                        var sum = 0.0
                        for i in 0..<count {
                            let difference = Double(yHat[i]) - Double(y[i])
                            sum += difference * difference
                            if computesGradient { g[i] = gradientScale * (yHat[i] - y[i]) }
                        }
                        total = sum * lossScale
                    case .binaryCrossEntropyWithLogits:
                        let gradientScale = 1 / Scalar(count)
                        var sum = 0.0
                        for i in 0..<count {
                            let x = yHat[i]
                            let e = Scalar.exponential(-abs(x))
                            sum += Double(Swift.max(x, 0) - x * y[i] + Scalar.logarithmOnePlus(e))
                            if computesGradient {
                                let probability = x >= 0 ? 1 / (1 + e) : e / (1 + e)
                                g[i] = (probability - y[i]) * gradientScale
                            }
                        }
                        total = sum / Double(count)
                    case .softmaxCrossEntropy:
                        let gradientScale = 1 / Scalar(rows)
                        var sum = 0.0
                        for row in 0..<rows {
                            let base = row * columns
                            var maximum = -Scalar.infinity
                            for j in 0..<columns { maximum = Swift.max(maximum, yHat[base + j]) }
                            var exponentialSum: Scalar = 0
                            for j in 0..<columns { exponentialSum += Scalar.exponential(yHat[base + j] - maximum) }
                            let logSumExp = maximum + Scalar.logarithm(exponentialSum)
                            var targetSum: Scalar = 0
                            for j in 0..<columns {
                                sum += Double(y[base + j] * (logSumExp - yHat[base + j]))
                                targetSum += y[base + j]
                            }
                            if computesGradient {
                                for j in 0..<columns {
                                    let probability = Scalar.exponential(yHat[base + j] - logSumExp)
                                    g[base + j] = (probability * targetSum - y[base + j]) * gradientScale
                                }
                            }
                        }
                        total = sum / Double(rows)
                    }
                }
            }
        }
        return total
    }

    /// The number of correctly classified samples in a batch, for classification targets.
    ///
    /// With several output columns the predicted class is the arg-max of the row and the true class the
    /// arg-max of the target row. With one column the target class is `y > ½`, and the prediction is positive
    /// when the output exceeds the decision threshold: 0 for ``binaryCrossEntropyWithLogits`` (a logit), ½ for
    /// the squared-error losses (a probability-like output such as a sigmoid).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func correctCount<Scalar: TrainingScalar>(output: Matrix<Scalar>, targets: Matrix<Scalar>) -> Int {
        let columns = output.columns
        var correct = 0
        if columns == 1 {
            let threshold: Scalar = self == .binaryCrossEntropyWithLogits ? 0 : 0.5
            for i in 0..<output.rows where (output.storage[i] > threshold) == (targets.storage[i] > 0.5) {
                correct += 1
            }
            return correct
        }
        func argmax(_ storage: [Scalar], _ base: Int) -> Int {
            var best = 0
            for j in 1..<columns where storage[base + j] > storage[base + best] { best = j }
            return best
        }
        for row in 0..<output.rows where argmax(output.storage, row * columns) == argmax(targets.storage, row * columns) {
            correct += 1
        }
        return correct
    }
}
