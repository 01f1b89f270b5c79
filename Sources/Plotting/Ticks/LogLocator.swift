import Foundation

/// Where ticks go on a log₁₀ axis: whole decades as major ticks, 2…9 × 10ᵏ as minor ticks.
///
/// When the range spans so many decades that labels would crowd, every n-th decade is labelled
/// (n the smallest whole number giving at most `targetCount` labels). When it spans less than two decades
/// (upper/lower < 100), 1-2-5 multiples become major ticks when at least three of them fit, and below that
/// the linear locator's ticks are used.
public struct LogLocator: Sendable {
    public init() {}

    /// Major and minor tick values inside `lower...upper` (both must be > 0).
    ///
    /// - Parameters:
    ///   - lower: Lower limit (> 0).
    ///   - upper: Upper limit (> lower).
    ///   - targetCount: About how many labelled ticks fit.
    /// - Returns: `major` (labelled) and `minor` (unlabelled) ticks, each increasing.
    public func ticks(lower: Double, upper: Double, targetCount: Int) -> (major: [Double], minor: [Double]) {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return ([], []) }
        let tolerance = 1e-9
        let lowDecade = Int(floor(Foundation.log10(lower) + tolerance))
        let highDecade = Int(ceil(Foundation.log10(upper) - tolerance))
        func inside(_ value: Double) -> Bool { value >= lower * (1 - tolerance) && value <= upper * (1 + tolerance) }

        // Decades alone label too little of a range narrower than two decades: 0.045…1 would read 10⁻¹, 10⁰.
        let spansTwoDecades = Foundation.log10(upper / lower) >= 2 - tolerance
        if spansTwoDecades {
            let stride = max(1, Int(ceil(Double(highDecade - lowDecade + 1) / Double(max(targetCount, 2)))))
            var major: [Double] = []
            var minor: [Double] = []
            for exponent in lowDecade...highDecade {
                let decade = pow(10, Double(exponent))
                if inside(decade) {
                    if exponent.isMultiple(of: stride) {
                        major.append(decade)
                    } else if highDecade - lowDecade <= 60 {
                        // Beyond some sixty decades one minor tick per decade would fuse into a solid bar.
                        minor.append(decade)
                    }
                }
                if stride == 1 {
                    for multiple in 2...9 where inside(Double(multiple) * decade) { minor.append(Double(multiple) * decade) }
                }
            }
            if major.count >= 2 { return (major, minor.sorted()) }
        }
        var oneTwoFive: [Double] = []
        var minor: [Double] = []
        for exponent in lowDecade...highDecade {
            let decade = pow(10, Double(exponent))
            for multiple in 1...9 where inside(Double(multiple) * decade) {
                if [1, 2, 5].contains(multiple) { oneTwoFive.append(Double(multiple) * decade) } else { minor.append(Double(multiple) * decade) }
            }
        }
        if oneTwoFive.count >= 3 && oneTwoFive.count <= max(targetCount, 3) { return (oneTwoFive, minor) }
        let linear = ExtendedWilkinsonLocator().ticks(lower: lower, upper: upper, targetCount: targetCount)
            .filter { $0 > 0 && inside($0) }
        return (linear, [])
    }
}
