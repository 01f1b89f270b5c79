import ReportKit

/// The handout's sentences. Every number in them is read from the computed results.
extension Optimizers {
    static let introduction = """
        笔记 001 的第 5.5 节列出了五种参数更新策略：SGD、AdaGrad、RMSProp、Momentum 和 Adam。这份讲义为每种方法挑一个\
        最能体现其思路的例子：普通梯度下降的之字形路线（第 1 节）、小批量梯度的随机路线（第 2 节）、为什么要先\
        把输入归一化（第 3 节）、自适应学习率（第 4 节），最后指出笔记中 Adam 代码的两个错误（第 5 节）。所有路线都由\
        训练引擎的优化器算出（双精度），这些优化器与 PyTorch 的 `torch.optim` 逐步一致（引擎的测试对照了 PyTorch 的\
        轨迹）；图表中的每个数都来自这次运行。
        """

    static func zigzagExplanation(_ paths: [OptimizationTrajectory]) -> String {
        let fast = paths[0]
        let y = fast.points.prefix(4).map(\.y)
        return """
            损失函数在不同方向上的陡峭程度不同时，同一个学习率对陡的方向太大、对缓的方向太小。最简单的例子是 \
            $f(x, y) = \\tfrac12 (x^2 + \\kappa y^2)$，$\\kappa = 20$：梯度 $\\nabla f = (x, \\kappa y)$，\
            梯度下降 $\\theta_t = \\theta_{t-1} - \\alpha \\nabla f(\\theta_{t-1})$ 把两个坐标分别乘以 \
            $(1 - \\alpha)$ 和 $(1 - \\alpha\\kappa)$。$\\alpha = 0.09$ 时 $1 - \\alpha\\kappa = -0.8$，\
            $y$ 每一步都改变符号：$y$ 依次为 $\(y.map { decimal($0, 4) }.joined(separator: ",\\ "))$，\
            这就是笔记里的“之”字形路线（@fig:zigzag）。$\\alpha > 2/\\kappa = 0.1$ 时 $|1 - \\alpha\\kappa| > 1$，\
            $y$ 方向发散；把 $\\alpha$ 减到 $0.02$ 不再振荡，但 $x$ 方向每步只缩小 2%。
            """
    }

    static func momentumSentence(_ paths: [OptimizationTrajectory]) -> String {
        let slow = paths[1].values.last ?? .nan, momentum = paths[2].values.last ?? .nan
        return """
            Momentum 用速度 $v_t = \\rho v_{t-1} + g_t$ 代替梯度，$\\theta_t = \\theta_{t-1} - \\alpha v_t$。\
            在 $x$ 方向上梯度一直同号，速度不断累积，步长相当于放大到 $\\alpha / (1 - \\rho) = \(decimal(0.02 / (1 - 0.8), 2))$；\
            在 $y$ 方向上它带来缓慢的来回摆动，但摆幅每步以 $\\sqrt{\\rho} \\approx \(decimal(0.8.squareRoot(), 2))$ 衰减\
            （@fig:zigzag 中的点划线）。学习率同为 $0.02$，\(bowlSteps) 步后普通 SGD 的函数值是 $\(latex(slow))$，\
            Momentum 是 $\(latex(momentum))$（@tab:zigzag）。
            """
    }

    static func noisyRouteExplanation(_ problem: LeastSquaresProblem) -> String {
        let best = problem.minimum
        return """
            SGD 每一步只用一个小批量（mini-batch）的 $B$ 个样本来估计梯度。用一元线性回归 $\\hat y = w x + b$ \
            可以把整个损失面画出来：$\(problem.inputs.count)$ 个样本来自 $y = 2x + 1 + \\varepsilon$，损失取 \
            $E(w, b) = \\frac{1}{2n} \\sum_i (w x_i + b - y_i)^2$，它的最小值在最小二乘解 \
            $(w^*, b^*) = (\(decimal(best.x, 4)), \(decimal(best.y, 4)))$。批量为 $B$ 时，一步的梯度是 \
            $\\frac{1}{B} \\sum_{i \\in \\text{batch}} (w x_i + b - y_i)\\,(x_i, 1)$，它是全量梯度的无偏估计，\
            但带有噪声，$B$ 越小噪声越大；每轮（epoch）把样本重新打乱，走 $\\lceil n / B \\rceil$ 步。
            """
    }

    static func noisyRouteSentence(_ paths: [OptimizationTrajectory], problem: LeastSquaresProblem) -> String {
        let best = problem.minimum, bestLoss = problem.loss(best.x, best.y)
        let tail = regressionSteps / 3
        let floors = paths.map { $0.values.suffix(tail).reduce(0, +) / Double(tail) - bestLoss }
        return """
            全量梯度（$B = \(batchSizes[0])$）的路线是光滑的；$B = \(batchSizes[1])$ 的路线大致沿着它走，\
            $B = \(batchSizes[2])$ 的路线“摇摇晃晃”，到了最小值附近也停不下来，而是在它周围徘徊：最后 \(tail) 步的\
            平均损失比 $E^*$ 高 $\(latex(floors[2]))$，$B = \(batchSizes[1])$ 高 $\(latex(floors[1]))$，\
            全量梯度只高 $\(latex(floors[0]))$（@tab:noisy-route）。但 $B = \(batchSizes[2])$ 每步只看一个样本：\
            同样 \(regressionSteps) 步，它的计算量只有全量梯度的 $1/\(problem.inputs.count)$。\
            这就是小批量的折中：每步计算量小，但梯度有噪声，固定学习率时最终在最小值附近徘徊，所以常常配合逐渐减小的学习率。
            """
    }

    static func scalingExplanation(_ comparison: ScalingComparison) -> String {
        let raw = comparison.raw
        let mean = comparison.scaler.means[0], deviation = comparison.scaler.standardDeviations[0]
        return """
            梯度下降有多快，取决于损失的形状。线性回归的损失是一个二次碗，它的 Hessian 矩阵 \
            $H = \\frac1n \\begin{pmatrix} \\sum x_i^2 & \\sum x_i \\\\ \\sum x_i & n \\end{pmatrix}$ 与参数无关。\
            梯度下降在 $\\alpha < 2/\\lambda_{\\max}$ 时才稳定，而沿最平缓的方向每步只前进 \
            $\\alpha \\lambda_{\\min} < 2/\\kappa$ 的比例，$\\kappa = \\lambda_{\\max} / \\lambda_{\\min}$ 是条件数。\
            \(flats.count) 套房子的面积在 50 到 150 平方米之间（均值 $\\mu = \(decimal(mean, 1))$，\
            标准差 $\\sigma = \(decimal(deviation, 1))$），房价约为面积的 0.6 倍加 20（万元）。\
            面积的数值在 100 上下，而偏置对应的“输入”恒为 1，所以 $\\lambda_{\\max} = \(latex(raw.eigenvalues.largest))$，\
            $\\lambda_{\\min} = \(latex(raw.eigenvalues.smallest))$，碗又细又长。把面积标准化为 \
            $x' = (x - \\mu)/\\sigma$ 之后，$\\sum x'_i = 0$、$\\frac1n \\sum x'^2_i = 1$，$H$ 就是单位矩阵，碗变成圆的。\
            标准化用的 $\\mu$ 和 $\\sigma$ 要保存下来，对验证集和测试集用同一组值。
            """
    }

    static func scalingSentence(_ comparison: ScalingComparison) -> String {
        let raw = comparison.raw, normalized = comparison.normalized
        let rawSteps = raw.stepsToConverge.map { "要走 \(numbers.text($0, .groupedInteger)) 步" } ?? "超过 \(numbers.text(stepLimit, .groupedInteger)) 步还没有"
        let normalizedSteps = normalized.stepsToConverge.map { "只要 \(numbers.text($0, .groupedInteger)) 步" } ?? "也超过了 \(numbers.text(stepLimit, .groupedInteger)) 步"
        return """
            两次都用不越过最陡方向谷底的最大步长 $\\alpha = 1/\\lambda_{\\max}$（稳定界 $2/\\lambda_{\\max}$ 的一半） 从 $(w, b) = (0, 0)$ 出发（@fig:scaling）。\
            原始输入的第一步就落到了谷底，之后沿着谷底几乎不动；把 $E - E^*$ 降到初值的 $10^{-6}$，原始输入\
            \(rawSteps)，标准化之后\(normalizedSteps)（@tab:scaling）。两者拟合的是同一条直线：标准化后的参数换回原单位，\
            $w = w'/\\sigma$，$b = b' - w'\\mu/\\sigma$。
            """
    }

    static let adaptiveExplanation = """
        AdaGrad 为每个参数单独调整学习率：累积梯度的平方 $r_t = r_{t-1} + g_t \\odot g_t$，更新 \
        $\\theta_t = \\theta_{t-1} - \\frac{\\alpha}{\\sqrt{r_t} + \\epsilon} \\odot g_t$，梯度一直大的参数步子变小，\
        一直小的参数步子相对变大。它的缺点是 $r_t$ 只增不减，有效学习率单调下降。RMSProp 把累加换成滑动平均 \
        $r_t = \\rho r_{t-1} + (1 - \\rho)\\, g_t \\odot g_t$，主要由最近的梯度决定。Adam 把 Momentum 和 RMSProp 结合起来，\
        并修正两个滑动平均在开始时偏向 0 的偏差：

        $$\\begin{aligned}
        m_t &= \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t, & \\hat m_t &= \\frac{m_t}{1 - \\beta_1^t},\\\\
        v_t &= \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t \\odot g_t, & \\hat v_t &= \\frac{v_t}{1 - \\beta_2^t},\\\\
        \\theta_t &= \\theta_{t-1} - \\alpha \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon},
        \\end{aligned}$$

        默认 $\\beta_1 = 0.9$、$\\beta_2 = 0.999$、$\\epsilon = 10^{-8}$。Rosenbrock 函数 \
        $f(x, y) = (1 - x)^2 + 100 (y - x^2)^2$ 的最小值 $f = 0$ 在 $(1, 1)$，位于一条又长又弯、底部平坦的山谷尽头，\
        是检验这些方法的经典例子（@fig:rosenbrock-paths）。
        """

    static func adaptiveSentence(_ paths: [OptimizationTrajectory], sgdLimit: Double) -> String {
        let ranked = paths.sorted { distanceToMinimum($0) < distanceToMinimum($1) }
        guard let closest = ranked.first, let farthest = ranked.last,
              let sgd = paths.first(where: { $0.name == "SGD" }) else { return "" }
        var text = """
            \(rosenbrockSteps) 步之后，\(closest.name) 离最小值最近（距离 \(numbers.text(distanceToMinimum(closest), .fixed(4)))），\
            \(farthest.name) 最远（距离 \(numbers.text(distanceToMinimum(farthest), .fixed(4)))）（@tab:rosenbrock）。\
            SGD 的步长受山谷两侧陡壁的限制：用二分法试出，从 $(-1.5, 2)$ 出发走 \(rosenbrockSteps) 步，\
            $\\alpha$ 超过约 $\(latex(sgdLimit))$ 就发散；这里取 $\(latex(rosenbrockOptimizers[0].optimizer.learningRate))$，\
            \(rosenbrockSteps) 步后 $f = \(latex(sgd.values.last ?? .nan))$。
            """
        if let adaGrad = paths.first(where: { $0.name == "AdaGrad" }) {
            let firstGradient = TestFunction.rosenbrock.gradient(rosenbrockStart)
            text += """
                AdaGrad 第一步的梯度 $|g_x| = \(decimal(abs(firstGradient.x), 0))$ 永远留在累加和 $r$ 里，\
                此后 $x$ 方向的有效学习率再也不会超过 $\\alpha / |g_x|$（@fig:effective-step），\(rosenbrockSteps) 步后 \
                $f = \(latex(adaGrad.values.last ?? .nan))$。
                """
        }
        if let rmsProp = paths.first(where: { $0.name == "RMSProp" }) {
            let tail = rmsProp.values.suffix(100)
            if let low = tail.min(), let high = tail.max(), low > 0, high / low > 2 {
                text += """
                    RMSProp 在谷底来回振荡：最后 100 步的函数值在 $\(latex(low))$ 与 $\(latex(high))$ 之间\
                    （@fig:rosenbrock-values），所以表中它的终点取决于停在哪一步。
                    """
            }
        }
        return text
    }

    static func effectiveStepSentence(_ paths: [OptimizationTrajectory]) -> String {
        let series = effectiveSteps(paths)
        guard series.count == 2, let adaGrad = series.first, let rmsProp = series.last,
              let adaGradFirst = adaGrad.x.first, let adaGradLast = adaGrad.x.last, let rmsLast = rmsProp.x.last,
              let rmsMax = rmsProp.x.max() else { return "" }
        return """
            AdaGrad 给 $x$ 坐标的有效学习率从第 1 步的 $\(latex(adaGradFirst))$ 单调降到第 \(adaGrad.x.count) 步的 \
            $\(latex(adaGradLast))$，正是笔记所说的“学习率单调递减”；RMSProp 给 $x$ 坐标的有效学习率随近期梯度的大小起伏，\
            最大到 $\(latex(rmsMax))$，最后为 $\(latex(rmsLast))$（@fig:effective-step）。
            """
    }

    static let notesAdamExplanation = """
        笔记 001 的 Adam 代码参考中，一阶矩写成了 `sW = rho1 * sW + (1 - rho1) * W_grad**2`：累积的是梯度的平方，\
        而不是梯度本身。正确的一阶矩是 $m_t = \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t$。下面在圆碗 \
        $f(x, y) = \\tfrac12 (x^2 + y^2)$ 上从 $(2, 1.5)$ 出发，用同一个学习率把训练引擎的 Adam 和笔记的代码\
        （`NotesAdam`，照抄笔记的公式）各走 \(adamSteps) 步。
        """

    static func notesAdamWarning(_ paths: [OptimizationTrajectory]) -> String {
        let correct = paths[0], notes = paths[1]
        let notesEnd = notes.points.last ?? SIMD2(.nan, .nan)
        let crossing = notes.points.firstIndex { $0.x < 0 }.map { "第 \($0) 步越过最小值之后梯度变为负，它仍然" } ?? "它始终"
        let outcome = notes.divergedAtStep.map { "在第 \($0) 步发散（数值溢出）" }
            ?? "走到了 $(\(latex(notesEnd.x)), \(latex(notesEnd.y)))$，函数值 $\(latex(notes.values.last ?? .nan))$，越走越远"
        return """
            **笔记 001 的 Adam 代码把一阶矩写成了梯度的平方。** 笔记代码中的 $s$ 累积的是 $g^2$，修正后 $\\hat s_t = s_t / (1 - \\rho_1^t) \\ge 0$，\
            更新 $\\theta_t = \\theta_{t-1} - \\alpha\\, \\hat s_t / \\sqrt{\\hat r_t + 10^{-5}}$（$\\hat r_t$ 为同样修正后的二阶矩）永远朝负方向走，\
            与梯度的符号无关。起点处两个梯度分量都是正的，所以开始几步方向碰巧是对的（@tab:adam-steps）；\(crossing)\
            朝负方向走，越过最小值后再也回不来。正确的 Adam \(adamSteps) 步后到了 \
            $f = \(latex(correct.values.last ?? .nan))$；笔记的代码\(outcome)（@fig:notes-adam）。笔记还用 $W$ 的矩去更新 $b$\
            （`nn.b[k] = nn.b[k] - nn.learning_rate * newS / np.sqrt(newR + 0.00001)`），这是第二个错误。
            """
    }

    // MARK: - Numbers

    /// Every number in the handout is written through this, in the document's language.
    static let numbers = NumberWriter(language: .chinese)

    /// `digits` decimals, for prose math.
    static func decimal(_ value: Double, _ digits: Int) -> String { numbers.math(value, .fixed(digits)) }

    /// Three significant digits: a plain decimal between 0.01 and 1000, `m \times 10^{e}` outside, for prose math.
    static func latex(_ value: Double) -> String { numbers.math(value, .significantOrScientific(3)) }
}
