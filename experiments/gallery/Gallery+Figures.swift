import ReportKit

extension Gallery {
    // MARK: - Functions

    /// The leaky ReLU's slope for negative inputs: 0.1 rather than PyTorch's 0.01, so that the slope can be seen.
    static let leakySlope = 0.1

    static func activationFigure() -> Figure {
        let panels = [
            FunctionPanel(.sigmoid, name: "sigmoid $σ(x)$", derivativeName: "$σ′ = σ(1 − σ)$"),
            FunctionPanel(.tanh, name: "$tanh(x)$", derivativeName: "$tanh′ = 1 − tanh²$"),
            FunctionPanel(.relu, name: "$ReLU(x)$", derivativeName: "$ReLU′(x)$"),
            FunctionPanel(.leakyReLU(slope: leakySlope), name: "leaky $ReLU(x)$", derivativeName: "leaky $ReLU′(x)$"),
        ]
        let figure = Figure.functionsWithDerivatives(panels, xRange: -5...5, samples: 1001,
                                                     title: "Activation functions and their derivatives",
                                                     width: 820, height: 500)
        figure[1, 0].annotate("max ¼", pointingAtX: 0, y: 0.25, textX: 2.8, textY: 0.2)
        figure[1, 3].annotate("slope \(leakySlope)", pointingAtX: -2.5, y: leakySlope, textX: -2.5, textY: 0.55)
        return figure
    }

    static func overlaidFigure() -> Figure {
        let panels = [
            FunctionPanel(.sigmoid, name: "$σ(x)$", derivativeName: "$σ′(x)$"),
            FunctionPanel(.tanh, name: "$tanh(x)$", derivativeName: "$tanh′(x)$"),
        ]
        let figure = Figure.functionsWithDerivatives(panels, xRange: -5...5, samples: 1001, layout: .compared,
                                                     title: "Functions (left) and derivatives (right) on shared axes",
                                                     width: 800, height: 360)
        figure[0, 1].annotate("$σ′(0) = ¼$", pointingAtX: 0, y: 0.25, textX: 2.9, textY: 0.42)
        figure[0, 1].annotate("$tanh′(0) = 1$", pointingAtX: 0, y: 1, textX: 2.9, textY: 0.85)
        return figure
    }

    static func sigmoid(_ x: Double) -> Double { Activation.sigmoid.value(at: x) }

    static let sigmoidParameters: [(weight: Double, bias: Double)] = [(1, 0), (4, 0), (0.5, 0), (1, 2), (4, -6)]

    static func sigmoidFamilyFigure() -> Figure {
        let figure = Figure.sigmoidFamily(sigmoidParameters, xRange: -6...6, title: "The sigmoid $σ(wx + b)$",
                                          width: 800, height: 440)
        // Each curve named beside itself as well as in the legend, for grey print; (4, −6) also gets its centre.
        let axes = figure.axes
        axes.annotate("$w = 4, b = 0$", pointingAtX: 0.25, y: sigmoid(4 * 0.25), textX: -1.8, textY: 0.86)
        axes.annotate("$w = 1, b = 0$", pointingAtX: 1, y: sigmoid(1), textX: 3.2, textY: 0.62)
        axes.annotate("$w = 0.5, b = 0$", pointingAtX: 4, y: sigmoid(2), textX: 4.7, textY: 0.72)
        axes.annotate("$w = 1, b = 2$", pointingAtX: -2, y: 0.5, textX: -4.4, textY: 0.62)
        axes.annotate("$w = 4, b = −6$: centre $−b/w = 1.5$", pointingAtX: 1.5, y: 0.5, textX: 3.4, textY: 0.25)
        return figure
    }

    // MARK: - Optimizer paths

    /// Where to write an optimizer's name: pointing at its point after `step` steps (nil: its last point),
    /// with the text moved by `offset` in data units.
    struct PathLabel {
        var step: Int?
        var offset: SIMD2<Double>
    }

    /// Names each path with an arrow, so that paths of similar colour can be told apart in grey print.
    static func label(_ paths: [OptimizationTrajectory], on axes: Axes, _ labels: [PathLabel]) {
        for (path, label) in zip(paths, labels) {
            guard let point = label.step.map({ path.points[min($0, path.points.count - 1)] }) ?? path.points.last else {
                continue
            }
            axes.annotate(path.name, pointingAtX: point.x, y: point.y, textX: point.x + label.offset.x,
                          textY: point.y + label.offset.y)
        }
    }

    static func rosenbrockFigure(_ paths: [OptimizationTrajectory]) -> Figure {
        let figure = Figure.optimizerTrajectories(
            paths, over: .rosenbrock, xRange: -2...2, yRange: -1...3, minimum: [1, 1], minimumLabel: "minimum (1, 1)",
            levels: .logarithmic(count: 20), title: "Rosenbrock, log-spaced contours", width: 720, height: 540)
        // SGD, Momentum, AdaGrad, RMSProp, Adam: each name below or beside its end, clear of the valley floor.
        label(paths, on: figure.axes, [
            PathLabel(offset: SIMD2(-0.5, -0.45)), PathLabel(offset: SIMD2(0.1, -0.6)),
            PathLabel(offset: SIMD2(0.1, -0.55)), PathLabel(offset: SIMD2(0.55, -0.35)),
            PathLabel(offset: SIMD2(-0.55, 0.5)),
        ])
        return figure
    }

    static func quadraticFigure(_ paths: [OptimizationTrajectory]) -> Figure {
        let figure = Figure.optimizerTrajectories(
            paths, over: OptimizerPaths.quadratic, xRange: -3...3, yRange: -2...2, minimum: [0, 0],
            minimumLabel: "minimum (0, 0)",
            levels: .automatic(count: 12), filled: true, title: "$½(x² + 20y²)$: SGD zig-zags across the narrow valley",
            width: 800, height: 520)
        label(paths, on: figure.axes, [PathLabel(step: 1, offset: SIMD2(0.55, -0.45)),
                                       PathLabel(step: 11, offset: SIMD2(0.3, 0.75))])
        return figure
    }

    static func himmelblauFigure(_ paths: [OptimizationTrajectory]) -> Figure {
        let figure = Figure.optimizerTrajectories(
            paths, over: .himmelblau, xRange: -5...5, yRange: -5...5, levels: .logarithmic(count: 16, lower: 0.1), gridSize: 150,
            separatePanels: true, title: "Himmelblau: one panel per optimizer, same start", width: 780, height: 540)
        // The panels share both axes, so only the bottom row needs the x label and the left column the y label.
        for (index, axes) in figure.allAxes.enumerated() {
            if index / figure.columns < figure.rows - 1 { axes.xLabel = nil }
            if index % figure.columns > 0 { axes.yLabel = nil }
        }
        return figure
    }

    static func saddleFigure(_ paths: [OptimizationTrajectory]) -> Figure {
        let figure = Figure.optimizerTrajectories(
            paths, over: .saddle, xRange: -2...2, yRange: -2...2, minimum: [0, 0], minimumLabel: "saddle point (0, 0)",
            levels: .automatic(count: 14), title: "Saddle $x² − y²$", width: 720, height: 560)
        figure.axes.annotate("$f$ rises along $x$, falls along $y$", pointingAtX: 0, y: 0, textX: 1.0, textY: -1.4)
        label(paths, on: figure.axes, [PathLabel(step: 20, offset: SIMD2(0.45, 0.1)),
                                       PathLabel(step: 20, offset: SIMD2(0.5, -0.35)),
                                       PathLabel(step: 4, offset: SIMD2(-0.35, 0.7))])
        return figure
    }

    // MARK: - Loss surfaces

    static func neuronSurfaceFigure(_ neuron: NeuronDescent) -> Figure {
        Figure.lossSurface(
            over: { w, b in neuron.loss(weight: w, bias: b) }, xRange: -4...4, yRange: -5...5,
            path: Trajectory(name: "gradient descent", points: neuron.path),
            title: "Loss of one neuron $σ(wx + b)$ over $(w, b)$", labels: ("$w$", "$b$", "MSE"), width: 720, height: 500)
    }

    static func himmelblauSurfaceFigure(_ path: OptimizationTrajectory) -> Figure {
        Figure.lossSurface(
            of: .himmelblau, xRange: -4.5...4.5, yRange: -4.5...4.5, path: path, gridSize: 60, azimuth: -60, elevation: 40,
            title: "Himmelblau's function: four valleys", labels: ("$x$", "$y$", "$f(x, y)$"), width: 720, height: 500)
    }

    // MARK: - Classifiers

    static func decisionBoundaryFigure(_ runs: ClassifierRuns) -> Figure {
        let training = runs.training
        let titles = ["under-fitting", "a good fit", "over-fitting"]
        let panels = zip(titles, runs.fits).map { title, fit in
            Figure.ClassifierPanel(title: "\(title): \(fit.name)", network: fit.network, output: .logit)
        }
        return Figure.decisionBoundaries(panels, data: training, xRange: classifierXRange,
                                         yRange: classifierYRange, resolution: boundaryResolution,
                                         title: "Decision boundaries on the \(training.count) training points", width: 860,
                                         height: 360)
    }

    static func accuracyBarFigure(_ runs: ClassifierRuns) -> Figure {
        let figure = Figure(width: 760, height: 420)
        let axes = figure.axes
        let positions = runs.fits.indices.map(Double.init)
        axes.bar(positions.map { $0 - 0.2 }, runs.fits.map(\.trainingAccuracy), width: 0.4, label: "training",
                 color: Color.tab10[0], edgeColor: .black)
        axes.bar(positions.map { $0 + 0.2 }, runs.fits.map(\.validationAccuracy), width: 0.4, label: "validation",
                 color: Color.tab10[1].mixed(with: .white, fraction: 0.45), edgeColor: .black)
        axes.horizontalLine(at: 0.5, label: "chance", color: Color(gray: 0.3), lineWidth: 1.2, style: .dashed)
        // Each value inside the top of its bar, so the axis can end at 1 (accuracy cannot exceed it): white on
        // the dark training bars, dark on the light validation bars.
        for (position, fit) in zip(positions, runs.fits) {
            for (offset, value, color) in [(-0.2, fit.trainingAccuracy, Color.white),
                                           (0.2, fit.validationAccuracy, Color(gray: 0.1))] {
                axes.text(numbers.text(value, .percent(0)), x: position + offset, y: value - 0.02,
                          color: color, horizontal: .center, vertical: .top)
            }
        }
        axes.categoryLabels(runs.fits.map(\.name))
        axes.yLimits = 0...1
        axes.title = "Accuracy: training vs validation"
        axes.xLabel = "network"
        axes.yLabel = "accuracy"
        axes.legend()
        return figure
    }

    // MARK: - Gradients

    static func gradientFigure(_ history: TrainingHistory, activation: String, yLimits: ClosedRange<Double>) -> Figure {
        let figure = Figure.gradientMagnitudes(of: history, title: "\(activation) network: gradient norm per layer",
                                               yLabel: "Frobenius norm of $∂L/∂W$", width: 720, height: 420)
        figure.axes.yLimits = yLimits
        return figure
    }

    /// A common y range for both gradient figures, in whole decades, so the two can be compared by eye.
    static func gradientLimits(_ runs: GradientRuns) -> ClosedRange<Double> {
        let values = (runs.sigmoid.epochs + runs.relu.epochs).flatMap(\.gradientNorms).filter { $0 > 0 && $0.isFinite }
        let low = pow(10, floor(log10(values.min() ?? 1e-6)))
        let high = pow(10, ceil(log10(values.max() ?? 1)))
        return low...high
    }

    // MARK: - Network diagrams

    static func twoTwoTwoDiagram() -> Figure {
        Figure.networkDiagram(layerSizes: [2, 2, 2], layerNames: ["input", "hidden ($σ$)", "output ($σ$)"],
                              neuronLabels: [["$x_1$", "$x_2$"], ["$H_1$", "$H_2$"], ["$O_1$", "$O_2$"]],
                              title: "The 2-2-2 network of notes 002", width: 720, height: 300)
    }

    static func houseDiagram() -> Figure {
        Figure.networkDiagram(layerSizes: [3, 2, 2, 1],
                              layerNames: ["size, bedrooms, age", "$a^{[1]}$, ReLU", "$a^{[2]}$, ReLU", "price"],
                              neuronLabels: [["$x_1$", "$x_2$", "$x_3$"], ["$a_1$", "$a_2$"], ["$a_1$", "$a_2$"], ["$ŷ$"]],
                              title: "The 3-2-2-1 house-price network of notes 003", width: 700, height: 340)
    }

    static func wideDiagram() -> Figure {
        Figure.networkDiagram(layerSizes: classifierSizes[2], layerNames: ["input", "128 tanh", "128 tanh", "logit"],
                              title: "The over-fitting network 2-128-128-1", width: 720, height: 420)
    }

    // MARK: - Curves, heat map, scatter

    static func seedCurveFigure(_ seeds: SeedRuns) -> Figure {
        let epochs = (1...curveEpochs).map(Double.init)
        let curves = [
            LossCurve.meanAndStandardDeviation(name: "SGD, $α$ = \(curveSGDLearningRate)", x: epochs, runs: seeds.sgd),
            LossCurve.meanAndStandardDeviation(name: "Adam, $α$ = \(curveAdamLearningRate)",
                                               x: epochs, runs: seeds.adam, style: .dashed),
        ]
        return Figure.lossCurves(curves, title: "损失曲线 Loss curve (\(seedCount) seeds)", xLabel: "epoch",
                                 yLabel: "validation loss (BCE)", logarithmic: true, width: 800, height: 460)
    }

    static func sweepFigure(_ sweep: Sweep) -> Figure {
        let figure = Figure(width: 760, height: 440)
        let axes = figure.axes
        let values = sweep.losses.flatMap { $0 }
        let grid = ScalarGrid(x: sweepLearningRates.indices.map(Double.init), y: sweepBatchSizes.indices.map(Double.init),
                              values: values)
        let finite = values.filter(\.isFinite)
        let range = (finite.min() ?? 0.01)...(finite.max() ?? 1)
        axes.heatmap(grid, range: range, scale: .log10, showColorBar: true, colorBarLabel: "validation loss")
        let normalization = ColorNormalization(lower: range.lowerBound, upper: range.upperBound, scale: .log10)
        for (row, losses) in sweep.losses.enumerated() {
            for (column, loss) in losses.enumerated() {
                let dark = loss.isFinite && normalization.fraction(loss) < 0.55
                axes.text(loss.isFinite ? numbers.text(loss, .fixed(3)) : "diverged", x: Double(column), y: Double(row),
                          color: dark ? .white : Color(gray: 0.1), horizontal: .center, vertical: .center)
            }
        }
        axes.customXTicks = sweepLearningRates.enumerated().map { (Double($0.offset), "\($0.element)") }
        axes.customYTicks = sweepBatchSizes.enumerated().map { (Double($0.offset), "\($0.element)") }
        axes.showGrid = false
        axes.title = "SGD after \(sweepEpochs) epochs: validation loss"
        axes.xLabel = "learning rate $α$"
        axes.yLabel = "batch size B"
        return figure
    }

    static func sineFigure(_ fit: SineFit) -> Figure {
        let figure = Figure(width: 760, height: 440)
        let axes = figure.axes
        let data = fit.data
        axes.plot(fit.x, fit.x.map { sin($0) }, label: "$sin x$ (truth)", color: Color(gray: 0.35), lineWidth: 1.6,
                  style: .dashed)
        axes.scatter(data.inputTargetPoints, label: "noisy samples", color: Color.tab10[0], size: 7)
        axes.plot(fit.x, fit.prediction, label: "network \(sineSizes.map(String.init).joined(separator: "-"))",
                  color: Color.tab10[3], lineWidth: 2.2)
        axes.horizontalLine(at: 0, color: Color(gray: 0.1), lineWidth: 0.7)
        axes.title = "Regression: a tanh network through a noisy sine"
        axes.xLabel = "$x$"
        axes.yLabel = "$y$"
        axes.legend()
        return figure
    }
}
