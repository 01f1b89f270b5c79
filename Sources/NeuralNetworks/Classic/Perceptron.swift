/// Rosenblatt's perceptron with the learning rule of notes 001: a linear score `s = wᵀx + b`, the prediction
/// `+1` if `s > 0` and `−1` otherwise (the Heaviside step mapped to ±1), and on each mistake
/// ```
/// y = +1 but s ≤ 0:   w ← w + x,  b ← b + 1
/// y = −1 but s > 0:   w ← w − x,  b ← b − 1
/// ```
/// i.e. `w ← w + y x, b ← b + y` whenever `y s ≤ 0`. On linearly separable data the rule stops after finitely
/// many mistakes (Novikoff's theorem, proved in notes 001).
/// - Note: A score of exactly 0 counts as a mistake for both classes, as in the notes' augmented form
///   (`ω(k)ᵀx ≤ 0` triggers an update); otherwise an all-zero start would never move.
public struct Perceptron: Sendable, Hashable {
    /// w.
    public var weights: [Double]
    /// b.
    public var bias: Double

    /// Creates a perceptron with explicit parameters.
    public init(weights: [Double], bias: Double) {
        self.weights = weights
        self.bias = bias
    }

    /// Creates a perceptron with weights and bias drawn from `U(−1, 1)`.
    public init(inputSize: Int, generator: inout SeededRandomNumberGenerator) {
        weights = (0..<inputSize).map { _ in generator.nextUniform(in: -1, 1) }
        bias = generator.nextUniform(in: -1, 1)
    }

    /// The score `wᵀx + b`.
    public func score(_ input: [Double]) -> Double {
        zip(weights, input).reduce(bias) { $0 + $1.0 * $1.1 }
    }

    /// The predicted class, `+1` when the score is positive, else `−1`.
    public func predict(_ input: [Double]) -> Int {
        score(input) > 0 ? 1 : -1
    }

    /// Trains with the perceptron rule until an epoch makes no mistake or `maximumEpochs` have passed.
    ///
    /// Each epoch visits every sample once in a fresh random order drawn from `generator`.
    /// - Parameters:
    ///   - dataset: Inputs and one target column; a target above 0 is class +1, otherwise class −1 (so both ±1
    ///     and 0/1 labels work).
    ///   - maximumEpochs: Upper bound on the number of passes (the rule never stops on non-separable data).
    ///   - generator: Source of the visiting order.
    /// - Returns: Mistakes per epoch and the parameters after every update.
    @discardableResult
    public mutating func train(
        on dataset: Dataset<Double>, maximumEpochs: Int, generator: inout SeededRandomNumberGenerator
    ) -> PerceptronHistory {
        requirement(dataset.targets.columns == 1, "The perceptron takes one target column")
        requirement(dataset.inputs.columns == weights.count, "The perceptron takes \(weights.count) inputs")
        var history = PerceptronHistory()
        for _ in 0..<maximumEpochs {
            var order = Array(0..<dataset.count)
            generator.shuffle(&order)
            var mistakes = 0
            for index in order {
                let input = dataset.inputs.row(index)
                let label: Double = dataset.targets.storage[index] > 0 ? 1 : -1
                if label * score(input) <= 0 {
                    for j in weights.indices { weights[j] += label * input[j] }
                    bias += label
                    mistakes += 1
                    history.updates.append(.init(sampleIndex: index, weights: weights, bias: bias))
                }
            }
            history.mistakesPerEpoch.append(mistakes)
            if mistakes == 0 {
                history.converged = true
                break
            }
        }
        return history
    }
}
