import ReportKit

/// Adam against plain SGD on two moons: loss curves, activations, optimizer paths on Rosenbrock.
@main
struct AdamVersusSGD: Experiment {
    // snippet: hyperparameters
    /// One seed for all randomness (data, split, weights, shuffling): reruns are bit-identical.
    static let seed = Parameter("seed", default: UInt64(7), "Seed of the data, split, initial weights and shuffling.")
    /// 5,120 points: a 20 % validation split gives the 4,096 / 1,024 of the PyTorch peer.
    static let sampleCount = 5_120
    /// Noise 0.2 makes the moons overlap a little, so the validation loss cannot reach zero.
    static let noise = 0.2
    /// A fifth of the points, never trained on, shows whether a low training loss generalises.
    static let validationFraction = 0.2
    /// 2-64-64-1 with ReLU, as the peer benchmark: wide enough to bend around both moons.
    static let layerSizes = [2, 64, 64, 1]
    /// 50 epochs of 64 mini-batches: both optimizers have levelled off well before the end.
    static let epochs = Parameter("epochs", default: 50, "Training epochs for each optimizer.")
    /// 64 points per step: gradients are noisy enough to show SGD's jitter, cheap enough for 3,200 steps.
    static let batchSize = 64
    /// Usual starting points: SGD needs a large step; Adam normalises its step per parameter.
    static let sgdLearningRate = Parameter("sgdLearningRate", default: 0.1, "SGD's step size α.")
    static let adamLearningRate = Parameter("adamLearningRate", default: 0.001, "Adam's step size α.")
    // end snippet
    /// What `report run … --set name=value` may change (`report help experiments/adam-vs-sgd` lists them).
    static let parameters: [any ParameterDeclaration] = [seed, epochs, sgdLearningRate, adamLearningRate]
    /// Both runs must separate the moons: noise 0.2 leaves about 3 % of the points on the wrong side, so a
    /// working run ends near 97 %; a gate at 95 % catches a broken optimizer or a bad step size.
    static let accuracyGate = MetricGate.atLeast(0.95)
    /// A working run ends near 0.08; 0.1 leaves room for another seed.
    static let lossGate = MetricGate.below(0.1)

    // snippet: rosenbrock
    /// Rosenbrock's valley from (−1.5, 2), 300 steps each. Step sizes as in the peer
    /// benchmark, each near the largest that does not diverge for that method.
    static let rosenbrockStart = SIMD2(-1.5, 2.0)
    static let rosenbrockSteps = 300
    static let pathOptimizers: [(name: String, optimizer: any Optimizer<Double>)] = [
        ("SGD", SGD<Double>(learningRate: 1e-3)),
        ("Momentum", Momentum<Double>(learningRate: 2e-4, momentum: 0.9)),
        ("AdaGrad", AdaGrad<Double>(learningRate: 0.1)),
        ("RMSProp", RMSProp<Double>(learningRate: 1e-2, decay: 0.99)),
        ("Adam", Adam<Double>(learningRate: 0.1, beta1: 0.9, beta2: 0.999)),
    ]
    // end snippet

    static func makeDocument(run: ExperimentRun) throws -> Document {
        let seed = run[Self.seed], epochs = run[Self.epochs]
        let sgdLearningRate = run[Self.sgdLearningRate], adamLearningRate = run[Self.adamLearningRate]
        let data = Dataset<Float>.twoMoons(count: sampleCount, noise: noise, seed: seed)
        let split = try data.split(validationFraction: validationFraction, testFraction: 0, seed: seed)
        let initial = Sequential<Float>.multilayerPerceptron(sizes: layerSizes, hiddenActivation: .relu, seed: seed)
        let configuration = TrainingConfiguration(
            epochs: epochs, batchSize: batchSize, loss: .binaryCrossEntropyWithLogits, shuffleSeed: seed
        )

        // Both runs start from the same weights and see the batches in the same order.
        let sgd = run.measure("train SGD") {
            train(initial, optimizer: SGD<Float>(learningRate: sgdLearningRate), on: split, configuration: configuration)
        }
        let adam = run.measure("train Adam") {
            train(initial, optimizer: Adam<Float>(learningRate: adamLearningRate), on: split, configuration: configuration)
        }
        let sgdHistory = sgd.history, adamHistory = adam.history
        let runs = [("SGD", sgd), ("Adam", adam)]
        // Worked out before the document, not inside its builder: each closure there is type-checked together
        // with the whole builder expression (makeDocument took 147 ms of type-checking with them inside).
        let histories = runs.map { (name: $0.0, history: $0.1.history) }
        let probabilities = runs.map { ($0.0, $0.1.probabilities) }
        let trainingPercent = Int((1 - validationFraction) * 100), validationPercent = Int(validationFraction * 100)
        let batchesPerEpoch = (split.training.count + batchSize - 1) / batchSize

        let paths = run.measure("optimizer paths") {
            TestFunction.rosenbrock.trajectories(from: rosenbrockStart, steps: rosenbrockSteps, pathOptimizers)
        }

        return Document(title: "Adam versus SGD on two moons", language: numbers.language, seed: seed) {
            Prose("""
                A small network learns to separate two interleaved half-moons. We train it twice from the same \
                initial weights, once with plain stochastic gradient descent (SGD) and once with Adam, and compare \
                how fast the loss falls (@fig:loss-curves), where each ends (@tab:final-metrics) and what \
                boundary each draws (@fig:decision-boundaries). Then the same optimizers, and three more, walk \
                down the Rosenbrock valley, where their differences are easy to see (@fig:rosenbrock-paths).
                """)
            Section("Set-up") {
                Prose(#"""
                    The data are \#(sampleCount) points of two moons with Gaussian noise of standard deviation \#
                    \#(noise), split \#(trainingPercent) / \#(validationPercent) into \#
                    \#(split.training.count) training and \#(split.validation.count) validation points. The network \#
                    is \#(layerSizes.map(String.init).joined(separator: "–")): two hidden layers of ReLU units \#
                    and one output $z$ read as the probability $\hat y = \sigma(z)$ that a point belongs to the \#
                    second moon. Training minimises the binary cross-entropy, averaged over a mini-batch of \#
                    $B = \#(batchSize)$ points:

                    $$L = -\frac{1}{B}\sum_{i=1}^{B} \Big[ y_i \log \sigma(z_i) + (1 - y_i) \log\big(1 - \sigma(z_i)\big) \Big],
                      \qquad \frac{\partial L}{\partial z_i} = \frac{\sigma(z_i) - y_i}{B}.$$

                    Each epoch visits the \#(split.training.count) training points once, in a new random order, \#
                    in $\lceil \#(split.training.count) / \#(batchSize) \rceil = \#(batchesPerEpoch)$ \#
                    mini-batches.
                    """#)
                Snippet("hyperparameters", caption: "The hyperparameters, from the experiment's source")
            }
            Section("Two optimizers") {
                Prose(#"""
                    With gradient $g_t = \nabla_\theta L(\theta_{t-1})$ on the mini-batch of step $t$, SGD takes \#
                    a step of fixed size along the negative gradient, $\theta_t = \theta_{t-1} - \alpha g_t$ with \#
                    $\alpha = \#(sgdLearningRate)$. Adam keeps running averages of the gradient and of its square, \#
                    corrects their bias towards zero, and divides one by the square root of the other, so every \#
                    parameter moves by roughly $\alpha$ whatever the scale of its gradient:

                    $$\begin{aligned}
                    m_t &= \beta_1 m_{t-1} + (1 - \beta_1)\, g_t, & \hat m_t &= \frac{m_t}{1 - \beta_1^t},\\
                    v_t &= \beta_2 v_{t-1} + (1 - \beta_2)\, g_t^2, & \hat v_t &= \frac{v_t}{1 - \beta_2^t},\\
                    \theta_t &= \theta_{t-1} - \alpha \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon},
                    \end{aligned}$$

                    with $\alpha = \#(adamLearningRate)$, $\beta_1 = 0.9$, $\beta_2 = 0.999$ and $\epsilon = 10^{-8}$.
                    """#)
                FigureBlock(name: "loss-curves",
                            caption: "Loss per epoch (log scale): training solid, validation dashed. 损失曲线。",
                            lossCurveFigure(histories))
                finalMetricsTable(histories.map(\.history))
                Prose(comparisonSentence(sgd: sgdHistory, adam: adamHistory))
                Prose("The gates this run must pass in CI (`report run` exits 1 when one is missed):")
                MetricsSummary(gatedMetrics(histories))
                FigureBlock(name: "decision-boundaries",
                            caption: "Probability of the second moon after training, with the validation points.",
                            decisionBoundaryFigure(runs: probabilities, validation: split.validation))
            }
            Section("Activations and their derivatives") {
                Prose(#"""
                    Backpropagation multiplies by the derivative of each activation on the way back. The sigmoid \#
                    $\sigma(x) = \frac{1}{1 + e^{-x}}$ has $\sigma'(x) = \sigma(x)\,(1 - \sigma(x)) \le \frac14$, \#
                    and $\tanh'(x) = 1 - \tanh^2(x) \le 1$: both vanish for large $|x|$, which slows learning in \#
                    deep stacks of them. ReLU, $\max(0, x)$, passes the gradient unchanged wherever the unit is \#
                    active, which is why the network above uses it (@fig:activations).
                    """#)
                FigureBlock(name: "activations",
                            caption: "Sigmoid, tanh and ReLU (top) and their derivatives (bottom), computed by the training engine.",
                            activationFigure())
            }
            Section("Optimizer paths on the Rosenbrock function") {
                Prose(#"""
                    The Rosenbrock function $f(x, y) = (1 - x)^2 + 100\,(y - x^2)^2$ has its minimum $f = 0$ at \#
                    $(1, 1)$, at the end of a long, curved, flat-bottomed valley. From $(-1.5, 2)$ each optimizer \#
                    takes \#(rosenbrockSteps) steps with the exact gradient (@fig:rosenbrock-paths). Momentum adds \#
                    up past gradients, $v_t = \rho v_{t-1} + g_t$ and $\theta_t = \theta_{t-1} - \alpha v_t$; \#
                    AdaGrad divides by the root of the sum of all squared gradients, \#
                    $\theta_t = \theta_{t-1} - \alpha\, g_t / (\sqrt{\textstyle\sum_{k \le t} g_k^2} + \epsilon)$; \#
                    RMSProp replaces that sum by a running average, $s_t = \gamma s_{t-1} + (1 - \gamma) g_t^2$.
                    """#)
                FigureBlock(name: "rosenbrock-paths",
                            caption: "\(rosenbrockSteps) steps of five optimizers from (−1.5, 2) over log-spaced contours of the Rosenbrock function; ★ marks the minimum.",
                            trajectoryFigure(paths, separatePanels: false))
                Prose("Drawn together, the paths hide one another near the start; one panel per optimizer "
                      + "shows each whole (@fig:rosenbrock-panels). " + pathRankingSentence(paths))
                FigureBlock(name: "rosenbrock-panels",
                            caption: "The same paths, one panel per optimizer: start ●, end at the marker of its colour, minimum ★.",
                            trajectoryFigure(paths, separatePanels: true))
                rosenbrockTable(paths)
                Snippet("rosenbrock", caption: "The optimizers and their step sizes")
            }
        }
    }

    // MARK: - Figures

    static func lossCurveFigure(_ histories: [(name: String, history: TrainingHistory)]) -> Figure {
        Figure.trainingCurves(histories, title: "Loss curves · 损失曲线", yLabel: "binary cross-entropy")
    }

    /// The rectangle and resolution of the decision-boundary panels.
    static let boundaryXRange = -1.6...2.6
    static let boundaryYRange = -1.2...1.7
    static let boundaryResolution = 150

    /// What a training stage keeps: the history, and the trained network's probability of the second moon over
    /// the figure's grid (all 22,500 points in one batch), which is all the figures need of the network.
    struct TrainedClassifier: Codable {
        var history: TrainingHistory
        var probabilities: ScalarGrid
    }

    static func train(_ initial: Sequential<Float>, optimizer: some Optimizer<Float>, on split: DatasetSplit<Float>,
                      configuration: TrainingConfiguration) -> TrainedClassifier {
        var network = initial
        let history = network.train(on: split.training, validation: split.validation, optimizer: optimizer,
                                    configuration: configuration)
        let probabilities = ScalarGrid(xRange: boundaryXRange, yRange: boundaryYRange,
                                       columns: boundaryResolution, rows: boundaryResolution) { points in
            network.logisticProbabilities(at: points)
        }
        return TrainedClassifier(history: history, probabilities: probabilities)
    }

    static func decisionBoundaryFigure(runs: [(String, ScalarGrid)], validation: Dataset<Float>) -> Figure {
        Figure.decisionBoundaries(runs.map { Figure.ClassifierPanel(title: $0.0, probabilities: $0.1) },
                                  data: validation, xRange: boundaryXRange, yRange: boundaryYRange,
                                  title: "Decision boundaries after training · 决策边界", width: 900, height: 420)
    }

    static func activationFigure() -> Figure {
        let panels = [FunctionPanel(.sigmoid, name: "$σ(x)$", derivativeName: "$σ′(x)$"),
                      FunctionPanel(.tanh, name: "$tanh(x)$", derivativeName: "$tanh′(x)$"),
                      FunctionPanel(.relu, name: "$ReLU(x)$", derivativeName: "$ReLU′(x)$")]
        return Figure.functionsWithDerivatives(panels, xRange: -6...6, samples: 1000,
                                               title: "Activation functions and their derivatives · 激活函数及其导数",
                                               width: 900, height: 560)
    }

    static func trajectoryFigure(_ paths: [OptimizationTrajectory], separatePanels: Bool) -> Figure {
        Figure.optimizerTrajectories(paths, over: .rosenbrock, xRange: -2...2, yRange: -1...3,
                                     minimum: [1, 1], minimumLabel: "minimum (1, 1)", separatePanels: separatePanels,
                                     title: "Optimizer paths on Rosenbrock · 优化路径", width: 900,
                                     height: separatePanels ? 560 : 620)
    }

    /// The metrics CI gates on: each run's final validation loss and accuracy.
    static func gatedMetrics(_ runs: [(name: String, history: TrainingHistory)]) -> [Metric] {
        runs.flatMap { run -> [Metric] in
            let last = run.history.epochs.last
            return [
                Metric("\(run.name) validation loss", last?.validationLoss ?? .nan, format: .fixed(4), gate: lossGate),
                Metric("\(run.name) validation accuracy", last?.validationAccuracy ?? .nan, format: .percent(1),
                       gate: accuracyGate),
            ]
        }
    }

    // MARK: - Tables

    static func finalMetricsTable(_ histories: [TrainingHistory]) -> Table {
        let columns: [TableColumn<TrainingHistory>] = [
            TableColumn("optimizer") { $0.optimizerName },
            TableColumn("train loss", format: .fixed(4)) { $0.epochs.last?.trainingLoss ?? .nan },
            TableColumn("val. loss", format: .fixed(4)) { $0.epochs.last?.validationLoss ?? .nan },
            TableColumn("train acc.", format: .percent(1)) { $0.epochs.last?.trainingAccuracy ?? .nan },
            TableColumn("val. acc.", format: .percent(1)) { $0.epochs.last?.validationAccuracy ?? .nan },
            TableColumn("best val. loss", format: .fixed(4)) { $0.validationLosses.min() ?? .nan },
            TableColumn("at epoch") { bestEpoch(of: $0) },
            TableColumn("outcome") { outcome(of: $0) },
        ]
        return Table(name: "final-metrics", caption: "Where each run ends after \(histories.first?.epochs.count ?? 0) epochs.",
                     rows: histories, columns: columns)
    }

    static func rosenbrockTable(_ paths: [OptimizationTrajectory]) -> Table {
        let columns: [TableColumn<OptimizationTrajectory>] = [
            TableColumn("optimizer") { $0.name },
            TableColumn("x", format: .fixed(4)) { $0.points.last?.x ?? .nan },
            TableColumn("y", format: .fixed(4)) { $0.points.last?.y ?? .nan },
            TableColumn("f(x, y)", format: .scientific(2)) { $0.values.last ?? .nan },
            TableColumn("distance to (1, 1)", format: .fixed(4)) { distanceToMinimum(of: $0) },
            TableColumn("outcome") { path in path.divergedAtStep.map { "diverged at step \($0)" } ?? "finite" },
        ]
        return Table(name: "rosenbrock-ends", caption: "Where each optimizer stands after \(rosenbrockSteps) steps.",
                     rows: paths, columns: columns)
    }

    // MARK: - Numbers from results

    /// Every number in the prose is written through this, in the document's language.
    static let numbers = NumberWriter(language: .english)

    /// The epoch with the lowest validation loss.
    static func bestEpoch(of history: TrainingHistory) -> Int {
        history.epochs.min { ($0.validationLoss ?? .infinity) < ($1.validationLoss ?? .infinity) }?.epoch ?? 0
    }

    static func outcome(of history: TrainingHistory) -> String {
        history.divergedAtEpoch.map { "diverged at epoch \($0)" } ?? "converged"
    }

    /// Euclidean distance from the last point of `path` to Rosenbrock's minimum (1, 1).
    static func distanceToMinimum(of path: OptimizationTrajectory) -> Double {
        path.distanceFromEnd(to: SIMD2(1, 1))
    }


    /// Which optimizer got closest to the minimum and which stayed farthest, from the computed paths.
    static func pathRankingSentence(_ paths: [OptimizationTrajectory]) -> String {
        let ranked = paths.sorted { distanceToMinimum(of: $0) < distanceToMinimum(of: $1) }
        guard let closest = ranked.first, let farthest = ranked.last, ranked.count > 1 else { return "" }
        let distance = { (path: OptimizationTrajectory) in numbers.text(distanceToMinimum(of: path), .fixed(2)) }
        return "After \(rosenbrockSteps) steps \(closest.name) stands closest to the minimum, at distance "
            + "\(distance(closest)), and \(farthest.name) farthest, at \(distance(farthest)) (@tab:rosenbrock-ends)."
    }

    /// One sentence comparing the runs, written from the numbers rather than from expectation.
    static func comparisonSentence(sgd: TrainingHistory, adam: TrainingHistory) -> String {
        func describe(_ name: String, _ history: TrainingHistory) -> String {
            if let epoch = history.divergedAtEpoch { return "\(name) diverged at epoch \(epoch)" }
            let loss = history.epochs.last?.validationLoss ?? .nan
            let accuracy = history.epochs.last?.validationAccuracy ?? .nan
            return "\(name) ends at validation loss \(numbers.text(loss, .fixed(4))) (\(numbers.text(accuracy, .percent(1))) correct)"
        }
        let sgdLoss = sgd.epochs.last?.validationLoss ?? .infinity
        let adamLoss = adam.epochs.last?.validationLoss ?? .infinity
        let leader = adamLoss < sgdLoss ? "Adam" : "SGD"
        return "After \(sgd.epochs.count) epochs, \(describe("SGD", sgd)) and \(describe("Adam", adam)); \(leader) ends lower on the validation set here."
    }
}
