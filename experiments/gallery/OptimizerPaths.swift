import ReportKit

/// Optimizer paths on the four test functions of the gallery, with the settings that produced them.
struct OptimizerPaths {
    // snippet: optimizer-paths
    /// Rosenbrock's valley from (−1.5, 2): each step size near the largest that does not
    /// diverge for that method.
    static let rosenbrockStart = SIMD2(-1.5, 2.0)
    static let rosenbrockSteps = 1_000
    static let rosenbrockOptimizers: [(name: String, optimizer: any Optimizer<Double>)] = [
        ("SGD", SGD<Double>(learningRate: 1e-3)),
        ("Momentum", Momentum<Double>(learningRate: 2e-4, momentum: 0.9)),
        ("AdaGrad", AdaGrad<Double>(learningRate: 0.1)),
        ("RMSProp", RMSProp<Double>(learningRate: 1e-2, decay: 0.99)),
        ("Adam", Adam<Double>(learningRate: 0.1)),
    ]

    /// ½(x² + 20y²): SGD's step 0.09 is just under the stability limit 2/20 across the
    /// narrow direction, so it overshoots there on every step.
    static let quadratic = TestFunction.illConditionedQuadratic(conditionNumber: 20)
    static let quadraticStart = SIMD2(-2.6, 1.4)
    static let quadraticSteps = 40
    static let quadraticOptimizers: [(name: String, optimizer: any Optimizer<Double>)] = [
        ("SGD", SGD<Double>(learningRate: 0.09)),
        ("Momentum", Momentum<Double>(learningRate: 0.02, momentum: 0.8)),
    ]

    /// Himmelblau's four valleys, from a start beside the local maximum at (−0.27, −0.92):
    /// which valley a method reaches depends on the direction of its first steps.
    static let himmelblauStart = SIMD2(-0.75, -0.75)
    static let himmelblauSteps = 150
    static let himmelblauOptimizers: [(name: String, optimizer: any Optimizer<Double>)] = [
        ("SGD", SGD<Double>(learningRate: 0.01)),
        ("Momentum", Momentum<Double>(learningRate: 0.002, momentum: 0.9)),
        ("Nesterov", Nesterov<Double>(learningRate: 0.002, momentum: 0.9)),
        ("AdaGrad", AdaGrad<Double>(learningRate: 0.5)),
        ("RMSProp", RMSProp<Double>(learningRate: 0.05, decay: 0.99)),
        ("Adam", Adam<Double>(learningRate: 0.1)),
    ]

    /// x² − y² from just off the ridge: the gradient along y starts tiny, so how fast each
    /// method escapes shows.
    static let saddleStart = SIMD2(-1.8, 0.02)
    static let saddleSteps = 30
    static let saddleOptimizers: [(name: String, optimizer: any Optimizer<Double>)] = [
        ("SGD", SGD<Double>(learningRate: 0.1)),
        ("Momentum", Momentum<Double>(learningRate: 0.02, momentum: 0.9)),
        ("Adam", Adam<Double>(learningRate: 0.1)),
    ]
    // end snippet

    var rosenbrock: [OptimizationTrajectory]
    var quadratic: [OptimizationTrajectory]
    var himmelblau: [OptimizationTrajectory]
    var saddle: [OptimizationTrajectory]

    static func compute() -> OptimizerPaths {
        OptimizerPaths(
            rosenbrock: TestFunction.rosenbrock.trajectories(from: rosenbrockStart, steps: rosenbrockSteps, rosenbrockOptimizers),
            quadratic: quadratic.trajectories(from: quadraticStart, steps: quadraticSteps, quadraticOptimizers),
            himmelblau: TestFunction.himmelblau.trajectories(from: himmelblauStart, steps: himmelblauSteps, himmelblauOptimizers),
            saddle: TestFunction.saddle.trajectories(from: saddleStart, steps: saddleSteps, saddleOptimizers))
    }
}
