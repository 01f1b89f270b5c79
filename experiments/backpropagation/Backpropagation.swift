import ReportKit

/// 反向传播逐步计算 — worked backpropagation examples (notes 002, 003).
@main
struct Backpropagation: Experiment {
    /// The worked examples have given weights; the seed is for the deep networks of the vanishing-gradient
    /// figure only (their data and initial weights).
    static let seed: UInt64 = 1

    // snippet: network-002
    /// Notes 002: the standard 2-2-2 sigmoid example, values as in the independent float64 reference.
    static let exampleInput = [0.05, 0.10]
    static let exampleTarget = [0.01, 0.99]
    static let exampleLearningRate = 0.5
    static let exampleNetwork = Sequential<Double>([
        Dense(weights: Matrix([[0.15, 0.20], [0.25, 0.30]]), bias: [0.35, 0.35], activation: .sigmoid),
        Dense(weights: Matrix([[0.40, 0.45], [0.50, 0.55]]), bias: [0.60, 0.60], activation: .sigmoid),
    ])
    // end snippet

    // snippet: network-003
    /// Notes 003: house price from floor area, bedrooms and age; every layer is ReLU, so the price is ≥ 0.
    static let houseInput = [1200.0, 3, 10]
    static let houseTarget = [1.0]
    static let houseLearningRate = 0.1
    static let houseNetwork = Sequential<Double>([
        Dense(weights: Matrix([[0.01, -0.02, 0.03], [0.04, 0.05, -0.06]]), bias: [0.001, -0.001], activation: .relu),
        Dense(weights: Matrix([[0.1, -0.1], [0.1, 0.1]]), bias: [0.01, 0.01], activation: .relu),
        Dense(weights: Matrix([[0.1, 0.1]]), bias: [0.01], activation: .relu),
    ])
    // end snippet

    // snippet: deep-networks
    /// Eight hidden layers of 16 units: deep enough for the per-layer factor σ′ ≤ 1/4 to add up.
    static let deepLayerSizes = [2] + Array(repeating: 16, count: 8) + [1]
    /// Each activation with the initialiser made for it (Xavier for sigmoid, He for ReLU), so the comparison
    /// is not an artefact of a bad scale.
    static let deepNetworks: [(name: String, activation: Activation, initializer: WeightInitializer)] = [
        ("sigmoid（Xavier 初始化）", .sigmoid, .xavierUniform),
        ("ReLU（He 初始化）", .relu, .heUniform),
    ]
    /// One batch of 256 two-moons points: gradients averaged over many samples, not one lucky point.
    static let deepSampleCount = 256
    // end snippet

    /// The z⁽²⁾ and the loss printed in notes 003, quoted only to show where its hand computation departs
    /// from ours; every other number of the notes' method is recomputed by ``NotesMethod``.
    static let notesMisaddedPreactivation = [-3.5308, 5.979]
    static let notesPrintedLoss = 0.0762

    static func makeDocument(run: ExperimentRun) throws -> Document {
        let example = run.measure("trace 2-2-2 step") {
            exampleNetwork.traceTrainingStep(inputs: Matrix([exampleInput]), targets: Matrix([exampleTarget]),
                                             loss: .halfSumOfSquaredErrors, learningRate: exampleLearningRate)
        }
        let house = run.measure("trace 3-2-2-1 step") {
            houseNetwork.traceTrainingStep(inputs: Matrix([houseInput]), targets: Matrix([houseTarget]),
                                           loss: .halfSumOfSquaredErrors, learningRate: houseLearningRate)
        }
        let notesMethod = NotesMethod(trace: house, misaddedPreactivation: notesMisaddedPreactivation)
        let deepGradients = run.measure("deep-network gradients") { layerGradientNorms() }
        let checks = run.measure("gradient checks") {
            [(name: "2–2–2", report: gradientCheck(exampleNetwork, input: exampleInput, target: exampleTarget)),
             (name: "3–2–2–1", report: gradientCheck(houseNetwork, input: houseInput, target: houseTarget))]
        }

        return Document(title: "反向传播：逐步计算", language: numbers.language, seed: seed) {
            Prose(introduction)
            Section("2–2–2 sigmoid 网络（笔记 002）") {
                Prose(exampleSetup)
                FigureBlock(name: "network-2-2-2",
                            caption: "笔记 002 的 2–2–2 网络：边上是初始权重 $w_1,\\dots,w_8$，神经元旁是偏置。",
                            weightedNetworkFigure(exampleNetwork, neuronNames: [["i₁", "i₂"], ["h₁", "h₂"], ["o₁", "o₂"]],
                                                  numbersWeights: true, title: "2–2–2 网络及其初始参数", height: 400))
                Prose(backpropagationExplanation(example))
                WorkedExample(network: exampleNetwork, input: exampleInput, target: exampleTarget,
                              learningRate: exampleLearningRate)
                Callout(.note, biasNote(example))
                Snippet("network-002", caption: "网络的定义（实验源代码）")
            }
            Section("房价预测：3–2–2–1 ReLU 网络（笔记 003）") {
                Prose(houseSetup)
                FigureBlock(name: "network-3-2-2-1",
                            caption: "笔记 003 的 3–2–2–1 房价网络及其初始权重和偏置，所有神经元都用 ReLU。",
                            weightedNetworkFigure(houseNetwork,
                                                  neuronNames: [["x₁", "x₂", "x₃"], ["h₁", "h₂"], ["g₁", "g₂"], ["ŷ"]],
                                                  numbersWeights: false, title: "3–2–2–1 房价网络及其初始参数", height: 480))
                WorkedExample(network: houseNetwork, input: houseInput, target: houseTarget,
                              learningRate: houseLearningRate)
                Callout(.warning, notesWarning(house, notesMethod))
                notesComparisonTable(house, notesMethod)
                Prose(reluSentence(house))
                Prose(stepSizeSentence(house))
                Snippet("network-003", caption: "房价网络的定义（实验源代码）")
            }
            Section("每个数都经过检验：梯度检验") {
                Prose(gradientCheckExplanation(checks))
                gradientCheckTable(selectedEntries(checks))
            }
            Section("sigmoid 的导数与梯度消失") {
                Include("notes.md")
                FigureBlock(name: "sigmoid-derivative",
                            caption: "sigmoid 与 ReLU 及其导数（由训练引擎计算）；虚线标出 $\\sigma'$ 的最大值 $1/4$。",
                            activationFigure())
                Prose(vanishingSentence(deepGradients))
                FigureBlock(name: "gradient-per-layer",
                            caption: "初始化时每层权重梯度的范数 $\\lVert \\partial L / \\partial \\mathbf{W}^{(l)} \\rVert$（对数坐标），两个 \(deepLayerSizes.map(String.init).joined(separator: "–")) 网络，同一批 \(deepSampleCount) 个样本。",
                            gradientFigure(deepGradients))
                Snippet("deep-networks", caption: "两个深层网络的设置（实验源代码）")
            }
        }
    }

    // MARK: - Prose

    static let introduction = """
        这份讲义把课程笔记中的两个反向传播例子完整地算一遍：笔记 002 的 2–2–2 sigmoid 网络和笔记 003 的 \
        3–2–2–1 ReLU 房价网络。讲义中的每个数都由训练引擎计算（双精度），不是手算后抄录的；每个梯度还用中心差分\
        独立检验过（@tab:gradient-check）。第 2 节指出笔记 003 手算中的错误（@tab:notes-comparison）；第 4 节\
        用 sigmoid 的导数解释梯度消失，并用引擎算出深层网络每层的梯度（@fig:gradient-per-layer）。
        """

    static var exampleSetup: String {
        """
        网络有两个输入 $i_1 = \(plain(exampleInput[0]))$、$i_2 = \(plain(exampleInput[1]))$，两个隐藏神经元 \
        $h_1, h_2$ 和两个输出神经元 $o_1, o_2$，所有神经元都用 sigmoid 激活 \
        $\\sigma(z) = \\frac{1}{1 + e^{-z}}$（@fig:network-2-2-2）。我们希望输出接近目标 \
        $(y_1, y_2) = (\(plain(exampleTarget[0])), \(plain(exampleTarget[1])))$，损失取 \
        $L = \\frac12 \\sum_j (a^{(2)}_j - y_j)^2$，学习率 $\\alpha = \(plain(exampleLearningRate))$。\
        下面的记号中 $\\mathbf{a}^{(1)} = (h_1, h_2)$ 是隐藏层的输出，$\\mathbf{a}^{(2)} = (o_1, o_2)$ 是网络的输出，\
        权重矩阵 $\\mathbf{W}^{(l)}$ 的第 $j$ 行是第 $l$ 层第 $j$ 个神经元的输入权重。
        """
    }

    static func backpropagationExplanation(_ trace: TrainingStepTrace<Double>) -> String {
        let output = trace.layers[1], hidden = trace.layers[0]
        let firstOutput = output.activation[0, 0], firstDelta = output.delta[0, 0]
        return """
            **前向传播**逐层计算 $\\mathbf{z}^{(l)} = \\mathbf{W}^{(l)} \\mathbf{a}^{(l-1)} + \\mathbf{b}^{(l)}$ 和 \
            $\\mathbf{a}^{(l)} = \\sigma(\\mathbf{z}^{(l)})$，从 $\\mathbf{a}^{(0)} = \\mathbf{x}$ 开始，\
            最后得到损失 $L$。

            **反向传播**从输出层往回算每层的误差项 $\\boldsymbol{\\delta}^{(l)} = \\partial L / \\partial \\mathbf{z}^{(l)}$。\
            输出层由链式法则 $\\delta^{(2)}_j = \\frac{\\partial L}{\\partial a^{(2)}_j} \\cdot \\sigma'(z^{(2)}_j) \
            = (a^{(2)}_j - y_j)\\, a^{(2)}_j (1 - a^{(2)}_j)$，因为 $\\sigma' = \\sigma(1 - \\sigma)$。例如 \
            $o_1 = \(significant(firstOutput))$，所以 \
            $\\delta^{(2)}_1 = (\(significant(firstOutput)) - \(plain(exampleTarget[0]))) \\times \(significant(firstOutput)) \
            \\times (1 - \(significant(firstOutput))) = \(significant(firstDelta))$。隐藏层的误差由下一层的误差沿权重传回，\
            再乘以本层激活函数的导数：

            $$\\boldsymbol{\\delta}^{(1)} = \\left( \\mathbf{W}^{(2)\\top} \\boldsymbol{\\delta}^{(2)} \\right) \\odot \
            \\sigma'\\left( \\mathbf{z}^{(1)} \\right), \\qquad \
            \\delta^{(1)}_1 = \\left( w_5 \\delta^{(2)}_1 + w_7 \\delta^{(2)}_2 \\right) h_1 (1 - h_1) = \(significant(hidden.delta[0, 0])).$$

            **参数更新**：权重 $w_{jk}^{(l)}$ 连接第 $l-1$ 层的神经元 $k$ 和第 $l$ 层的神经元 $j$，它的梯度是\
            “终点的误差 × 起点的输出”，即 $\\frac{\\partial L}{\\partial \\mathbf{W}^{(l)}} = \
            \\boldsymbol{\\delta}^{(l)} \\mathbf{a}^{(l-1)\\top}$；偏置的梯度就是 $\\boldsymbol{\\delta}^{(l)}$。\
            梯度下降沿负梯度走一步：$\\mathbf{W}^{(l)} \\leftarrow \\mathbf{W}^{(l)} - \\alpha \\frac{\\partial L}{\\partial \\mathbf{W}^{(l)}}$。\
            例如 $\\frac{\\partial L}{\\partial w_5} = \\delta^{(2)}_1 h_1 = \(significant(firstDelta)) \\times \
            \(significant(hidden.activation[0, 0])) = \(significant(output.weightGradient[0, 0]))$，\
            更新后 $w_5 = \(plain(output.weights[0, 0])) - \(plain(exampleLearningRate)) \\times \
            \(significant(output.weightGradient[0, 0])) = \(significant(output.updatedWeights[0, 0]))$。

            下面是引擎算出的完整一步，每个公式旁边是它的数值。
            """
    }

    static func biasNote(_ trace: TrainingStepTrace<Double>) -> String {
        let hidden = trace.layers[0]
        return """
            笔记中每层只有一个共享的偏置（$b_1$、$b_2$）；引擎给每个神经元一个偏置，初值相同，但梯度各自计算，\
            所以一步之后隐藏层的偏置变为 $\(significant(hidden.updatedBias[0]))$ 和 \
            $\(significant(hidden.updatedBias[1]))$。权重的梯度和更新与偏置是否更新无关。\
            一步之后损失从 $\(significant(trace.loss))$ 降到 $\(significant(trace.lossAfterStep))$。
            """
    }

    static var houseSetup: String {
        """
        笔记 003 用一个三层的 ReLU 网络预测房价：输入 $\\mathbf{x} = (\(houseInput.map(plain).joined(separator: ", ")))$ \
        依次是面积、卧室数和房龄，两个各有两个神经元的隐藏层，一个输出神经元（@fig:network-3-2-2-1）；输出层也用 ReLU，\
        保证预测的价格不为负。目标 $y = \(plain(houseTarget[0]))$，损失 $L = \\frac12 (a^{(3)} - y)^2$，\
        学习率 $\\alpha = \(plain(houseLearningRate))$。ReLU 的导数是 $\\operatorname{ReLU}'(z) = 1$（$z > 0$）\
        或 $0$（$z \\le 0$），所以反向传播时，凡是 $z \\le 0$ 的神经元都会把误差截断为 0。
        """
    }

    static func notesWarning(_ trace: TrainingStepTrace<Double>, _ notes: NotesMethod) -> String {
        let z2 = trace.layers[1].preactivation.row(0)
        let delta2 = trace.layers[1].delta.row(0)
        let delta1 = trace.layers[0].delta.row(0)
        let output = trace.layers[2].activation[0, 0]
        return """
            **笔记 003 的手算有两处错误，后面的数都受影响。**

            1. **$\\mathbf{z}^{(2)}$ 加错了。** $\\mathbf{W}^{(2)} \\mathbf{a}^{(1)} + \\mathbf{b}^{(2)} = \
            (\(significant(z2[0], 5)), \(significant(z2[1])))$，笔记写成 \
            $(\(plain(notesMisaddedPreactivation[0])), \(plain(notesMisaddedPreactivation[1])))$。\
            于是输出 $a^{(3)}$ 应为 $\(significant(output))$（按笔记的数是 $\(significant(notes.output))$），\
            损失应为 $\(significant(trace.loss))$（笔记写作 $\(plain(notesPrintedLoss))$，\
            即使按它自己的 $a^{(3)}$ 也应是 $\(significant(notes.loss))$）。
            2. **第 2 层忽略了 ReLU 的导数。** $z^{(2)}_1 = \(significant(z2[0], 5)) < 0$，所以 \
            $\\operatorname{ReLU}'(z^{(2)}_1) = 0$，正确的 $\\boldsymbol{\\delta}^{(2)} = \
            (\(significant(delta2[0])), \(significant(delta2[1])))$：$\\mathbf{W}^{(2)}$ 第一行的梯度为 0。\
            笔记直接用 $\\mathbf{W}^{(3)\\top} \\delta^{(3)}$，得到 \
            $(\(significant(notes.delta2[0])), \(significant(notes.delta2[1])))$，再传到第 1 层得 \
            $\\boldsymbol{\\delta}^{(1)} = (\(significant(notes.delta1[0])), \(significant(notes.delta1[1])))$，\
            而正确值是 $(\(significant(delta1[0])), \(significant(delta1[1])))$。\(firstLayerConsequence(notes.delta1, delta1))

            @tab:notes-comparison 把笔记的算法（用上面两处错误重算）与引擎的结果逐项对照。
            """
    }

    /// What the wrong δ⁽¹⁾ does to the gradient of W⁽¹⁾, row by row (each row is δ⁽¹⁾ⱼ xᵀ).
    static func firstLayerConsequence(_ notes: [Double], _ engine: [Double]) -> String {
        let rows = zip(notes, engine).enumerated().map { row, pair -> String in
            let (notesDelta, engineDelta) = pair
            if notesDelta == 0 { return "第 \(row + 1) 行被算成了 0" }
            return "第 \(row + 1) 行约为正确值的 \(numbers.text(notesDelta / engineDelta, .fixed(1))) 倍"
        }
        return "于是 $\\partial L / \\partial \\mathbf{W}^{(1)} = \\boldsymbol{\\delta}^{(1)} \\mathbf{x}^\\top$ 的"
            + rows.joined(separator: "，") + "。"
    }

    static func reluSentence(_ trace: TrainingStepTrace<Double>) -> String {
        let z3 = trace.layers[2].preactivation[0, 0]
        let activeHidden = trace.layers[0].preactivation.row(0).allSatisfy { $0 > 0 }
        return """
            笔记在输出层“忽略激活函数，假设 $a^{(3)} = z^{(3)}$”，这一步恰好无害：$z^{(3)} = \(significant(z3)) \
            \(z3 > 0 ? "> 0" : "\\le 0")$，ReLU 的导数\(z3 > 0 ? "是 1" : "是 0，这一步并非无害")。\
            第 1 层同样如此：\(activeHidden ? "$\\mathbf{z}^{(1)}$ 的两个分量都为正，导数都是 1" : "$\\mathbf{z}^{(1)}$ 有非正分量，导数不全为 1")。\
            只有第 2 层的第一个神经元 $z^{(2)}_1 < 0$，它的导数为 0 才是关键；一个在这个样本上输出恒为 0 的 ReLU 神经元\
            不会收到任何梯度。
            """
    }

    /// What one step at the notes' learning rate does to the loss, from the trace.
    static func stepSizeSentence(_ trace: TrainingStepTrace<Double>) -> String {
        let layer1 = trace.layers[0]
        let grew = trace.lossAfterStep > trace.loss
        return """
            还要注意这一步的效果：更新后同一样本的损失从 $\(significant(trace.loss))$ \
            \(grew ? "变成了" : "降到") $\(significant(trace.lossAfterStep))$。\
            面积 $x_1 = \(plain(houseInput[0]))$ 没有归一化，$\\partial L / \\partial w^{(1)}_{11} = \
            \\delta^{(1)}_1 x_1 = \(significant(layer1.weightGradient[0, 0]))$，学习率 $\(plain(houseLearningRate))$ \
            使 $w^{(1)}_{11}$ 一步从 $\(plain(layer1.weights[0, 0]))$ 变到 $\(significant(layer1.updatedWeights[0, 0]))$，\
            \(grew ? "步子太大，越过了最低点。输入归一化或更小的学习率都能避免这一点（见第 4 节）。" : "损失下降。")
            """
    }

    static func gradientCheckExplanation(_ checks: [(name: String, report: GradientCheckReport)]) -> String {
        let worst = checks.map { $0.report.maximumRelativeError }.max() ?? .nan
        let parameterCount = exampleNetwork.parameterCount + houseNetwork.parameterCount
        return """
            反向传播的梯度可以用数值微分独立地验证：把一个参数 $\\theta$ 分别加、减一个小量 $h$，各做一次前向传播，\
            用中心差分

            $$\\frac{\\partial L}{\\partial \\theta} \\approx \\frac{L(\\theta + h) - L(\\theta - h)}{2h}, \\qquad h = 10^{-6},$$

            其误差是 $O(h^2)$。两者的相对误差定义为 $\\frac{|g_{\\text{反向}} - g_{\\text{数值}}|}{|g_{\\text{反向}}| + |g_{\\text{数值}}|}$\
            （两者都为 0 时记为 0）。@tab:gradient-check 列出两个网络中几个参数的结果；\
            对两个网络全部 \(parameterCount) 个参数（以及输入）的检验，最大相对误差是 \
            $\(latexScientific(worst))$，说明上面每个梯度都是对的。
            """
    }

    // MARK: - The notes' hand computation, redone

    /// Notes 003's backward pass as the notes do it: from their mis-added z⁽²⁾, with every ReLU derivative taken
    /// as 1, i.e. `δ⁽ˡ⁾ = W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾` without the `⊙ f′(z⁽ˡ⁾)`. Shown only to compare with the engine.
    struct NotesMethod {
        var output: Double
        var loss: Double
        var delta3: Double
        var delta2: [Double]
        var weightGradient2: [[Double]]
        var delta1: [Double]
        var weightGradient1: [[Double]]
        var updatedFirstWeight: Double

        init(trace: TrainingStepTrace<Double>, misaddedPreactivation: [Double]) {
            let activation1 = trace.layers[0].activation.row(0)
            let weights2 = trace.layers[1].weights, weights3 = trace.layers[2].weights
            let activation2 = misaddedPreactivation.map { max(0, $0) }
            output = max(0, zip(weights3.row(0), activation2).map(*).reduce(0, +) + trace.layers[2].bias[0])
            let target = trace.targets[0, 0]
            loss = 0.5 * (target - output) * (target - output)
            delta3 = output - target
            let delta3 = self.delta3
            delta2 = weights3.row(0).map { $0 * delta3 }
            let delta2 = self.delta2
            weightGradient2 = delta2.map { d in activation1.map { d * $0 } }
            delta1 = (0..<weights2.columns).map { k in (0..<weights2.rows).map { weights2[$0, k] * delta2[$0] }.reduce(0, +) }
            let input = trace.inputs.row(0)
            weightGradient1 = delta1.map { d in input.map { d * $0 } }
            updatedFirstWeight = trace.layers[0].weights[0, 0] - trace.learningRate * weightGradient1[0][0]
        }
    }

    struct ComparisonRow {
        var quantity: String
        var notes: Double
        var engine: Double
    }

    static func comparisonRows(_ trace: TrainingStepTrace<Double>, _ notes: NotesMethod) -> [ComparisonRow] {
        let layer1 = trace.layers[0], layer2 = trace.layers[1], layer3 = trace.layers[2]
        return [
            ComparisonRow(quantity: "z⁽²⁾₁", notes: notesMisaddedPreactivation[0], engine: layer2.preactivation[0, 0]),
            ComparisonRow(quantity: "z⁽²⁾₂", notes: notesMisaddedPreactivation[1], engine: layer2.preactivation[0, 1]),
            ComparisonRow(quantity: "a⁽³⁾（预测价格）", notes: notes.output, engine: layer3.activation[0, 0]),
            ComparisonRow(quantity: "损失 L", notes: notes.loss, engine: trace.loss),
            ComparisonRow(quantity: "δ⁽³⁾", notes: notes.delta3, engine: layer3.delta[0, 0]),
            ComparisonRow(quantity: "δ⁽²⁾₁", notes: notes.delta2[0], engine: layer2.delta[0, 0]),
            ComparisonRow(quantity: "δ⁽²⁾₂", notes: notes.delta2[1], engine: layer2.delta[0, 1]),
            ComparisonRow(quantity: "∂L/∂w⁽²⁾₁₁", notes: notes.weightGradient2[0][0], engine: layer2.weightGradient[0, 0]),
            ComparisonRow(quantity: "∂L/∂w⁽²⁾₂₂", notes: notes.weightGradient2[1][1], engine: layer2.weightGradient[1, 1]),
            ComparisonRow(quantity: "δ⁽¹⁾₁", notes: notes.delta1[0], engine: layer1.delta[0, 0]),
            ComparisonRow(quantity: "δ⁽¹⁾₂", notes: notes.delta1[1], engine: layer1.delta[0, 1]),
            ComparisonRow(quantity: "∂L/∂w⁽¹⁾₁₁", notes: notes.weightGradient1[0][0], engine: layer1.weightGradient[0, 0]),
            ComparisonRow(quantity: "∂L/∂w⁽¹⁾₂₁", notes: notes.weightGradient1[1][0], engine: layer1.weightGradient[1, 0]),
            ComparisonRow(quantity: "更新后的 w⁽¹⁾₁₁", notes: notes.updatedFirstWeight, engine: layer1.updatedWeights[0, 0]),
        ]
    }

    static func notesComparisonTable(_ trace: TrainingStepTrace<Double>, _ notes: NotesMethod) -> Table {
        let columns: [TableColumn<ComparisonRow>] = [
            TableColumn("量") { $0.quantity },
            TableColumn("笔记的算法（重算）", alignment: .right) { tableNumber($0.notes, 5) },
            TableColumn("引擎（正确）", alignment: .right) { tableNumber($0.engine, 5) },
            TableColumn("差", alignment: .right) { tableNumber($0.notes - $0.engine, 4) },
        ]
        return Table(name: "notes-comparison",
                     caption: "笔记 003 的算法（$\\mathbf{z}^{(2)}$ 加错、忽略 ReLU 导数）与引擎逐项对照，学习率 \(plain(houseLearningRate))。",
                     rows: comparisonRows(trace, notes), columns: columns)
    }

    // MARK: - Gradient check

    static func gradientCheck(_ network: Sequential<Double>, input: [Double], target: [Double]) -> GradientCheckReport {
        GradientChecker.check(network, inputs: Matrix([input]), targets: Matrix([target]), loss: .halfSumOfSquaredErrors)
    }

    struct CheckedGradient {
        var network: String
        var parameter: String
        var backpropagated: Double
        var numerical: Double
        var relativeError: Double { GradientChecker.relativeError([backpropagated], [numerical]) }
    }

    /// A few entries per network: (tensor index in `visitParameters` order, flat index, name). Weights are stored
    /// row-major, `W[j, k]` at `j · inputSize + k`.
    static let checkedEntries: [[(tensor: Int, index: Int, name: String)]] = [
        [(0, 0, "w₁ = w⁽¹⁾₁₁"), (0, 3, "w₄ = w⁽¹⁾₂₂"), (1, 0, "b⁽¹⁾₁"), (2, 0, "w₅ = w⁽²⁾₁₁"), (2, 3, "w₈ = w⁽²⁾₂₂"),
         (3, 1, "b⁽²⁾₂")],
        [(0, 0, "w⁽¹⁾₁₁"), (0, 5, "w⁽¹⁾₂₃"), (2, 0, "w⁽²⁾₁₁"), (2, 3, "w⁽²⁾₂₂"), (3, 1, "b⁽²⁾₂"), (4, 1, "w⁽³⁾₁₂"),
         (5, 0, "b⁽³⁾")],
    ]

    static func selectedEntries(_ checks: [(name: String, report: GradientCheckReport)]) -> [CheckedGradient] {
        zip(checks, checkedEntries).flatMap { check, entries in
            entries.map { entry in
                let tensor = check.report.entries[entry.tensor]
                return CheckedGradient(network: check.name, parameter: entry.name,
                                       backpropagated: tensor.analytic[entry.index], numerical: tensor.numeric[entry.index])
            }
        }
    }

    static func gradientCheckTable(_ rows: [CheckedGradient]) -> Table {
        let columns: [TableColumn<CheckedGradient>] = [
            TableColumn("网络") { $0.network },
            TableColumn("参数") { $0.parameter },
            TableColumn("反向传播", alignment: .right) { tableNumber($0.backpropagated, 10) },
            TableColumn("中心差分", alignment: .right) { tableNumber($0.numerical, 10) },
            TableColumn("相对误差", format: .scientific(1)) { $0.relativeError },
        ]
        return Table(name: "gradient-check", caption: "反向传播的梯度与中心差分（$h = 10^{-6}$）的对照。",
                     rows: rows, columns: columns)
    }

    // MARK: - Vanishing gradients

    /// `‖∂L/∂W⁽ˡ⁾‖` (Frobenius) of every layer at initialisation, for each network of ``deepNetworks``.
    static func layerGradientNorms() -> [(name: String, values: [Double])] {
        let data = Dataset<Double>.twoMoons(count: deepSampleCount, noise: 0.1, seed: seed)
        return deepNetworks.map { entry in
            var network = Sequential<Double>.multilayerPerceptron(
                sizes: deepLayerSizes, hiddenActivation: entry.activation, weightInitializer: entry.initializer, seed: seed)
            _ = network.computeGradients(inputs: data.inputs, targets: data.targets, loss: .halfSumOfSquaredErrors)
            var norms: [Double] = []
            network.visitParameters { _, gradient, kind, _ in
                if kind == .weight { norms.append(gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()) }
            }
            return (entry.name, norms)
        }
    }

    static func vanishingSentence(_ gradients: [(name: String, values: [Double])]) -> String {
        let ratios = gradients.map { entry -> String in
            let first = entry.values.first ?? .nan, last = entry.values.last ?? .nan
            let ratio = first / last
            let text = abs(ratio) >= 0.01 ? significant(ratio, 2) : latexScientific(ratio)
            return "\(entry.name)网络第 1 层的梯度范数是最后一层的 $\(text)$ 倍"
        }
        return """
            引擎可以直接验证这一点。@fig:gradient-per-layer 是两个 \(deepLayerSizes.count - 2) 个隐藏层的网络在初始化时\
            每层权重梯度的大小：\(ratios.joined(separator: "，"))。
            """
    }

    // MARK: - Figures

    static func gradientFigure(_ gradients: [(name: String, values: [Double])]) -> Figure {
        Figure.gradientMagnitudes(gradients, x: gradients.first.map { $0.values.indices.map { Double($0 + 1) } },
                                  title: "每层的梯度大小", xLabel: "层 l（1 = 靠近输入）",
                                  yLabel: "‖∂L/∂W^{(l)}‖", width: 820, height: 420)
    }

    /// `networkDiagram` with every weight written on its edge and every bias beside its neuron.
    /// - Parameters:
    ///   - numbersWeights: names the weights w₁, w₂, … in the order of notes 002 (layer by layer, row by row).
    ///   - height: the page height; taller for layers with more neurons.
    static func weightedNetworkFigure(_ network: Sequential<Double>, neuronNames: [[String]], numbersWeights: Bool,
                                      title: String, height: Double) -> Figure {
        let layers = network.denseLayers
        let sizes = [network.inputSize] + layers.map(\.outputSize)
        let hiddenCount = layers.count - 1
        let names = ["输入层"] + (0..<hiddenCount).map { hiddenCount == 1 ? "隐藏层" : "隐藏层 \($0 + 1)" } + ["输出层"]
        var number = 0
        // Weights numbered target by target as in notes 002; networkDiagram takes them in that order.
        let edgeLabels = layers.map { layer in
            (0..<layer.weights.rows).flatMap { target in
                (0..<layer.weights.columns).map { source -> String in
                    number += 1
                    let value = figureNumber(layer.weights[target, source])
                    return numbersWeights ? "w_{\(number)} = \(value)" : value
                }
            }
        }
        let neuronNotes = [[]] + layers.map { layer in
            (0..<layer.outputSize).map { "b = \(figureNumber(layer.bias[$0]))" }
        }
        let figure = Figure.networkDiagram(layerSizes: sizes, layerNames: names, neuronLabels: neuronNames,
                                           neuronNotes: neuronNotes, edgeLabels: edgeLabels,
                                           title: title, width: 820, height: height)
        return figure
    }

    static func activationFigure() -> Figure {
        let panels = [FunctionPanel(.sigmoid, name: "σ(z)", derivativeName: "σ′(z) = σ(z)(1 − σ(z))"),
                      FunctionPanel(.relu, name: "ReLU(z)", derivativeName: "ReLU′(z)")]
        let figure = Figure.functionsWithDerivatives(panels, xRange: -6...6, samples: 1201, layout: .overlaid,
                                                     title: "激活函数及其导数", width: 820, height: 380)
        figure[0, 0].horizontalLine(at: 0.25, label: "1/4", color: Color(gray: 0.45), style: .dashed)
        return figure
    }

    // MARK: - Numbers in prose

    /// Every number in the handout is written through this, in the document's language.
    static let numbers = NumberWriter(language: .chinese)

    /// A value as it is written in the notes, for prose math: up to 10 significant digits, no trailing zeros
    /// (0.05, 1200).
    static func plain(_ value: Double) -> String { numbers.math(value, .general(10)) }

    /// ``plain(_:)`` as text with a true minus sign, for figure labels.
    static func figureNumber(_ value: Double) -> String { numbers.text(value, .general(10)) }

    /// `digits` significant digits as text with a true minus sign, for table cells.
    static func tableNumber(_ value: Double, _ digits: Int) -> String { numbers.text(value, .significant(digits)) }

    /// `digits` significant digits, the precision of the worked examples, for prose math; zero is written 0.
    static func significant(_ value: Double, _ digits: Int = 4) -> String { numbers.math(value, .significant(digits)) }

    /// `m \times 10^{e}` with two significant digits, for prose math.
    static func latexScientific(_ value: Double) -> String { numbers.math(value, .scientific(1)) }
}
