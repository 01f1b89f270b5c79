import Foundation

/// Where ticks go on a linear axis: the extended Wilkinson algorithm of Talbot, Lin and Hanrahan,
/// "An Extension of Wilkinson's Algorithm for Positioning Tick Labels on Axes" (InfoVis 2010).
///
/// A labelling is a start `ℓ_min`, a step `j·q·10^z` (q from the list of nice numbers Q, j a skip factor)
/// and a count k. Each candidate gets
///
///     score = 0.25·simplicity + 0.2·coverage + 0.5·density + 0.05·legibility
///
///     simplicity = 1 − (i − 1)/(|Q| − 1) − j + v        (i: 1-based index of q in Q; v = 1 if 0 is a label)
///     coverage   = 1 − ½·((d_max − ℓ_max)² + (d_min − ℓ_min)²) / (0.1·(d_max − d_min))²
///     density    = 2 − max(r/r_t, r_t/r),   r = (k − 1)/(ℓ_max − ℓ_min),   r_t = (m − 1)/(max(ℓ_max, d_max) − min(d_min, ℓ_min))
///     legibility = 1
///
/// and the search over (j, q, k, z, start) stops early by the paper's upper bounds on each term.
///
/// - Note: Q = [1, 5, 2, 2.5, 4, 3] and the weights are the paper's. Labels may lie inside the data range
///   (not "loose"), as in the paper's default; the axis then shows only ticks within its limits.
public struct ExtendedWilkinsonLocator: Sendable {
    /// Nice step mantissas, most preferred first.
    public var niceNumbers: [Double] = [1, 5, 2, 2.5, 4, 3]
    /// Weights of simplicity, coverage, density and legibility.
    public var weights: (Double, Double, Double, Double) = (0.25, 0.2, 0.5, 0.05)

    public init() {}

    /// Tick values for the data range `lower...upper` with about `targetCount` ticks.
    ///
    /// - Parameters:
    ///   - lower: Lower end of the data range.
    ///   - upper: Upper end of the data range.
    ///   - targetCount: Desired number of ticks (m in the paper), at least 2.
    /// - Returns: Increasing tick values; degenerate ranges are widened by ``nonsingular(_:_:expansion:absoluteExpansion:)``.
    public func ticks(lower: Double, upper: Double, targetCount: Int) -> [Double] {
        let (dmin, dmax) = nonsingular(lower, upper)
        let m = max(targetCount, 2)
        guard let best = search(dmin: dmin, dmax: dmax, m: m) else { return [dmin, dmax] }
        let count = Int(((best.upper - best.lower) / best.step).rounded()) + 1
        return (0..<count).map { index in
            let value = best.lower + Double(index) * best.step
            return abs(value) < best.step * 1e-9 ? 0 : value
        }
    }

    private func search(dmin: Double, dmax: Double, m: Int) -> (lower: Double, upper: Double, step: Double)? {
        let (w0, w1, w2, w3) = weights
        var bestScore = -2.0
        var best: (lower: Double, upper: Double, step: Double)?
        var j = 1.0
        outer: while j < 1000 {
            for (index, q) in niceNumbers.enumerated() {
                let maxSimplicity = simplicityMax(index: index, j: j)
                if w0 * maxSimplicity + w1 + w2 + w3 < bestScore { break outer }
                var k = 2.0
                while k < 1000 {
                    let maxDensity = densityMax(k: k, m: Double(m))
                    if w0 * maxSimplicity + w1 + w2 * maxDensity + w3 < bestScore { break }
                    let delta = (dmax - dmin) / (k + 1) / j / q
                    var z = ceil(Foundation.log10(delta))
                    while z < 400 {
                        let step = j * q * pow(10, z)
                        let maxCoverage = coverageMax(dmin: dmin, dmax: dmax, span: step * (k - 1))
                        if w0 * maxSimplicity + w1 * maxCoverage + w2 * maxDensity + w3 < bestScore { break }
                        let minStart = floor(dmax / step) * j - (k - 1) * j
                        let maxStart = ceil(dmin / step) * j
                        if minStart > maxStart {
                            z += 1
                            continue
                        }
                        var start = minStart
                        while start <= maxStart {
                            let lmin = start * (step / j)
                            let lmax = lmin + step * (k - 1)
                            let score = w0 * simplicity(index: index, j: j, lmin: lmin, lmax: lmax, step: step)
                                + w1 * coverage(dmin: dmin, dmax: dmax, lmin: lmin, lmax: lmax)
                                + w2 * density(k: k, m: Double(m), dmin: dmin, dmax: dmax, lmin: lmin, lmax: lmax)
                                + w3
                            if score > bestScore {
                                bestScore = score
                                best = (lmin, lmax, step)
                            }
                            start += 1
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        return best
    }

    private func simplicity(index: Int, j: Double, lmin: Double, lmax: Double, step: Double) -> Double {
        let n = Double(niceNumbers.count)
        let remainder = lmin.truncatingRemainder(dividingBy: step)
        let hasZero = (abs(remainder) < 1e-10 * step || step - abs(remainder) < 1e-10 * step) && lmin <= 0 && lmax >= 0
        return 1 - Double(index) / (n - 1) - j + (hasZero ? 1 : 0)
    }

    private func simplicityMax(index: Int, j: Double) -> Double {
        1 - Double(index) / Double(niceNumbers.count - 1) - j + 1
    }

    private func coverage(dmin: Double, dmax: Double, lmin: Double, lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * ((dmax - lmax) * (dmax - lmax) + (dmin - lmin) * (dmin - lmin)) / ((0.1 * range) * (0.1 * range))
    }

    private func coverageMax(dmin: Double, dmax: Double, span: Double) -> Double {
        let range = dmax - dmin
        guard span > range else { return 1 }
        let half = (span - range) / 2
        return 1 - 0.5 * (2 * half * half) / ((0.1 * range) * (0.1 * range))
    }

    private func density(k: Double, m: Double, dmin: Double, dmax: Double, lmin: Double, lmax: Double) -> Double {
        let r = (k - 1) / (lmax - lmin)
        let target = (m - 1) / (max(lmax, dmax) - min(dmin, lmin))
        return 2 - max(r / target, target / r)
    }

    private func densityMax(k: Double, m: Double) -> Double {
        k >= m ? 2 - (k - 1) / (m - 1) : 1
    }
}
