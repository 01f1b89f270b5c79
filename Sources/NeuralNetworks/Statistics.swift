/// Summary statistics of samples.
///
/// They live in the optimised library rather than in experiments because `report` compiles experiments
/// without optimisation (three times faster to compile): an element loop in an experiment runs several times
/// slower than the same loop here. Each sums in index order, so results equal a plain left-to-right loop.
public enum Statistics {
    /// The sum of squares Σ vᵢ².
    public static func sumOfSquares(_ values: [Double]) -> Double {
        var sum = 0.0
        for value in values { sum += value * value }
        return sum
    }

    /// The mean v̄ = (1/N) Σ vᵢ (NaN for no values).
    public static func mean(_ values: [Double]) -> Double {
        var sum = 0.0
        for value in values { sum += value }
        return sum / Double(values.count)
    }

    /// The population standard deviation √((1/N) Σ (vᵢ − v̄)²) (NaN for no values).
    public static func populationStandardDeviation(_ values: [Double]) -> Double {
        let mean = mean(values)
        var sum = 0.0
        for value in values { sum += (value - mean) * (value - mean) }
        return (sum / Double(values.count)).squareRoot()
    }

    /// The share of values with |vᵢ| > `threshold`, in 0…1 (NaN for no values).
    public static func share(of values: [Double], magnitudeAbove threshold: Double) -> Double {
        var count = 0
        for value in values where abs(value) > threshold { count += 1 }
        return Double(count) / Double(values.count)
    }
}
