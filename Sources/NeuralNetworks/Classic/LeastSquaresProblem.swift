/// One-input linear regression seen as a function of its two parameters (w, b), for drawing descent paths
/// over its loss surface (notes 000 and 001).
///
/// The loss is half the mean squared error, as ``LinearRegression`` uses:
///
/// $$E(w, b) = \frac{1}{2n} \sum_i (w x_i + b - y_i)^2
///   = \frac{1}{2n}\left(w^2 S_{xx} + 2wb\,S_x + n b^2 - 2w\,S_{xy} - 2b\,S_y + S_{yy}\right)$$
///
/// with the sums S computed once, so the contour grid and long runs of gradient steps cost O(1) per point.
/// The gradient is ∇E = (1/n)(w S_xx + b S_x − S_xy, w S_x + n b − S_y) and the Hessian the constant
/// H = (1/n)[[S_xx, S_x], [S_x, n]]: E is an exact quadratic bowl whose shape the data's scale decides.
///
/// It lives in the optimised library, not in the experiment that draws it: an experiment is compiled without
/// optimisation, and ``stepsToConverge(learningRate:from:tolerance:limit:)`` may take millions of steps
/// (optimizers' "input scaling" stage took 0.10 s of CPU at `-Onone` against 0.01 s optimised).
public struct LeastSquaresProblem: Sendable, Hashable, Codable {
    /// The inputs xᵢ.
    public let inputs: [Double]
    /// The targets yᵢ.
    public let targets: [Double]
    /// n, as a Double for the formulas.
    public let count: Double
    /// S_x = Σ xᵢ, S_xx = Σ xᵢ², S_xy = Σ xᵢ yᵢ, S_y = Σ yᵢ, S_yy = Σ yᵢ².
    public let sumX: Double, sumXX: Double, sumXY: Double, sumY: Double, sumYY: Double

    public init(inputs: [Double], targets: [Double]) {
        requirement(inputs.count == targets.count,
                    "LeastSquaresProblem: \(inputs.count) inputs but \(targets.count) targets")
        requirement(inputs.count > 1, "LeastSquaresProblem needs at least two samples, got \(inputs.count)")
        self.inputs = inputs
        self.targets = targets
        count = Double(inputs.count)
        sumX = inputs.reduce(0, +)
        sumXX = inputs.reduce(0) { $0 + $1 * $1 }
        sumXY = zip(inputs, targets).reduce(0) { $0 + $1.0 * $1.1 }
        sumY = targets.reduce(0, +)
        sumYY = targets.reduce(0) { $0 + $1 * $1 }
    }

    /// The first input column and the target column of a data set.
    public init(_ dataset: Dataset<Double>) {
        self.init(inputs: (0..<dataset.count).map { dataset.inputs[$0, 0] },
                  targets: (0..<dataset.count).map { dataset.targets[$0, 0] })
    }

    /// E(w, b), from the sums.
    public func loss(_ w: Double, _ b: Double) -> Double {
        (w * w * sumXX + 2 * w * b * sumX + count * b * b - 2 * w * sumXY - 2 * b * sumY + sumYY) / (2 * count)
    }

    /// ∇E over all n samples.
    public func gradient(_ point: SIMD2<Double>) -> SIMD2<Double> {
        SIMD2(point.x * sumXX + point.y * sumX - sumXY, point.x * sumX + count * point.y - sumY) / count
    }

    /// ∇ of the loss on the samples `batch` only, (1/B) Σ_{i∈batch} (w xᵢ + b − yᵢ)(xᵢ, 1): the noisy estimate
    /// mini-batch SGD steps along.
    public func gradient(_ point: SIMD2<Double>, batch: ArraySlice<Int>) -> SIMD2<Double> {
        var sum = SIMD2<Double>(0, 0)
        for index in batch {
            let error = point.x * inputs[index] + point.y - targets[index]
            sum += SIMD2(error * inputs[index], error)
        }
        return sum / Double(batch.count)
    }

    /// The least-squares solution, where ∇E = 0: w* = (n S_xy − S_x S_y) / (n S_xx − S_x²), b* = (S_y − w* S_x) / n.
    public var minimum: SIMD2<Double> {
        let w = (count * sumXY - sumX * sumY) / (count * sumXX - sumX * sumX)
        return SIMD2(w, (sumY - w * sumX) / count)
    }

    /// Eigenvalues of the Hessian H = (1/n)[[S_xx, S_x], [S_x, n]], from the 2 × 2 formula
    /// λ = (tr ± √(tr² − 4 det)) / 2. Gradient descent is stable for α < 2/λ_max and needs about
    /// κ = λ_max/λ_min steps per factor e of progress along the flattest direction.
    public var hessianEigenvalues: (smallest: Double, largest: Double) {
        let a = sumXX / count, c = 1.0, offDiagonal = sumX / count
        let trace = a + c, determinant = a * c - offDiagonal * offDiagonal
        let root = (trace * trace - 4 * determinant).squareRoot()
        // The smaller root from det / λ_max: subtracting two nearly equal numbers would lose its digits.
        let largest = (trace + root) / 2
        return (determinant / largest, largest)
    }

    /// The loss as a test function, so the engine's optimizers can run on it.
    public var testFunction: TestFunction {
        let problem = self
        return TestFunction(name: "least squares", formula: "E(w, b)", xRange: -1...1, yRange: -1...1,
                            minima: [minimum], value: { problem.loss($0.x, $0.y) }, gradient: { problem.gradient($0) })
    }

    /// `steps` steps of the engine's SGD with step size `learningRate`, each on the next mini-batch of
    /// `batchSize` samples; every epoch visits all samples once in a new random order (⌈n/B⌉ steps), as
    /// mini-batch training does. `batchSize` ≥ n is full-batch gradient descent.
    public func miniBatchPath(batchSize: Int, learningRate: Double, steps: Int, from start: SIMD2<Double>, seed: UInt64) -> OptimizationTrajectory {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var optimizer = SGD<Double>(learningRate: learningRate)
        var point = [start.x, start.y]
        var path = OptimizationTrajectory(name: "B = \(batchSize)", points: [start], values: [loss(start.x, start.y)])
        var order: [Int] = []
        var position = 0
        for _ in 0..<steps {
            if position >= order.count {
                order = Array(inputs.indices)
                generator.shuffle(&order)
                position = 0
            }
            let batch = order[position..<min(position + batchSize, order.count)]
            position += batchSize
            let g = gradient(SIMD2(point[0], point[1]), batch: batch)
            optimizer.update(&point, gradient: [g.x, g.y], slot: 0)
            path.points.append(SIMD2(point[0], point[1]))
            path.values.append(loss(point[0], point[1]))
        }
        return path
    }

    /// Full-batch gradient descent with step `learningRate` from `start` until the loss gap E − E* falls to
    /// `tolerance` × its starting value, or `limit` steps.
    /// - Returns: The number of steps taken, or nil when the limit was reached first.
    public func stepsToConverge(learningRate: Double, from start: SIMD2<Double>, tolerance: Double, limit: Int) -> Int? {
        let best = loss(minimum.x, minimum.y)
        let target = (loss(start.x, start.y) - best) * tolerance
        var point = start
        for step in 1...limit {
            point -= learningRate * gradient(point)
            if loss(point.x, point.y) - best <= target { return step }
        }
        return nil
    }
}
