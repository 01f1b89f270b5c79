import ReportKit

extension Optimizers {
    /// Paths over the contours of a test function, one shared panel.
    static func trajectoryFigure(_ paths: [OptimizationTrajectory], on function: TestFunction, xRange: ClosedRange<Double>,
                                 yRange: ClosedRange<Double>, title: String) -> Figure {
        Figure.optimizerTrajectories(
            paths, over: function, xRange: xRange, yRange: yRange, minimum: function.minima.first, minimumLabel: "最小值", startLabel: "起点",
            levels: .logarithmic(count: 14, lower: 1e-2), title: title, width: 820, height: 520)
    }

    static func noisyRouteFigure(_ paths: [OptimizationTrajectory], problem: LeastSquaresProblem) -> Figure {
        let best = problem.minimum
        return Figure.optimizerTrajectories(
            paths.map { Trajectory($0, name: "批量 $\($0.name)$") }, over: problem.loss,
            xRange: -1.5...3, yRange: -2...2, minimum: best, minimumLabel: "最小二乘解", startLabel: "起点",
            levels: .logarithmic(count: 14, lower: 0.1), title: "小批量 SGD 的路线（$n$ = \(problem.inputs.count)）",
            xLabel: "$w$", yLabel: "$b$", width: 820, height: 520)
    }

    /// The raw and the normalised loss bowls side by side, each with its descent path; each panel's window is
    /// centred on its own minimum so that both show the whole path.
    static func scalingFigure(_ comparison: ScalingComparison) -> Figure {
        let figure = Figure(width: 900, height: 430, rows: 1, columns: 2)
        figure.title = "输入归一化前后的损失等高线"
        for (axes, run) in zip(figure.allAxes, [comparison.raw, comparison.normalized]) {
            let best = run.problem.minimum
            let xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
            if run.conditionNumber > 100 {
                // The raw bowl: b moves about 100 times as far as w along the valley; the window keeps the start.
                xRange = (min(0, best.x - 0.6) - 0.1)...(best.x + 0.6)
                yRange = (best.y - 40)...(best.y + 40)
            } else {
                let span = max(abs(best.x), abs(best.y)) * 1.25
                xRange = (best.x - span)...(best.x + span)
                yRange = (best.y - span)...(best.y + span)
            }
            let grid = ScalarGrid(xRange: xRange, yRange: yRange, columns: 240, rows: 240, function: run.problem.loss)
            _ = axes.contour(grid, levels: .logarithmic(count: 16), colormap: .viridis, lineWidth: 0.9)
            axes.plot(run.path.xs, run.path.ys, color: .white, lineWidth: 3.6)
            axes.plot(run.path.xs, run.path.ys, label: "梯度下降 \(run.path.points.count - 1) 步", color: Color.tab10[3], lineWidth: 1.8)
            axes.scatter([ScalingComparison.start], label: "起点", color: Color.tab10[3],
                         marker: .circle, size: 10, edgeColor: .white)
            axes.scatter([best], label: "最小值", color: Color(hex: 0xFFD700), marker: .star, size: 17, edgeColor: .black)
            axes.xLimits = xRange
            axes.yLimits = yRange
            axes.title = "\(run.name)，$κ$ = \(Optimizers.conditionText(run.conditionNumber))"
            // The normalised problem's parameters belong to x′, so they are w′ and b′.
            let primed = run.conditionNumber > 100 ? "" : "′"
            axes.xLabel = "$w" + primed + "$"
            axes.yLabel = "$b" + primed + "$"
            axes.legend()
        }
        return figure
    }

    static func rosenbrockFigure(_ paths: [OptimizationTrajectory]) -> Figure {
        Figure.optimizerTrajectories(
            paths, over: .rosenbrock, xRange: -2...2, yRange: -1...3, minimum: [1, 1], minimumLabel: "最小值 (1, 1)", startLabel: "起点", separatePanels: true,
            title: "Rosenbrock 函数上的五种优化器", width: 900, height: 560)
    }

    static func valueFigure(_ paths: [OptimizationTrajectory]) -> Figure {
        // Line styles as well as colours, so the five methods stay apart when the handout is printed in grey.
        let styles = LineStyle.distinguishableCycle
        return Figure.lossCurves(paths.enumerated().map { index, path in
                                     LossCurve(path, style: styles[index % styles.count])
                                 }, title: "函数值随步数的变化",
                          xLabel: "步数 $t$", yLabel: "$f(x, y)$", logarithmic: true, width: 820, height: 440)
    }

    /// The step size each coordinate effectively gets from AdaGrad and RMSProp along their own paths.
    static func effectiveStepFigure(_ paths: [OptimizationTrajectory]) -> Figure {
        var curves: [LossCurve] = []
        for (index, series) in effectiveSteps(paths).enumerated() {
            let steps = (1...series.x.count).map(Double.init)
            curves.append(LossCurve(name: "\(series.name)：$x$", x: steps, y: series.x, series: series.name, color: Color.tab10[index + 2]))
            curves.append(LossCurve(name: "\(series.name)：$y$", x: steps, y: series.y, style: .dashed, series: series.name,
                                    color: Color.tab10[index + 2]))
        }
        return Figure.lossCurves(curves, title: "有效学习率 $α / (√r + ε)$", xLabel: "步数 $t$", yLabel: "有效学习率",
                                 logarithmic: true, width: 820, height: 440)
    }

    /// Replays the accumulators of AdaGrad (r ← r + g²) and RMSProp (r ← ρr + (1 − ρ)g²) from the gradients at
    /// the points of each one's path, with the α, ε and ρ of `rosenbrockOptimizers`: the step size
    /// α / (√r_t + ε) each coordinate received at step t.
    static func effectiveSteps(_ paths: [OptimizationTrajectory]) -> [(name: String, x: [Double], y: [Double])] {
        var result: [(name: String, x: [Double], y: [Double])] = []
        for (entry, path) in zip(rosenbrockOptimizers, paths) {
            let accumulate: (SIMD2<Double>, SIMD2<Double>) -> SIMD2<Double>
            let learningRate: Double, epsilon: Double
            if let adaGrad = entry.optimizer as? AdaGrad<Double> {
                (learningRate, epsilon) = (adaGrad.learningRate, adaGrad.epsilon)
                accumulate = { r, g in r + g * g }
            } else if let rmsProp = entry.optimizer as? RMSProp<Double> {
                (learningRate, epsilon) = (rmsProp.learningRate, rmsProp.epsilon)
                let decay = rmsProp.decay
                accumulate = { r, g in decay * r + (1 - decay) * g * g }
            } else {
                continue
            }
            var r = SIMD2<Double>(0, 0)
            var x: [Double] = [], y: [Double] = []
            for point in path.points.dropLast() {
                r = accumulate(r, TestFunction.rosenbrock.gradient(point))
                x.append(learningRate / (r.x.squareRoot() + epsilon))
                y.append(learningRate / (r.y.squareRoot() + epsilon))
            }
            result.append((entry.name, x, y))
        }
        return result
    }
}
