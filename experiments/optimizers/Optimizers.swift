import ReportKit

/// 优化算法：从 SGD 到 Adam — the optimizers of notes 001, each on a problem that shows its idea.
///
/// A Chinese handout: the zig-zag of plain gradient descent, the noisy route of mini-batches, why inputs are
/// normalised, the adaptive step sizes of AdaGrad, RMSProp and Adam, and what the notes' Adam code gets wrong.
@main
struct Optimizers: Experiment {
    /// Seeds the regression data and the mini-batch order; everything else is deterministic.
    static let seed: UInt64 = 2026

    // snippet: zigzag
    /// ½(x² + 20y²)，起点 (−2.6, 1.4)。梯度下降每步把 y 乘以 (1 − 20α)：
    /// α = 0.09 刚好低于稳定界 2/20 = 0.1，y 每步变号；α = 0.02 不变号，但沿 x 走得慢。
    static let bowl = TestFunction.illConditionedQuadratic(conditionNumber: 20)
    static let bowlStart = SIMD2(-2.6, 1.4)
    static let bowlSteps = 40
    static let bowlOptimizers: [(name: String, optimizer: any Optimizer<Double>)] = [
        ("SGD $α = 0.09$", SGD<Double>(learningRate: 0.09)),
        ("SGD $α = 0.02$", SGD<Double>(learningRate: 0.02)),
        ("Momentum $α = 0.02$, $ρ = 0.8$", Momentum<Double>(learningRate: 0.02, momentum: 0.8)),
    ]
    // end snippet

    // snippet: noisy-route
    /// y = 2x + 1 + ε，x ~ N(0, 1)，ε ~ N(0, 0.5²)，共 256 个样本。
    /// 三种批量大小用引擎的 SGD，起点和学习率相同。
    static let regressionData = Dataset<Double>.linearRegression(
        count: 256, weights: [2], bias: 1, noise: 0.5, seed: seed)
    static let regressionStart = SIMD2(-1.0, -1.5)
    static let regressionLearningRate = 0.1
    static let regressionSteps = 60
    static let batchSizes = [256, 16, 1]
    // end snippet

    // snippet: scaling
    /// 房价（万元）= 0.6 × 面积（m²）+ 20 + 噪声，200 套 50–150 m² 的房子。
    /// 面积的数值在 100 上下，偏置的“输入”是 1，所以标准化之前损失的碗又细又长。
    static let flats = Dataset<Double>.noisyFunction(
        count: 200, interval: 50...150, noise: 8, seed: seed + 1) { 0.6 * $0 + 20 }
    static let scalingSteps = 50
    /// 收敛：E − E* 降到初值的这个比例。
    static let convergenceTolerance = 1e-6
    static let stepLimit = 50_000_000
    // end snippet

    // snippet: adaptive
    /// Rosenbrock 函数，起点 (−1.5, 2)。学习率是手选的：SGD 取接近它发散界的值（界由二分法算出，
    /// 见正文），其余方法取能在 1000 步内沿谷底走远的值；并非各自的最优值。
    static let rosenbrockStart = SIMD2(-1.5, 2.0)
    static let rosenbrockSteps = 1_000
    static let rosenbrockOptimizers: [(name: String, optimizer: any Optimizer<Double>)] = [
        ("SGD", SGD<Double>(learningRate: 2e-3)),
        ("Momentum", Momentum<Double>(learningRate: 1e-3, momentum: 0.9)),
        ("AdaGrad", AdaGrad<Double>(learningRate: 2.0)),
        ("RMSProp", RMSProp<Double>(learningRate: 1e-2, decay: 0.99)),
        ("Adam", Adam<Double>(learningRate: 0.1)),
    ]
    // end snippet

    // snippet: notes-adam
    /// 圆碗 ½(x² + y²)，起点 (2, 1.5)：两个梯度分量起初都是正的，
    /// 所以笔记的代码开始几步方向是对的。两种 Adam 用同一个学习率。
    static let roundBowl = TestFunction.illConditionedQuadratic(conditionNumber: 1)
    static let adamStart = SIMD2(2.0, 1.5)
    static let adamLearningRate = 0.1
    static let adamSteps = 60
    // end snippet

    static func makeDocument(run: ExperimentRun) throws -> Document {
        let bowlPaths = run.measure("bowl paths") { bowl.trajectories(from: bowlStart, steps: bowlSteps, bowlOptimizers) }
        let regression = LeastSquaresProblem(regressionData)
        let noisyPaths = run.measure("mini-batch paths") {
            batchSizes.map { size in
                regression.miniBatchPath(batchSize: size, learningRate: regressionLearningRate, steps: regressionSteps,
                                         from: regressionStart, seed: seed)
            }
        }
        let scaling = run.measure("input scaling") { ScalingComparison(flats, steps: scalingSteps) }
        let adaptivePaths = run.measure("Rosenbrock paths") {
            TestFunction.rosenbrock.trajectories(from: rosenbrockStart, steps: rosenbrockSteps, rosenbrockOptimizers)
        }
        let sgdLimit = run.measure("SGD stability limit") {
            largestStableStep(on: .rosenbrock, from: rosenbrockStart, steps: rosenbrockSteps, in: 1e-4...1e-1)
        }
        let adamPaths = run.measure("Adam against the notes' code") {
            roundBowl.trajectories(from: adamStart, steps: adamSteps, [
                ("Adam", Adam<Double>(learningRate: adamLearningRate)),
                ("笔记 001 的代码", NotesAdam(learningRate: adamLearningRate)),
            ])
        }

        return Document(title: "优化算法：从 SGD 到 Adam", language: numbers.language, seed: seed) {
            Prose(introduction)
            Section("之字形路线：同一个学习率管不了所有方向") {
                Prose(zigzagExplanation(bowlPaths))
                FigureBlock(name: "zigzag", caption: "$f(x, y) = \\tfrac12 (x^2 + 20 y^2)$ 上从 $(-2.6, 1.4)$ 出发的 \(bowlSteps) 步；● 起点，★ 最小值。",
                            trajectoryFigure(bowlPaths, on: bowl, xRange: -3...1, yRange: -1.6...1.6, title: "之字形路线（$κ = 20$）"))
                bowlTable(bowlPaths)
                Prose(momentumSentence(bowlPaths))
                Snippet("zigzag", caption: "函数、起点和三种设置（实验源代码）")
            }
            Section("随机路线：小批量梯度带着噪声") {
                Prose(noisyRouteExplanation(regression))
                FigureBlock(name: "noisy-route",
                            caption: "线性回归的损失 $E(w, b)$ 的等高线和三种批量大小的 \(regressionSteps) 步 SGD（$\\alpha = \(regressionLearningRate)$）；★ 最小二乘解。",
                            noisyRouteFigure(noisyPaths, problem: regression))
                noisyRouteTable(noisyPaths, problem: regression)
                Prose(noisyRouteSentence(noisyPaths, problem: regression))
                Snippet("noisy-route", caption: "数据和设置（实验源代码）")
            }
            Section("输入归一化：把细长的碗变圆") {
                Prose(scalingExplanation(scaling))
                FigureBlock(name: "scaling", caption: "同一组房价数据，原始面积（左）和 z-score 标准化后的面积（右）上的损失等高线，各走 \(scalingSteps) 步梯度下降，$\\alpha = 1/\\lambda_{\\max}$。",
                            scalingFigure(scaling))
                scalingTable(scaling)
                Prose(scalingSentence(scaling))
                Snippet("scaling", caption: "数据和设置（实验源代码）")
            }
            Section("自适应学习率：AdaGrad、RMSProp 与 Adam") {
                Prose(adaptiveExplanation)
                FigureBlock(name: "rosenbrock-paths",
                            caption: "Rosenbrock 函数上五种优化器各 \(rosenbrockSteps) 步，每个优化器一个小图；● 起点，★ 最小值 $(1, 1)$。",
                            rosenbrockFigure(adaptivePaths))
                FigureBlock(name: "rosenbrock-values", caption: "每一步的函数值 $f(x_t, y_t)$（对数坐标）。",
                            valueFigure(adaptivePaths))
                rosenbrockTable(adaptivePaths)
                Prose(adaptiveSentence(adaptivePaths, sgdLimit: sgdLimit))
                FigureBlock(name: "effective-step",
                            caption: "沿同一条路线，AdaGrad 与 RMSProp 给 $x$、$y$ 两个坐标的有效学习率 $\\alpha / (\\sqrt{r_t} + \\epsilon)$（对数坐标）。",
                            effectiveStepFigure(adaptivePaths))
                Prose(effectiveStepSentence(adaptivePaths))
                Snippet("adaptive", caption: "五种优化器和它们的学习率（实验源代码）")
            }
            Section("笔记 001 的 Adam 代码错在哪里") {
                Prose(notesAdamExplanation)
                Callout(.warning, notesAdamWarning(adamPaths))
                FigureBlock(name: "notes-adam",
                            caption: "圆碗 $f(x, y) = \\tfrac12 (x^2 + y^2)$ 上从 $(2, 1.5)$ 出发、学习率同为 $\\alpha = \(adamLearningRate)$：正确的 Adam 与笔记中的代码各 \(adamSteps) 步；● 起点，★ 最小值。",
                            trajectoryFigure(adamPaths, on: roundBowl, xRange: -5...3, yRange: -3.5...2.5, title: "Adam：正确的一阶矩与笔记中的 $g²$"))
                adamStepTable(adamPaths)
                Snippet("notes-adam", caption: "设置（实验源代码）")
            }
        }
    }

    /// The largest SGD step size in `range` (to 1 %) for which `steps` steps from `start` stay finite, by
    /// bisection: a run that overflows to infinity or NaN counts as diverged.
    static func largestStableStep(on function: TestFunction, from start: SIMD2<Double>, steps: Int,
                                  in range: ClosedRange<Double>) -> Double {
        var stable = range.lowerBound, unstable = range.upperBound
        while unstable / stable > 1.01 {
            let middle = (stable * unstable).squareRoot()
            if function.trajectory(from: start, optimizer: SGD<Double>(learningRate: middle), steps: steps).divergedAtStep == nil {
                stable = middle
            } else {
                unstable = middle
            }
        }
        return stable
    }
}
