import Foundation

/// Synthetic classification sets: every one is a pure function of its arguments and its seed.
///
/// All points are computed in `Double` and rounded once to `Scalar`, so the `Float` and the `Double` set from one
/// seed hold the same points up to that rounding. Inputs are named `x1`, `x2`; two-class targets are one 0/1
/// column named `label`, multi-class targets are one-hot rows named `class 0`, `class 1`, … (see
/// ``classTargets(labels:classCount:)``).
extension Dataset {
    /// The XOR problem: the four corners of the unit square, labelled 1 when exactly one coordinate is 1.
    ///
    /// | x1 | x2 | label |
    /// |----|----|-------|
    /// | 0  | 0  | 0     |
    /// | 0  | 1  | 1     |
    /// | 1  | 0  | 1     |
    /// | 1  | 1  | 0     |
    ///
    /// The corners come in this order, each repeated `samplesPerCorner` times in a row; then every coordinate
    /// receives independent Gaussian noise ε ~ N(0, noise²), drawn sample after sample, x1 before x2.
    /// - Parameters:
    ///   - samplesPerCorner: Copies of each corner (default 1: the bare truth table).
    ///   - noise: Standard deviation of the noise added to each coordinate (default 0: exact corners).
    ///   - seed: Seed of the noise; unused when `noise` is 0.
    /// - Returns: `4 · samplesPerCorner` samples with two inputs and one 0/1 target.
    public static func xor(samplesPerCorner: Int = 1, noise: Double = 0, seed: UInt64 = 0) -> Dataset {
        requirement(samplesPerCorner >= 1, "XOR needs at least one sample per corner, got \(samplesPerCorner)")
        requirement(noise >= 0, "Noise standard deviation must be non-negative, got \(noise)")
        let corners: [(x1: Double, x2: Double, label: Int)] = [(0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0)]
        var points: [(Double, Double)] = []
        var labels: [Int] = []
        for corner in corners {
            for _ in 0..<samplesPerCorner {
                points.append((corner.x1, corner.x2))
                labels.append(corner.label)
            }
        }
        var generator = SeededRandomNumberGenerator(seed: seed)
        return planeClassification(points: addingNoise(to: points, standardDeviation: noise, using: &generator), labels: labels, classCount: 2)
    }

    /// Two interleaving half circles, built as scikit-learn's `make_moons`.
    ///
    /// With n_out = ⌊N/2⌋ and n_in = N − n_out, and t evenly spaced over [0, π] including both ends
    /// (`linspace(0, π, n)`):
    /// - outer moon, label 0: (cos t, sin t), the upper half of the unit circle centred at (0, 0);
    /// - inner moon, label 1: (1 − cos t, ½ − sin t), the lower half of the unit circle centred at (1, ½).
    ///
    /// The samples are then shuffled (Fisher–Yates) and every coordinate receives Gaussian noise ε ~ N(0, noise²),
    /// in that order, as in `make_moons(shuffle=True, noise=noise)`.
    /// - Note: The construction is scikit-learn's; the random numbers are not (they come from
    ///   ``SeededRandomNumberGenerator``), so the points differ from scikit-learn's for the same seed.
    /// - Parameters:
    ///   - count: Number of samples N ≥ 2.
    ///   - noise: Standard deviation of the noise on each coordinate (0 puts every point on its arc).
    ///   - seed: Seed of the shuffle and the noise.
    /// - Returns: N samples with two inputs and one 0/1 target.
    public static func twoMoons(count: Int, noise: Double = 0, seed: UInt64) -> Dataset {
        requirement(count >= 2, "Two moons need at least two samples, got \(count)")
        requirement(noise >= 0, "Noise standard deviation must be non-negative, got \(noise)")
        let outerCount = count / 2
        let innerCount = count - outerCount
        var points: [(Double, Double)] = []
        var labels: [Int] = []
        for t in linearlySpaced(from: 0, to: Double.pi, count: outerCount, includingEnd: true) {
            points.append((cos(t), sin(t)))
            labels.append(0)
        }
        for t in linearlySpaced(from: 0, to: Double.pi, count: innerCount, includingEnd: true) {
            points.append((1 - cos(t), 0.5 - sin(t)))
            labels.append(1)
        }
        return shuffledNoisyPlaneClassification(points: points, labels: labels, classCount: 2, noise: noise, seed: seed)
    }

    /// Two concentric circles, built as scikit-learn's `make_circles`.
    ///
    /// With n_out = ⌊N/2⌋ and n_in = N − n_out, and t evenly spaced over [0, 2π) without the end point:
    /// - outer circle, label 0: (cos t, sin t), radius 1;
    /// - inner circle, label 1: factor · (cos t, sin t), radius `factor`.
    ///
    /// Then shuffled and made noisy exactly as ``twoMoons(count:noise:seed:)``.
    /// - Parameters:
    ///   - count: Number of samples N ≥ 2.
    ///   - noise: Standard deviation of the Gaussian noise on each coordinate.
    ///   - factor: Radius of the inner circle, in (0, 1); scikit-learn's default 0.8.
    ///   - seed: Seed of the shuffle and the noise.
    /// - Returns: N samples with two inputs and one 0/1 target.
    public static func circles(count: Int, noise: Double = 0, factor: Double = 0.8, seed: UInt64) -> Dataset {
        requirement(count >= 2, "Circles need at least two samples, got \(count)")
        requirement(noise >= 0, "Noise standard deviation must be non-negative, got \(noise)")
        requirement(factor > 0 && factor < 1, "The inner radius factor must lie in (0, 1), got \(factor)")
        let outerCount = count / 2
        let innerCount = count - outerCount
        var points: [(Double, Double)] = []
        var labels: [Int] = []
        for t in linearlySpaced(from: 0, to: 2 * Double.pi, count: outerCount, includingEnd: false) {
            points.append((cos(t), sin(t)))
            labels.append(0)
        }
        for t in linearlySpaced(from: 0, to: 2 * Double.pi, count: innerCount, includingEnd: false) {
            points.append((factor * cos(t), factor * sin(t)))
            labels.append(1)
        }
        return shuffledNoisyPlaneClassification(points: points, labels: labels, classCount: 2, noise: noise, seed: seed)
    }

    /// Interleaved spiral arms, one per class (the classic "spiral" set of CS231n, with Gaussian noise on the
    /// coordinates instead of on the angle).
    ///
    /// Class k of K gets n_k samples (N split as evenly as possible, the first N mod K classes one more). Its
    /// sample i ∈ 0..<n_k lies at
    ///
    ///     r = (i + 1) / n_k,   θ = 2πk/K + 2π · turns · r,   (x1, x2) = r (cos θ, sin θ),
    ///
    /// so each arm winds `turns` times outwards from the centre to radius 1, the arms a constant 2π/K apart.
    /// The samples are then shuffled and made noisy as ``twoMoons(count:noise:seed:)``.
    /// - Parameters:
    ///   - count: Number of samples N ≥ K.
    ///   - classCount: Number of arms K ≥ 2.
    ///   - turns: Full turns each arm makes (default 1).
    ///   - noise: Standard deviation of the Gaussian noise on each coordinate.
    ///   - seed: Seed of the shuffle and the noise.
    /// - Returns: N samples with two inputs; targets as ``classTargets(labels:classCount:)``.
    public static func spirals(count: Int, classCount: Int = 2, turns: Double = 1, noise: Double = 0, seed: UInt64) -> Dataset {
        requirement(classCount >= 2, "Spirals need at least two classes, got \(classCount)")
        requirement(count >= classCount, "Spirals need at least one sample per class (\(count) samples, \(classCount) classes)")
        requirement(noise >= 0, "Noise standard deviation must be non-negative, got \(noise)")
        var points: [(Double, Double)] = []
        var labels: [Int] = []
        for (label, classSize) in evenSplit(count, into: classCount).enumerated() {
            for index in 0..<classSize {
                let radius = Double(index + 1) / Double(classSize)
                let angle = 2 * Double.pi * Double(label) / Double(classCount) + 2 * Double.pi * turns * radius
                points.append((radius * cos(angle), radius * sin(angle)))
                labels.append(label)
            }
        }
        return shuffledNoisyPlaneClassification(points: points, labels: labels, classCount: classCount, noise: noise, seed: seed)
    }

    /// Isotropic Gaussian blobs, one class per centre, as scikit-learn's `make_blobs` with explicit centres.
    ///
    /// Class k gets n_k samples (N split as evenly as possible, the first N mod K classes one more), each
    /// x = c_k + ε with ε ~ N(0, σ² I). Samples are generated class after class, coordinate after coordinate,
    /// then shuffled (Fisher–Yates) with the same generator.
    /// - Parameters:
    ///   - count: Number of samples N ≥ K.
    ///   - centers: The K ≥ 2 class centres c_k, all of the same dimension d ≥ 1.
    ///   - standardDeviation: σ, the spread of each blob along every axis (scikit-learn's default 1).
    ///   - seed: Seed of the samples and the shuffle.
    /// - Returns: N samples with d inputs (`x1` … `xd`); targets as ``classTargets(labels:classCount:)``.
    public static func gaussianBlobs(count: Int, centers: [[Double]], standardDeviation: Double = 1, seed: UInt64) -> Dataset {
        requirement(centers.count >= 2, "Blobs need at least two centres, got \(centers.count)")
        let dimension = centers[0].count
        requirement(dimension >= 1 && centers.allSatisfy { $0.count == dimension }, "All centres must have the same, positive dimension")
        requirement(count >= centers.count, "Blobs need at least one sample per centre (\(count) samples, \(centers.count) centres)")
        requirement(standardDeviation >= 0, "Standard deviation must be non-negative, got \(standardDeviation)")
        var generator = SeededRandomNumberGenerator(seed: seed)
        var rows: [[Double]] = []
        var labels: [Int] = []
        for (label, classSize) in evenSplit(count, into: centers.count).enumerated() {
            for _ in 0..<classSize {
                rows.append(centers[label].map { generator.nextNormal(mean: $0, standardDeviation: standardDeviation) })
                labels.append(label)
            }
        }
        var order = Array(rows.indices)
        generator.shuffle(&order)
        return Dataset(
            inputs: Matrix(rows: count, columns: dimension, storage: order.flatMap { rows[$0].map { Scalar($0) } }),
            targets: classTargets(labels: order.map { labels[$0] }, classCount: centers.count),
            inputNames: (1...dimension).map { "x\($0)" },
            targetNames: classTargetNames(classCount: centers.count)
        )
    }

    // MARK: - Shared construction

    /// `count` values from `start` towards `end`, evenly spaced as `numpy.linspace(start, end, count, endpoint)`.
    private static func linearlySpaced(from start: Double, to end: Double, count: Int, includingEnd: Bool) -> [Double] {
        let intervals = includingEnd ? count - 1 : count
        guard intervals > 0 else { return count == 1 ? [start] : [] }
        let step = (end - start) / Double(intervals)
        return (0..<count).map { start + Double($0) * step }
    }

    /// Sizes of `count` items dealt into `parts` groups: ⌊count/parts⌋ each, the first `count mod parts` one more.
    private static func evenSplit(_ count: Int, into parts: Int) -> [Int] {
        (0..<parts).map { count / parts + ($0 < count % parts ? 1 : 0) }
    }

    private static func classTargetNames(classCount: Int) -> [String] {
        classCount == 2 ? ["label"] : (0..<classCount).map { "class \($0)" }
    }

    private static func addingNoise(to points: [(Double, Double)], standardDeviation: Double, using generator: inout SeededRandomNumberGenerator) -> [(Double, Double)] {
        guard standardDeviation > 0 else { return points }
        return points.map { point in
            let x1 = point.0 + generator.nextNormal(standardDeviation: standardDeviation)
            let x2 = point.1 + generator.nextNormal(standardDeviation: standardDeviation)
            return (x1, x2)
        }
    }

    private static func shuffledNoisyPlaneClassification(points: [(Double, Double)], labels: [Int], classCount: Int, noise: Double, seed: UInt64) -> Dataset {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var order = Array(points.indices)
        generator.shuffle(&order)
        let shuffledPoints = addingNoise(to: order.map { points[$0] }, standardDeviation: noise, using: &generator)
        return planeClassification(points: shuffledPoints, labels: order.map { labels[$0] }, classCount: classCount)
    }

    private static func planeClassification(points: [(Double, Double)], labels: [Int], classCount: Int) -> Dataset {
        Dataset(
            inputs: Matrix(rows: points.count, columns: 2, storage: points.flatMap { [Scalar($0.0), Scalar($0.1)] }),
            targets: classTargets(labels: labels, classCount: classCount),
            inputNames: ["x1", "x2"],
            targetNames: classTargetNames(classCount: classCount)
        )
    }
}
