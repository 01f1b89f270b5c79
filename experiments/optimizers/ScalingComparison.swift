import ReportKit

/// Full-batch gradient descent on one regression twice: with the raw input and with the input z-scored by
/// the engine's ``ZScoreScaler`` (x′ = (x − μ)/σ, population σ). Each run uses α = 1/λ_max of its own loss
/// bowl, the largest step that never overshoots along the steepest direction.
struct ScalingComparison {
    /// One of the two runs.
    struct Case {
        var name: String
        var problem: LeastSquaresProblem
        var eigenvalues: (smallest: Double, largest: Double)
        var learningRate: Double { 1 / eigenvalues.largest }
        var conditionNumber: Double { eigenvalues.largest / eigenvalues.smallest }
        var path: OptimizationTrajectory
        /// Steps until the loss gap is down to the tolerance, nil if the step limit came first.
        var stepsToConverge: Int?
    }

    let raw: Case
    let normalized: Case
    let scaler: ZScoreScaler<Double>
    /// Both runs start from w = b = 0, as an untrained model would.
    static let start = SIMD2(0.0, 0.0)

    init(_ data: Dataset<Double>, steps: Int) {
        scaler = ZScoreScaler(fittedTo: data.inputs)
        func run(_ name: String, _ dataset: Dataset<Double>) -> Case {
            let problem = LeastSquaresProblem(dataset)
            let eigenvalues = problem.hessianEigenvalues
            var path = problem.testFunction.trajectory(from: Self.start, optimizer: SGD<Double>(learningRate: 1 / eigenvalues.largest),
                                                       steps: steps)
            path.name = name
            let converged = problem.stepsToConverge(learningRate: 1 / eigenvalues.largest, from: Self.start,
                                                    tolerance: Optimizers.convergenceTolerance, limit: Optimizers.stepLimit)
            return Case(name: name, problem: problem, eigenvalues: eigenvalues, path: path, stepsToConverge: converged)
        }
        raw = run("原始面积 $x$", data)
        normalized = run("标准化面积 $x′$", data.scalingInputs(by: scaler))
    }
}
