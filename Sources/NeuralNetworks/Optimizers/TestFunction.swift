import Foundation

/// A function of two variables with its exact gradient, for drawing optimizer trajectories over contours.
///
/// The classic test functions are static members; each documents its formula, gradient and minima.
public struct TestFunction: Sendable {
    /// A short name for titles, e.g. "Rosenbrock".
    public let name: String
    /// The formula in LaTeX, for captions.
    public let formula: String
    /// f(x, y).
    public let value: @Sendable (SIMD2<Double>) -> Double
    /// ∇f(x, y), exact.
    public let gradient: @Sendable (SIMD2<Double>) -> SIMD2<Double>
    /// The global minima (empty when the function is unbounded below, as the saddle).
    public let minima: [SIMD2<Double>]
    /// Other stationary points worth marking (e.g. the saddle's origin).
    public let saddlePoints: [SIMD2<Double>]
    /// A plotting window that shows the interesting region: x range and y range.
    public let xRange: ClosedRange<Double>
    /// The y range of the plotting window.
    public let yRange: ClosedRange<Double>

    /// Creates a test function.
    public init(
        name: String, formula: String, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
        minima: [SIMD2<Double>], saddlePoints: [SIMD2<Double>] = [],
        value: @escaping @Sendable (SIMD2<Double>) -> Double,
        gradient: @escaping @Sendable (SIMD2<Double>) -> SIMD2<Double>
    ) {
        self.name = name
        self.formula = formula
        self.xRange = xRange
        self.yRange = yRange
        self.minima = minima
        self.saddlePoints = saddlePoints
        self.value = value
        self.gradient = gradient
    }

    /// Rosenbrock's banana valley `f = (1 − x)² + 100 (y − x²)²`,
    /// `∇f = (−2(1 − x) − 400 x (y − x²), 200 (y − x²))`; minimum 0 at (1, 1).
    public static let rosenbrock = TestFunction(
        name: "Rosenbrock", formula: "(1 - x)^2 + 100\\,(y - x^2)^2",
        xRange: -2...2, yRange: -1...3, minima: [SIMD2(1, 1)],
        value: { p in (1 - p.x) * (1 - p.x) + 100 * (p.y - p.x * p.x) * (p.y - p.x * p.x) },
        gradient: { p in
            SIMD2(-2 * (1 - p.x) - 400 * p.x * (p.y - p.x * p.x), 200 * (p.y - p.x * p.x))
        })

    /// An ill-conditioned quadratic bowl `f = ½ (x² + κ y²)`, `∇f = (x, κ y)`; minimum 0 at the origin. The
    /// condition number κ makes plain gradient descent zig-zag across the narrow direction.
    public static func illConditionedQuadratic(conditionNumber: Double = 20) -> TestFunction {
        let kappa = conditionNumber == conditionNumber.rounded() ? String(Int(conditionNumber)) : String(conditionNumber)
        return TestFunction(
            name: "ill-conditioned quadratic (κ = \(kappa))",
            formula: "\\tfrac{1}{2}(x^2 + \(kappa)\\,y^2)",
            xRange: -3...3, yRange: -2...2, minima: [SIMD2(0, 0)],
            value: { p in 0.5 * (p.x * p.x + conditionNumber * p.y * p.y) },
            gradient: { p in SIMD2(p.x, conditionNumber * p.y) })
    }

    /// Beale's function `f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²`; minimum 0 at (3, 0.5).
    public static let beale = TestFunction(
        name: "Beale", formula: "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2",
        xRange: -4.5...4.5, yRange: -4.5...4.5, minima: [SIMD2(3, 0.5)],
        value: { p in
            let (x, y) = (p.x, p.y)
            let a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y
            return a * a + b * b + c * c
        },
        gradient: { p in
            let (x, y) = (p.x, p.y)
            let a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y
            return SIMD2(2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
                         2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y)
        })

    /// Himmelblau's function `f = (x² + y − 11)² + (x + y² − 7)²`, four minima of value 0: (3, 2),
    /// (−2.805118, 3.131312), (−3.779310, −3.283186), (3.584428, −1.848126).
    public static let himmelblau = TestFunction(
        name: "Himmelblau", formula: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        xRange: -5...5, yRange: -5...5,
        minima: [SIMD2(3, 2), SIMD2(-2.805118086952745, 3.131312518250573),
                 SIMD2(-3.779310253377747, -3.283185991286170), SIMD2(3.584428340330492, -1.848126526964404)],
        value: { p in
            let a = p.x * p.x + p.y - 11, b = p.x + p.y * p.y - 7
            return a * a + b * b
        },
        gradient: { p in
            let a = p.x * p.x + p.y - 11, b = p.x + p.y * p.y - 7
            return SIMD2(4 * p.x * a + 2 * b, 2 * a + 4 * p.y * b)
        })

    /// The saddle `f = x² − y²`, `∇f = (2x, −2y)`: a stationary point at the origin that is not a minimum;
    /// unbounded below along y.
    public static let saddle = TestFunction(
        name: "saddle", formula: "x^2 - y^2",
        xRange: -2...2, yRange: -2...2, minima: [], saddlePoints: [SIMD2(0, 0)],
        value: { p in p.x * p.x - p.y * p.y },
        gradient: { p in SIMD2(2 * p.x, -2 * p.y) })

    /// Rastrigin's function in two dimensions `f = 20 + Σ (xᵢ² − 10 cos 2πxᵢ)`,
    /// `∂f/∂xᵢ = 2xᵢ + 20π sin 2πxᵢ`; global minimum 0 at the origin among many local minima.
    public static let rastrigin = TestFunction(
        name: "Rastrigin", formula: "20 + \\sum_i \\left(x_i^2 - 10\\cos 2\\pi x_i\\right)",
        xRange: -5.12...5.12, yRange: -5.12...5.12, minima: [SIMD2(0, 0)],
        value: { p in
            20 + p.x * p.x - 10 * cos(2 * Double.pi * p.x) + p.y * p.y - 10 * cos(2 * Double.pi * p.y)
        },
        gradient: { p in
            SIMD2(2 * p.x + 20 * Double.pi * sin(2 * Double.pi * p.x),
                  2 * p.y + 20 * Double.pi * sin(2 * Double.pi * p.y))
        })

    /// The classic set, in a fixed order.
    public static var all: [TestFunction] {
        [.illConditionedQuadratic(), .rosenbrock, .beale, .himmelblau, .saddle, .rastrigin]
    }

    /// Runs each optimizer from the same `start` for `steps` steps (``trajectory(from:optimizer:steps:)``) and
    /// names each path after its entry, for figures and tables that compare optimizers.
    /// - Returns: One trajectory per entry, in order.
    public func trajectories(from start: SIMD2<Double>, steps: Int,
                             _ optimizers: [(name: String, optimizer: any Optimizer<Double>)]) -> [OptimizationTrajectory] {
        optimizers.map { entry in
            var path = trajectory(from: start, optimizer: entry.optimizer, steps: steps)
            path.name = entry.name
            return path
        }
    }

    /// Runs `optimizer` from `start` for `steps` steps of `p ← update(p, ∇f(p))`.
    ///
    /// The run stops early if the point or its value becomes NaN or infinite; the non-finite point is not
    /// recorded and ``OptimizationTrajectory/divergedAtStep`` names the step.
    /// - Returns: The `steps + 1` points (start included) and f at each.
    public func trajectory<O: Optimizer>(from start: SIMD2<Double>, optimizer: O, steps: Int) -> OptimizationTrajectory
    where O.Scalar == Double {
        var optimizer = optimizer
        var point = [start.x, start.y]
        var result = OptimizationTrajectory(name: optimizer.name, points: [start], values: [value(start)])
        guard steps > 0 else { return result }
        for step in 1...steps {
            let g = gradient(SIMD2(point[0], point[1]))
            optimizer.update(&point, gradient: [g.x, g.y], slot: 0)
            let next = SIMD2(point[0], point[1])
            let f = value(next)
            guard next.x.isFinite, next.y.isFinite, f.isFinite else {
                result.divergedAtStep = step
                break
            }
            result.points.append(next)
            result.values.append(f)
        }
        return result
    }
}
