/// Linear regression `ŷ = wᵀx + b` trained by gradient descent, as in notes 000.
///
/// The loss is half the mean squared error, `E = (1/2n) Σᵢ (ŷᵢ − yᵢ)²`, so the full-batch gradient is
/// `∂E/∂w = (1/n) Σᵢ (ŷᵢ − yᵢ) xᵢ`, `∂E/∂b = (1/n) Σᵢ (ŷᵢ − yᵢ)` — the notes' `(1/n) X_bᵀ (X_b w − y)` with the
/// bias as weight 0 on a constant input 1.
public struct LinearRegression: Sendable, Hashable {
    /// w.
    public var weights: [Double]
    /// b.
    public var bias: Double

    /// Creates a model with explicit parameters.
    public init(weights: [Double], bias: Double) {
        self.weights = weights
        self.bias = bias
    }

    /// Creates a model with bias and weights drawn from `N(0, 1)`, as the notes' `np.random.randn` (bias first).
    public init(inputSize: Int, generator: inout SeededRandomNumberGenerator) {
        bias = generator.nextNormal()
        weights = (0..<inputSize).map { _ in generator.nextNormal() }
    }

    /// `wᵀx + b`.
    public func predict(_ input: [Double]) -> Double {
        zip(weights, input).reduce(bias) { $0 + $1.0 * $1.1 }
    }

    /// `E = (1/2n) Σᵢ (ŷᵢ − yᵢ)²` on a data set with one target column.
    public func loss(on dataset: Dataset<Double>) -> Double {
        guard dataset.count > 0 else { return 0 }
        var sum = 0.0
        for index in 0..<dataset.count {
            let error = predict(dataset.inputs.row(index)) - dataset.targets.storage[index]
            sum += error * error
        }
        return sum / Double(2 * dataset.count)
    }

    /// Full-batch gradient descent: `iterations` steps of `θ ← θ − α ∂E/∂θ` over the whole data set.
    /// - Returns: The loss before the first step and after every step (`iterations + 1` values).
    @discardableResult
    public mutating func fitByBatchGradientDescent(on dataset: Dataset<Double>, learningRate: Double, iterations: Int) -> [Double] {
        requirement(dataset.targets.columns == 1 && dataset.inputs.columns == weights.count, "Shape mismatch")
        var losses = [loss(on: dataset)]
        let n = Double(dataset.count)
        for _ in 0..<iterations {
            var weightGradient = Array(repeating: 0.0, count: weights.count)
            var biasGradient = 0.0
            for index in 0..<dataset.count {
                let input = dataset.inputs.row(index)
                let error = predict(input) - dataset.targets.storage[index]
                for j in weights.indices { weightGradient[j] += error * input[j] / n }
                biasGradient += error / n
            }
            for j in weights.indices { weights[j] -= learningRate * weightGradient[j] }
            bias -= learningRate * biasGradient
            losses.append(loss(on: dataset))
        }
        return losses
    }

    /// Stochastic gradient descent as in notes 000: each epoch makes n steps, each on one sample drawn
    /// uniformly *with replacement*, with the single-sample gradient `(ŷᵢ − yᵢ) xᵢ` (and `ŷᵢ − yᵢ` for b).
    /// - Returns: The loss on the whole data set before training and after every epoch.
    @discardableResult
    public mutating func fitByStochasticGradientDescent(
        on dataset: Dataset<Double>, learningRate: Double, epochs: Int, generator: inout SeededRandomNumberGenerator
    ) -> [Double] {
        requirement(dataset.targets.columns == 1 && dataset.inputs.columns == weights.count, "Shape mismatch")
        var losses = [loss(on: dataset)]
        for _ in 0..<epochs {
            for _ in 0..<dataset.count {
                let index = generator.nextInt(below: dataset.count)
                let input = dataset.inputs.row(index)
                let error = predict(input) - dataset.targets.storage[index]
                for j in weights.indices { weights[j] -= learningRate * error * input[j] }
                bias -= learningRate * error
            }
            losses.append(loss(on: dataset))
        }
        return losses
    }
}
