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

        // The text is handout.md; here only what the run computed, by name (the file places each).
        return Document(markdown: "handout.md", language: numbers.language, seed: seed) {
            FigureBlock(name: "network-2-2-2",
                        weightedNetworkFigure(exampleNetwork, neuronNames: [["$i_1$", "$i_2$"], ["$h_1$", "$h_2$"], ["$o_1$", "$o_2$"]],
                                              numbersWeights: true, title: "2–2–2 网络及其初始参数", height: 400))
            Part("step-2-2-2") {
                WorkedExample(network: exampleNetwork, input: exampleInput, target: exampleTarget,
                              learningRate: exampleLearningRate)
            }
            FigureBlock(name: "network-3-2-2-1",
                        weightedNetworkFigure(houseNetwork,
                                              neuronNames: [["$x_1$", "$x_2$", "$x_3$"], ["$h_1$", "$h_2$"], ["$g_1$", "$g_2$"], ["$ŷ$"]],
                                              numbersWeights: false, title: "3–2–2–1 房价网络及其初始参数", height: 480))
            Part("step-3-2-2-1") {
                WorkedExample(network: houseNetwork, input: houseInput, target: houseTarget,
                              learningRate: houseLearningRate)
            }
            notesComparisonTable(house, notesMethod)
            gradientCheckTable(selectedEntries(checks))
            FigureBlock(name: "sigmoid-derivative", activationFigure())
            FigureBlock(name: "gradient-per-layer", gradientFigure(deepGradients))
            Snippet("network-002")
            Snippet("network-003")
            Snippet("deep-networks")
            exampleValues(example)
            houseValues(house, notesMethod)
            gradientCheckValues(checks)
            vanishingValues(deepGradients)
        }
    }

    // MARK: - Values the handout quotes

    /// Worked numbers have 4 significant digits, the precision of the notes; given constants are written as typed.
    static let worked = NumberFormat.significant(4)

    static func exampleValues(_ trace: TrainingStepTrace<Double>) -> Group {
        let hidden = trace.layers[0], output = trace.layers[1]
        return Group {
            Value("input-1", exampleInput[0], format: .shortest)
            Value("input-2", exampleInput[1], format: .shortest)
            Value("target-1", exampleTarget[0], format: .shortest)
            Value("target-2", exampleTarget[1], format: .shortest)
            Value("learning-rate", exampleLearningRate, format: .shortest)
            Value("o1", output.activation[0, 0], format: worked)
            Value("delta2-1", output.delta[0, 0], format: worked)
            Value("delta1-1", hidden.delta[0, 0], format: worked)
            Value("h1", hidden.activation[0, 0], format: worked)
            Value("gradient-w5", output.weightGradient[0, 0], format: worked)
            Value("w5", output.weights[0, 0], format: .shortest)
            Value("updated-w5", output.updatedWeights[0, 0], format: worked)
            Value("updated-bias-1", hidden.updatedBias[0], format: worked)
            Value("updated-bias-2", hidden.updatedBias[1], format: worked)
            Value("loss", trace.loss, format: worked)
            Value("loss-after-step", trace.lossAfterStep, format: worked)
        }
    }

    static func houseValues(_ trace: TrainingStepTrace<Double>, _ notes: NotesMethod) -> Group {
        let layer1 = trace.layers[0], layer2 = trace.layers[1], layer3 = trace.layers[2]
        let z3 = layer3.preactivation[0, 0]
        let grew = trace.lossAfterStep > trace.loss
        return Group {
            Value("house-area", houseInput[0], format: .shortest)
            Value("house-bedrooms", houseInput[1], format: .shortest)
            Value("house-age", houseInput[2], format: .shortest)
            Value("house-target", houseTarget[0], format: .shortest)
            Value("house-learning-rate", houseLearningRate, format: .shortest)
            Value("house-z2-1", layer2.preactivation[0, 0], format: .significant(5))
            Value("house-z2-2", layer2.preactivation[0, 1], format: worked)
            Value("notes-z2-1", notesMisaddedPreactivation[0], format: .shortest)
            Value("notes-z2-2", notesMisaddedPreactivation[1], format: .shortest)
            Value("house-output", layer3.activation[0, 0], format: worked)
            Value("notes-output", notes.output, format: worked)
            Value("house-loss", trace.loss, format: worked)
            Value("notes-printed-loss", notesPrintedLoss, format: .shortest)
            Value("notes-loss", notes.loss, format: worked)
            Value("house-delta2-1", layer2.delta[0, 0], format: worked)
            Value("house-delta2-2", layer2.delta[0, 1], format: worked)
            Value("notes-delta2-1", notes.delta2[0], format: worked)
            Value("notes-delta2-2", notes.delta2[1], format: worked)
            Value("notes-delta1-1", notes.delta1[0], format: worked)
            Value("notes-delta1-2", notes.delta1[1], format: worked)
            Value("house-delta1-1", layer1.delta[0, 0], format: worked)
            Value("house-delta1-2", layer1.delta[0, 1], format: worked)
            Value("first-layer-consequence", firstLayerConsequence(notes.delta1, layer1.delta.row(0)))
            // The notes take a⁽³⁾ = z⁽³⁾; the sign of z⁽³⁾ decides whether that is harmless.
            Value("output-relu-verdict", z3 > 0 ? "这一步恰好无害" : "这一步并非无害")
            Value("house-z3", z3, format: worked)
            Value("house-z3-sign", z3 > 0 ? "> 0" : #"\le 0"#)
            Value("house-z3-derivative", z3 > 0 ? 1 : 0)
            Value("first-layer-activity", layer1.preactivation.row(0).allSatisfy { $0 > 0 }
                ? #"$\mathbf{z}^{(1)}$ 的两个分量都为正，导数都是 1"#
                : #"$\mathbf{z}^{(1)}$ 有非正分量，导数不全为 1"#)
            Value("loss-change", grew ? "变成了" : "降到")
            Value("house-loss-after-step", trace.lossAfterStep, format: worked)
            Value("house-gradient-w11", layer1.weightGradient[0, 0], format: worked)
            Value("house-w11", layer1.weights[0, 0], format: .shortest)
            Value("house-updated-w11", layer1.updatedWeights[0, 0], format: worked)
            Value("step-verdict", grew ? "步子太大，越过了最低点。输入归一化或更小的学习率都能避免这一点（见@sec:vanishing）。" : "损失下降。")
        }
    }

    /// What the wrong δ⁽¹⁾ does to the gradient of W⁽¹⁾, row by row (each row is δ⁽¹⁾ⱼ xᵀ).
    static func firstLayerConsequence(_ notes: [Double], _ engine: [Double]) -> String {
        zip(notes, engine).enumerated().map { row, pair -> String in
            let (notesDelta, engineDelta) = pair
            if notesDelta == 0 { return "第 \(row + 1) 行被算成了 0" }
            return "第 \(row + 1) 行约为正确值的 \(numbers.text(notesDelta / engineDelta, .fixed(1))) 倍"
        }.joined(separator: "，")
    }

    static func gradientCheckValues(_ checks: [(name: String, report: GradientCheckReport)]) -> Group {
        Group {
            Value("parameter-count", exampleNetwork.parameterCount + houseNetwork.parameterCount)
            Value("worst-relative-error", checks.map { $0.report.maximumRelativeError }.max() ?? .nan,
                  format: .scientific(1))
        }
    }

    static func vanishingValues(_ gradients: [(name: String, values: [Double])]) -> Group {
        Group {
            Value("deep-hidden-layer-count", deepLayerSizes.count - 2)
            Value("deep-layer-sizes", deepLayerSizes.map(String.init).joined(separator: "–"))
            Value("deep-sample-count", deepSampleCount)
            for (index, entry) in gradients.enumerated() {
                Value("deep-network-\(index + 1)", entry.name)
                Value("deep-ratio-\(index + 1)", gradientRatio(entry.values), format: gradientRatioFormat(entry.values))
            }
        }
    }

    /// How much smaller the first layer's gradient is than the last one's.
    static func gradientRatio(_ norms: [Double]) -> Double {
        (norms.first ?? .nan) / (norms.last ?? .nan)
    }

    /// Two significant digits; in powers of ten once the ratio is below 1/100.
    static func gradientRatioFormat(_ norms: [Double]) -> NumberFormat {
        abs(gradientRatio(norms)) >= 0.01 ? .significant(2) : .scientific(1)
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
            ComparisonRow(quantity: "$z^{(2)}_1$", notes: notesMisaddedPreactivation[0], engine: layer2.preactivation[0, 0]),
            ComparisonRow(quantity: "$z^{(2)}_2$", notes: notesMisaddedPreactivation[1], engine: layer2.preactivation[0, 1]),
            ComparisonRow(quantity: "$a^{(3)}$（预测价格）", notes: notes.output, engine: layer3.activation[0, 0]),
            ComparisonRow(quantity: "损失 $L$", notes: notes.loss, engine: trace.loss),
            ComparisonRow(quantity: "$\\delta^{(3)}$", notes: notes.delta3, engine: layer3.delta[0, 0]),
            ComparisonRow(quantity: "$\\delta^{(2)}_1$", notes: notes.delta2[0], engine: layer2.delta[0, 0]),
            ComparisonRow(quantity: "$\\delta^{(2)}_2$", notes: notes.delta2[1], engine: layer2.delta[0, 1]),
            ComparisonRow(quantity: "$\\partial L/\\partial w^{(2)}_{11}$", notes: notes.weightGradient2[0][0], engine: layer2.weightGradient[0, 0]),
            ComparisonRow(quantity: "$\\partial L/\\partial w^{(2)}_{22}$", notes: notes.weightGradient2[1][1], engine: layer2.weightGradient[1, 1]),
            ComparisonRow(quantity: "$\\delta^{(1)}_1$", notes: notes.delta1[0], engine: layer1.delta[0, 0]),
            ComparisonRow(quantity: "$\\delta^{(1)}_2$", notes: notes.delta1[1], engine: layer1.delta[0, 1]),
            ComparisonRow(quantity: "$\\partial L/\\partial w^{(1)}_{11}$", notes: notes.weightGradient1[0][0], engine: layer1.weightGradient[0, 0]),
            ComparisonRow(quantity: "$\\partial L/\\partial w^{(1)}_{21}$", notes: notes.weightGradient1[1][0], engine: layer1.weightGradient[1, 0]),
            ComparisonRow(quantity: "更新后的 $w^{(1)}_{11}$", notes: notes.updatedFirstWeight, engine: layer1.updatedWeights[0, 0]),
        ]
    }

    static func notesComparisonTable(_ trace: TrainingStepTrace<Double>, _ notes: NotesMethod) -> Table {
        let columns: [TableColumn<ComparisonRow>] = [
            TableColumn("量") { $0.quantity },
            TableColumn("笔记的算法（重算）", format: .significant(5)) { $0.notes },
            TableColumn("引擎（正确）", format: .significant(5)) { $0.engine },
            TableColumn("差", format: .significant(4)) { $0.notes - $0.engine },
        ]
        return Table(name: "notes-comparison", rows: comparisonRows(trace, notes), columns: columns)
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
        [(0, 0, "$w_1 = w^{(1)}_{11}$"), (0, 3, "$w_4 = w^{(1)}_{22}$"), (1, 0, "$b^{(1)}_1$"), (2, 0, "$w_5 = w^{(2)}_{11}$"), (2, 3, "$w_8 = w^{(2)}_{22}$"),
         (3, 1, "$b^{(2)}_2$")],
        [(0, 0, "$w^{(1)}_{11}$"), (0, 5, "$w^{(1)}_{23}$"), (2, 0, "$w^{(2)}_{11}$"), (2, 3, "$w^{(2)}_{22}$"), (3, 1, "$b^{(2)}_2$"), (4, 1, "$w^{(3)}_{12}$"),
         (5, 0, "$b^{(3)}$")],
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
            TableColumn("反向传播", format: .significant(10)) { $0.backpropagated },
            TableColumn("中心差分", format: .significant(10)) { $0.numerical },
            TableColumn("相对误差", format: .scientific(1)) { $0.relativeError },
        ]
        return Table(name: "gradient-check", rows: rows, columns: columns)
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

    // MARK: - Figures

    static func gradientFigure(_ gradients: [(name: String, values: [Double])]) -> Figure {
        Figure.gradientMagnitudes(gradients, x: gradients.first.map { $0.values.indices.map { Double($0 + 1) } },
                                  title: "每层的梯度大小", xLabel: "层 $l$（1 = 靠近输入）",
                                  yLabel: "$‖∂L/∂W^{(l)}‖$", width: 820, height: 420)
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
                    let value = numbers.text(layer.weights[target, source], .general(10))
                    return numbersWeights ? "$w_{\(number)} = \(value)$" : "$\(value)$"
                }
            }
        }
        let neuronNotes = [[]] + layers.map { layer in
            (0..<layer.outputSize).map { "$b = \(numbers.text(layer.bias[$0], .general(10)))$" }
        }
        let figure = Figure.networkDiagram(layerSizes: sizes, layerNames: names, neuronLabels: neuronNames,
                                           neuronNotes: neuronNotes, edgeLabels: edgeLabels,
                                           title: title, width: 820, height: height)
        return figure
    }

    static func activationFigure() -> Figure {
        let panels = [FunctionPanel(.sigmoid, name: "$σ(z)$", derivativeName: "$σ′(z) = σ(z)(1 − σ(z))$"),
                      FunctionPanel(.relu, name: "$ReLU(z)$", derivativeName: "$ReLU′(z)$")]
        let figure = Figure.functionsWithDerivatives(panels, xRange: -6...6, samples: 1201, layout: .overlaid,
                                                     title: "激活函数及其导数", width: 820, height: 380)
        figure[0, 0].horizontalLine(at: 0.25, label: "$1/4$", color: Color(gray: 0.45), style: .dashed)
        return figure
    }

    // MARK: - Numbers

    /// Numbers outside the Markdown's values (figure labels, a sentence made here) are written through this.
    static let numbers = NumberWriter(language: .chinese)
}
