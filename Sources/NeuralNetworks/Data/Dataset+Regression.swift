import Foundation

/// Synthetic regression sets: every one is a pure function of its arguments and its seed, computed in `Double`
/// and rounded once to `Scalar`.
extension Dataset {
    /// Samples of a 1-D function with additive Gaussian noise: y = f(x) + ε.
    ///
    /// For each sample in turn, x ~ U[a, b) is drawn and then ε ~ N(0, noise²); the samples keep that order.
    /// - Parameters:
    ///   - count: Number of samples N ≥ 1.
    ///   - interval: [a, b], the range x is drawn from.
    ///   - noise: Standard deviation of ε (0 gives exact samples of f).
    ///   - seed: Seed of x and ε.
    ///   - function: f, evaluated in `Double`.
    /// - Returns: N samples, input `x`, target `y`.
    public static func noisyFunction(count: Int, interval: ClosedRange<Double>, noise: Double, seed: UInt64, _ function: (Double) -> Double) -> Dataset {
        requirement(count >= 1, "A regression set needs at least one sample, got \(count)")
        requirement(noise >= 0, "Noise standard deviation must be non-negative, got \(noise)")
        var generator = SeededRandomNumberGenerator(seed: seed)
        var inputs: [Scalar] = []
        var targets: [Scalar] = []
        for _ in 0..<count {
            let x = generator.nextUniform(in: interval.lowerBound, interval.upperBound)
            let y = function(x) + generator.nextNormal(standardDeviation: noise)
            inputs.append(Scalar(x))
            targets.append(Scalar(y))
        }
        return Dataset(
            inputs: Matrix(rows: count, columns: 1, storage: inputs),
            targets: Matrix(rows: count, columns: 1, storage: targets),
            inputNames: ["x"], targetNames: ["y"]
        )
    }

    /// Noisy samples of the sine: y = sin x + ε, x ~ U[a, b), ε ~ N(0, noise²), as ``noisyFunction(count:interval:noise:seed:_:)``.
    /// - Parameters:
    ///   - count: Number of samples N ≥ 1.
    ///   - interval: [a, b], by default one period [−π, π].
    ///   - noise: Standard deviation of ε.
    ///   - seed: Seed of x and ε.
    /// - Returns: N samples, input `x`, target `y`.
    public static func noisySine(count: Int, interval: ClosedRange<Double> = -Double.pi...Double.pi, noise: Double, seed: UInt64) -> Dataset {
        noisyFunction(count: count, interval: interval, noise: noise, seed: seed) { x in sin(x) }
    }

    /// A linear-regression set with known parameters: y = w · x + b + ε.
    ///
    /// For each sample in turn, its d inputs x_j ~ N(0, 1) are drawn (as in scikit-learn's `make_regression`),
    /// then ε ~ N(0, noise²). With `noise` 0 the targets are exact, so least squares recovers w and b; with
    /// noise, the residual standard deviation of the true parameters is `noise`.
    /// - Parameters:
    ///   - count: Number of samples N ≥ 1.
    ///   - weights: The true weights w (their count is the input dimension d ≥ 1).
    ///   - bias: The true bias b.
    ///   - noise: Standard deviation of ε.
    ///   - seed: Seed of the inputs and ε.
    /// - Returns: N samples, inputs `x1` … `xd`, target `y`.
    public static func linearRegression(count: Int, weights: [Double], bias: Double, noise: Double, seed: UInt64) -> Dataset {
        requirement(count >= 1, "A regression set needs at least one sample, got \(count)")
        requirement(!weights.isEmpty, "A linear-regression set needs at least one weight")
        requirement(noise >= 0, "Noise standard deviation must be non-negative, got \(noise)")
        var generator = SeededRandomNumberGenerator(seed: seed)
        var inputs: [Scalar] = []
        var targets: [Scalar] = []
        inputs.reserveCapacity(count * weights.count)
        for _ in 0..<count {
            var y = bias
            for weight in weights {
                let x = generator.nextNormal()
                y += weight * x
                inputs.append(Scalar(x))
            }
            targets.append(Scalar(y + generator.nextNormal(standardDeviation: noise)))
        }
        return Dataset(
            inputs: Matrix(rows: count, columns: weights.count, storage: inputs),
            targets: Matrix(rows: count, columns: 1, storage: targets),
            inputNames: (1...weights.count).map { "x\($0)" }, targetNames: ["y"]
        )
    }
}
