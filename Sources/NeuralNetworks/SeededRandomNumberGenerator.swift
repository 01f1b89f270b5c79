import Foundation

/// A small, fast, seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// Every random choice in the engine (initial weights, shuffling, dropout masks, synthetic data) draws from an
/// explicit instance of this generator, so two runs with the same seed are bit-identical on any machine.
/// The sampling helpers below are written out rather than taken from `Double.random(in:using:)`, whose
/// algorithm the standard library does not promise to keep.
///
/// Reference: Blackman & Vigna, "Scrambled linear pseudorandom number generators" (2021).
public struct SeededRandomNumberGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        // SplitMix64 spreads one 64-bit seed over the 256-bit state; it never yields the all-zero state.
        var splitMixState = seed
        func splitMix() -> UInt64 {
            splitMixState &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMixState
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    /// A uniform `Double` in [0, 1): the top 53 bits of `next()` scaled by 2⁻⁵³.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform `Double` in [`lowerBound`, `upperBound`).
    public mutating func nextUniform(in lowerBound: Double, _ upperBound: Double) -> Double {
        lowerBound + (upperBound - lowerBound) * nextUniform()
    }

    /// A standard normal sample by the Box–Muller transform, `√(−2 ln u₁) · cos(2π u₂)` with u₁ ∈ (0, 1].
    /// - Note: One sample is drawn per call (the sine partner is discarded) so the sequence does not depend on
    ///   whether an earlier caller consumed an odd number of samples.
    public mutating func nextNormal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        let u1 = 1 - nextUniform()
        let u2 = nextUniform()
        return mean + standardDeviation * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// `count` draws of `draw`, in order: the same values as calling `draw` `count` times, with the loop in the
    /// optimised library (experiments are compiled without optimisation).
    public mutating func samples(count: Int, _ draw: (inout SeededRandomNumberGenerator) -> Double) -> [Double] {
        var values = [Double]()
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(draw(&self)) }
        return values
    }

    /// A uniform integer in `0..<upperBound`, without modulo bias (Lemire's method with rejection).
    public mutating func nextInt(below upperBound: Int) -> Int {
        requirement(upperBound > 0, "upperBound must be positive")
        let bound = UInt64(upperBound)
        let threshold = (0 &- bound) % bound
        while true {
            let product = next().multipliedFullWidth(by: bound)
            if product.low >= threshold { return Int(product.high) }
        }
    }

    /// Shuffles `array` in place (Fisher–Yates, drawing with `nextInt(below:)`).
    public mutating func shuffle<Element>(_ array: inout [Element]) {
        guard array.count > 1 else { return }
        for index in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(index, nextInt(below: index + 1))
        }
    }

    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
