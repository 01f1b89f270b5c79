import Foundation

/// Which values a contour plot draws lines at.
public enum ContourLevels: Sendable {
    /// About `count` round values between the grid's minimum and maximum (extended Wilkinson ticks).
    case automatic(count: Int)
    /// `count` levels evenly spaced in log₁₀ from `lower` (default: the smallest positive value, but at least
    /// 10⁻⁶ of the maximum) to the maximum, for steep surfaces such as Rosenbrock's.
    case logarithmic(count: Int, lower: Double? = nil)
    /// Exactly these levels.
    case values([Double])

    /// The levels for a grid, increasing.
    ///
    /// Logarithmic: ℓ_k = 10^(a + k(b − a)/(n − 1)), a = log₁₀ lower, b = log₁₀ max, k = 0…n−1.
    public func resolve(for grid: ScalarGrid) -> [Double] {
        guard let range = grid.finiteRange else { return [] }
        switch self {
        case .automatic(let count):
            let (low, high) = nonsingular(range.lowerBound, range.upperBound)
            return ExtendedWilkinsonLocator().ticks(lower: low, upper: high, targetCount: count + 2)
                .filter { $0 > range.lowerBound && $0 < range.upperBound }
        case .logarithmic(let count, let lower):
            guard range.upperBound > 0, count >= 1 else { return [] }
            let floor = lower ?? max(grid.smallestPositive ?? range.upperBound * 1e-6, range.upperBound * 1e-6)
            let a = log10(floor)
            let b = log10(range.upperBound)
            guard count > 1, b > a else { return [pow(10, a)] }
            return (0..<count).map { pow(10, a + Double($0) * (b - a) / Double(count - 1)) }
        case .values(let levels):
            return levels.sorted()
        }
    }

    var isLogarithmic: Bool {
        if case .logarithmic = self { return true }
        return false
    }
}
