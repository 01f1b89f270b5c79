import ReportKit

/// The handout's sentences; every number in them is read from the computed results.
extension Regularization {
    static let introduction = """
        训练一个深层网络，除了优化算法，还要靠几样“技巧”：合适的初始化、防止过拟合的正则化（L2 和 Dropout）\
        以及批归一化。课程笔记 001 和 003 讲了它们的原理；这份讲义把每一样都在训练引擎上实际跑一遍，用数字说明它\
        起了什么作用，并指出笔记里两处与其自身公式或文字不一致的代码和算例。图表中的每个数都来自这次运行。
        """

    static let initializationExplanation = """
        笔记 001 的推导：在 0 附近 $\\tanh(z) \\approx z$，而 $z^{(l)}_i = \\sum_j w^{(l)}_{ij} a^{(l-1)}_j$，各项独立时 \
        $\\mathrm{Var}(a^{(l)}) \\approx n \\,\\mathrm{Var}(W^{(l)})\\, \\mathrm{Var}(a^{(l-1)})$，$n$ 是上一层的神经元个数。\
        乘数 $n\\,\\mathrm{Var}(W)$ 等于 1 时，信号的大小逐层保持；小于 1 时逐层缩小，趋于 0；大于 1 时逐层放大，\
        直到 tanh 饱和在 $\\pm 1$，导数 $1 - a^2$ 趋于 0，梯度同样传不回去。下面把同一批输入送进一个 \
        \(depth) 层、每层 \(width) 个 tanh 神经元的网络，比较四种初始化（@fig:activation-spread）。
        """

    static func initializationSentence(_ probes: [InitializationProbe]) -> String {
        guard probes.count == 4 else { return "" }
        let big = probes[0], uniform = probes[1], xavier = probes[2]
        return """
            $N(0, 1)$ 的乘数是 $n = \(width)$，第 1 层就有 \(numbers.text(big.saturatedShares[0], .percent(1))) 的神经元饱和；\
            笔记的 $U(\\pm 1/\\sqrt{n})$ 方差为 $\\frac{1}{3n}$，乘数约 $\\frac13$（实测 \(numbers.text(uniform.gain, .fixed(3)))），\
            标准差从 \(numbers.text(uniform.standardDeviations[0], .fixed(2))) 逐层降到第 \(depth) 层的 \(numbers.text(uniform.standardDeviations[depth], .significantOrScientific(3)))\
            （后几层不再下降：笔记的偏置也取 $U(\\pm 1/\\sqrt{n})$，每层给方差加上 $\\frac{1}{3n}$，不动点约为 \
            $\\frac{1}{2n}$，即标准差 $\\approx \(numbers.math((1 / (2 * Double(width))).squareRoot(), .fixed(3)))$）；\
            Xavier 的 $N(0, 1/n)$ 乘数为 1（实测 \(numbers.text(xavier.gain, .fixed(3)))），第 \(depth) 层的标准差仍有 \
            \(numbers.text(xavier.standardDeviations[depth], .fixed(3)))（tanh 比线性函数略“压缩”，所以仍缓慢减小），\
            第 \(depth) 层饱和的神经元比例为 \(numbers.text(xavier.saturatedShares[depth - 1], .percent(1)))（@tab:initialization）。
            """
    }

    static func xavierCodeWarning(_ probes: [InitializationProbe]) -> String {
        guard probes.count == 4 else { return "" }
        let code = probes[3]
        return """
            **笔记 001 的 Xavier 代码与它自己的公式不一致。** 公式要求 $W \\sim N(0, \\frac1n)$，\
            代码却写 `nn.w{k} = 2*randn(height, width)/sqrt(width)`，标准差是 $2/\\sqrt{n}$，方差 $4/n$：\
            乘数是 4（实测 \(numbers.text(code.gain, .fixed(3)))）而不是 1：每层 tanh 的输入方差约为上一层输出方差的 4 倍，\
            tanh 再把它压回，各层输出的标准差稳定在 \(numbers.text(code.standardDeviations[depth], .fixed(2))) 左右，\
            第 \(depth) 层有 \(numbers.text(code.saturatedShares[depth - 1], .percent(1))) 的神经元饱和（$|a| > \(saturationThreshold)$），\
            而按公式（Xavier）为 \(numbers.text(probes[2].saturatedShares[depth - 1], .percent(1)))。应写成 \
            `nn.W{k} = randn(height, width)/sqrt(width)`（笔记这一行还把 `W` 写成了小写 `w`，MATLAB 区分大小写，\
            其他代码用的都是 `nn.W{k}`）。
            """
    }

    static func overfittingExplanation(_ runs: OverfittingRuns) -> String {
        let parameters = runs.fits.first?.parameterCount ?? 0
        return """
            只有 \(trainingCount) 个带噪声的两月牙训练点，网络 2–\(hiddenWidth)–\(hiddenWidth)–1（ReLU）却有 \(numbers.text(parameters, .groupedInteger)) \
            个参数，足以把每个训练点都“记住”，包括噪声——这就是过拟合：训练损失很低，在新数据上却变差。\
            笔记 001 的 L2 正则化在损失上加 $\\frac{\\lambda}{2} \\sum \\lVert W \\rVert^2$（偏置不计），\
            每个权重的梯度多出 $\\lambda W$，把权重拉向 0，边界因此更平滑。Dropout 在训练时以概率 $1 - p$（$p$ 为保留概率）\
            随机把隐藏层神经元的输出置零，网络不能依赖任何单个神经元（笔记 003）。三个网络的初始权重、数据和优化器\
            （Adam，$\\alpha = \(learningRate)$，全批量，批量 \(trainingCount)）完全相同，只差正则化（@fig:decision-boundaries）。
            """
    }

    static func overfittingSentence(_ runs: OverfittingRuns) -> String {
        guard runs.fits.count == 3 else { return "" }
        let plain = runs.fits[0], l2 = runs.fits[1], dropout = runs.fits[2]
        let best = runs.fits.min { $0.validation.loss < $1.validation.loss }!
        let bestEpoch = plain.history.epochs.min { ($0.validationLoss ?? .infinity) < ($1.validationLoss ?? .infinity) }?.epoch ?? 0
        return """
            不加正则化时，训练准确率 \(numbers.text(plain.training.accuracy, .percent(1)))、训练损失 \(numbers.text(plain.training.loss, .fixed(4)))，\
            验证损失却是 \(numbers.text(plain.validation.loss, .fixed(4)))；它的验证损失在第 \(bestEpoch) 轮最低，之后越训练越高\
            （@fig:overfitting-curves）。L2 把权重的平方和从 \(numbers.text(plain.weightSquares, .fixed(1))) 压到 \
            \(numbers.text(l2.weightSquares, .fixed(1)))，验证损失 \(numbers.text(l2.validation.loss, .fixed(4)))；Dropout 的验证损失 \
            \(numbers.text(dropout.validation.loss, .fixed(4)))。三者中“\(best.name)”的验证损失最低（@tab:overfitting）。
            """
    }

    static let dropoutExplanation = """
        笔记 003 用第一隐藏层的两个输出 $\\mathbf{a}^{[1]} = (12.241, 47.549)$ 演示 Dropout：随机掩码 \
        $(0.38298, 0.78923)$ 与丢弃率 $0.5$ 比较得到 $\\text{mask} = (0, 1)$，保留概率 $p = 1 - 0.5 = 0.5$。\
        笔记说这里选的是“标准dropout”，又说“为了保持激活输出的期望不变，我门需要将激活输出除以保持概率”（原文如此）。\
        这两种做法都对，但不同：标准 Dropout 训练时输出 $m_i a_i$（不缩放），测试时乘以 $p$；倒置 Dropout\
        （inverted dropout）训练时输出 $y_i = m_i a_i / p$，$m_i \\sim \\text{Bernoulli}(p)$，于是 \
        $\\mathbb{E}[y_i] = a_i$，测试时原样输出 $y = a$。笔记接下来算的却是 $47.549 \\times 0.5 = 23.775$：\
        训练时乘以了保留概率，两种都不是。
        """

    static func dropoutWarning(_ averages: DropoutAverages) -> String {
        let unit = averages.input.count - 1
        return """
            **笔记 003 的算例乘以了保留概率，应当除以它。** 按笔记的文字，第二个神经元应输出 \
            $47.549 / 0.5 = 95.098$，而不是 $23.775$。用训练引擎的 Dropout 层跑 \(numbers.text(dropoutSamples, .groupedInteger)) 次\
            （保留的比例为 \(numbers.text(averages.keptShare, .percent(1)))）：倒置 Dropout 的平均输出 \
            \(numbers.text(averages.inverted[unit], .fixed(3))) 与评估时的输出 \(numbers.text(averages.evaluation[unit], .fixed(3))) 一致；\
            按笔记的算法平均只有 \(numbers.text(averages.notesMethod[unit], .fixed(3)))，约为 $p^2 a = \
            \(numbers.math(notesKeepProbability * notesKeepProbability * averages.input[unit], .fixed(3)))$：\
            训练时下一层看到的输入只有测试时的四分之一，训练和测试不一致（@tab:dropout）。按标准 Dropout，\
            训练时不缩放（平均 $p a$），测试时乘以 $p$；按倒置 Dropout，训练时除以 $p$，测试时不变。
            """
    }

    static let batchNormExplanation = """
        笔记 001 §5.3 的批归一化（BN）插在线性层和激活函数之间：对一个小批量的 $z$ 逐个特征算均值 $\\mu_B$ 和方差 \
        $\\sigma_B^2$，标准化 $\\hat z = (z - \\mu_B)/\\sqrt{\\sigma_B^2 + \\epsilon}$，再用可学习的 $\\gamma$、$\\beta$ \
        变换 $y = \\gamma \\hat z + \\beta$。训练时用小批量的统计量，评估时用训练中累积的滑动平均（动量 0.1，\
        与 PyTorch 相同）。sigmoid 的导数不超过 $\\frac14$，六层连乘后至多 $(1/4)^6 \\approx 2.4 \\times 10^{-4}$ 倍（不计权重），梯度很小；BN 让每层的输入保持在 sigmoid \
        的线性区附近，梯度能传回去（@fig:batch-norm-curves）。
        """

    static func batchNormSentence(_ runs: BatchNormRuns) -> String {
        guard runs.runs.count == 2 else { return "" }
        let plain = runs.runs[0], normalized = runs.runs[1]
        func loss(_ run: BatchNormRuns.Run, _ epoch: Int) -> Double {
            run.history.epochs.first { $0.epoch == epoch }?.trainingLoss ?? .nan
        }
        let threshold = 0.35
        // ln 2 is the loss of answering 50 % for every point: a network that stays there has learnt nothing.
        let stuck = abs(loss(plain, deepEpochs) - log(2)) < 0.02 ? "，停在 $\\ln 2 \\approx 0.693$ 附近——这是对每个点都输出概率 0.5 时的损失" : ""
        func firstBelow(_ run: BatchNormRuns.Run) -> String {
            run.history.epochs.first { $0.trainingLoss < threshold }.map { "第 \($0.epoch) 轮" } ?? " \(deepEpochs) 轮内始终没有做到"
        }
        return """
            同样 \(deepEpochs) 轮，无批归一化的网络训练损失从 \(numbers.text(loss(plain, 1), .fixed(4))) 到 \
            \(numbers.text(loss(plain, deepEpochs), .fixed(4)))\(stuck)；有批归一化的从 \(numbers.text(loss(normalized, 1), .fixed(4))) 到 \
            \(numbers.text(loss(normalized, deepEpochs), .fixed(4)))。有批归一化的网络\(firstBelow(normalized))训练损失就降到 \(threshold) 以下，无批归一化的网络\(firstBelow(plain))\
            （@tab:batch-norm）。BN 每层多了 $2 \\times \(deepWidth)$ 个参数 \
            $\\gamma, \\beta$（共 \(normalized.parameterCount - plain.parameterCount) 个）。\(spikes(normalized))
            """
    }

    /// A sentence on the jumps of the validation loss with batch norm, when there are any: evaluation uses
    /// the running averages of the batch statistics, which lag behind weights that are still moving.
    static func spikes(_ run: BatchNormRuns.Run) -> String {
        let pairs = run.history.epochs.compactMap { record in record.validationLoss.map { ($0, record.trainingLoss) } }
        let jumps = pairs.filter { $0.0 > 2 * $0.1 }.count
        guard jumps > 0 else { return "" }
        return """
            有批归一化时验证损失有 \(jumps) 轮超过同一轮训练损失的两倍：评估时 BN 用的是训练中累积的滑动平均 \
            $\\mu$、$\\sigma^2$（每个小批量只更新 10%），而权重还在快速变化，滑动平均跟不上当前的网络；\
            训练时用的是当前小批量自己的统计量，没有这个问题。这是批归一化在训练和评估之间的一个真实差别。
            """
    }

    // MARK: - Numbers

    /// Every number in the handout is written through this, in the document's language.
    static let numbers = NumberWriter(language: .chinese)
}
