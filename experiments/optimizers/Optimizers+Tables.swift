import ReportKit

extension Optimizers {
    static func bowlTable(_ paths: [OptimizationTrajectory]) -> Table {
        let checkpoints = [5, 10, 20, bowlSteps]
        var columns: [TableColumn<OptimizationTrajectory>] = [TableColumn("设置") { $0.name }]
        for step in checkpoints {
            columns.append(TableColumn("第 \(step) 步 f", format: .scientific(2)) { $0.values.indices.contains(step) ? $0.values[step] : .nan })
        }
        columns.append(TableColumn("终点 (x, y)") { numbers.text($0.points.last, .fixed(4)) })
        return Table(name: "zigzag", caption: "三种设置在之字形例子中的函数值 $f(x_t, y_t)$。", rows: paths, columns: columns)
    }

    static func noisyRouteTable(_ paths: [OptimizationTrajectory], problem: LeastSquaresProblem) -> Table {
        let best = problem.minimum, bestLoss = problem.loss(best.x, best.y)
        let tail = regressionSteps / 3
        let columns: [TableColumn<(size: Int, path: OptimizationTrajectory)>] = [
            TableColumn("批量 B") { $0.size },
            TableColumn("每轮（epoch）的步数") { (problem.inputs.count + $0.size - 1) / $0.size },
            TableColumn("终点 (w, b)") { numbers.text($0.path.points.last, .fixed(4)) },
            TableColumn("终点 E − E*", format: .scientific(2)) { ($0.path.values.last ?? .nan) - bestLoss },
            TableColumn("最后 \(tail) 步 E − E* 的平均", format: .scientific(2)) {
                $0.path.values.suffix(tail).reduce(0, +) / Double(tail) - bestLoss
            },
        ]
        return Table(name: "noisy-route", caption: "三种批量大小走 \(regressionSteps) 步之后离最小二乘解 $E^* = E(w^*, b^*)$ 有多远。",
                     rows: zip(batchSizes, paths).map { (size: $0, path: $1) }, columns: columns)
    }

    static func scalingTable(_ comparison: ScalingComparison) -> Table {
        let columns: [TableColumn<ScalingComparison.Case>] = [
            TableColumn("输入") { $0.name },
            TableColumn("λ_min", format: .scientific(2)) { $0.eigenvalues.smallest },
            TableColumn("λ_max", format: .scientific(2)) { $0.eigenvalues.largest },
            TableColumn("条件数 κ", alignment: .right) { conditionText($0.conditionNumber) },
            TableColumn("α = 1/λ_max", format: .scientific(2)) { $0.learningRate },
            TableColumn("\(scalingSteps) 步后 E − E*", alignment: .right) { run in
                let best = run.problem.minimum
                let gap = (run.path.values.last ?? .nan) - run.problem.loss(best.x, best.y)
                // A gap within rounding of the loss itself is zero: the run has reached the minimum.
                return abs(gap) <= 1e-12 * max(1, run.problem.loss(best.x, best.y)) ? "0" : numbers.text(gap, .scientific(2))
            },
            TableColumn("收敛所需步数", alignment: .right) { run in
                run.stepsToConverge.map { numbers.text($0, .groupedInteger) } ?? "超过 \(numbers.text(stepLimit, .groupedInteger))"
            },
        ]
        return Table(name: "scaling", caption: "损失的 Hessian 矩阵的特征值、条件数，以及梯度下降把 $E - E^*$ 降到初值的 $10^{-6}$ 所需的步数。",
                     rows: [comparison.raw, comparison.normalized], columns: columns)
    }

    static func rosenbrockTable(_ paths: [OptimizationTrajectory]) -> Table {
        let columns: [TableColumn<OptimizationTrajectory>] = [
            TableColumn("优化器") { $0.name },
            TableColumn("终点 (x, y)") { numbers.text($0.points.last, .fixed(4)) },
            TableColumn("f(x, y)", format: .scientific(2)) { $0.values.last ?? .nan },
            TableColumn("到 (1, 1) 的距离", format: .fixed(4)) { distanceToMinimum($0) },
            TableColumn("结果") { path in path.divergedAtStep.map { "第 \($0) 步发散" } ?? "有限" },
        ]
        return Table(name: "rosenbrock", caption: "\(rosenbrockSteps) 步之后各优化器停在哪里。", rows: paths, columns: columns)
    }

    /// Both versions of Adam at the first two steps and around the step where the notes' code passes the
    /// minimum: the gradient at the current point and the step each took.
    static func adamStepTable(_ paths: [OptimizationTrajectory]) -> Table {
        let correct = paths[0], notes = paths[1]
        let crossing = notes.points.firstIndex { $0.x < 0 } ?? 3
        let steps = [1, 2, crossing - 1, crossing, crossing + 1, crossing + 10, adamSteps]
            .filter { $0 >= 1 && $0 < min(correct.points.count, notes.points.count) }
        let unique = steps.enumerated().filter { !steps[..<$0.offset].contains($0.element) }.map(\.element)
        let columns: [TableColumn<Int>] = [
            TableColumn("步 t") { $0 },
            TableColumn("Adam：梯度 ∇f") { vector(roundBowl.gradient(correct.points[$0 - 1])) },
            TableColumn("Adam：这一步 Δθ") { vector(correct.points[$0] - correct.points[$0 - 1]) },
            TableColumn("笔记代码：梯度 ∇f") { vector(roundBowl.gradient(notes.points[$0 - 1])) },
            TableColumn("笔记代码：这一步 Δθ") { vector(notes.points[$0] - notes.points[$0 - 1]) },
        ]
        return Table(name: "adam-steps",
                     caption: "开始两步和笔记代码越过最小值前后：每一步所在点的梯度 $\\nabla f(\\theta_{t-1})$ 和实际走的一步 $\\Delta\\theta = \\theta_t - \\theta_{t-1}$。",
                     rows: unique, columns: columns)
    }

    // MARK: - Cells

    /// A gradient or step, `(x, y)` with three significant digits, so that table cells stay narrow.
    static func vector(_ value: SIMD2<Double>) -> String { numbers.text(value, .general(3)) }

    /// A condition number with three significant digits (1.44 × 10⁵ or 1).
    static func conditionText(_ value: Double) -> String {
        numbers.text(value, value < 1000 ? .general(3) : .scientific(2))
    }

    static func distanceToMinimum(_ path: OptimizationTrajectory) -> Double { path.distanceFromEnd(to: SIMD2(1, 1)) }
}
