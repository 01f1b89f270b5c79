import Foundation

/// The numbers of one traced training step and how to present them; see ``WorkedExample``.
struct WorkedExampleContent {
    /// The losses the presentation knows the formula of.
    enum LossForm {
        case halfSumOfSquaredErrors
        case meanSquaredError
        case binaryCrossEntropyWithLogits
        case softmaxCrossEntropy
    }

    /// An activation function as it is written in formulas.
    enum ActivationForm: Equatable {
        case identity
        case sigmoid
        case tanh
        case relu
        case other(String)

        var tex: String {
            switch self {
            case .identity: return "\\operatorname{id}"
            case .sigmoid: return "\\sigma"
            case .tanh: return "\\tanh"
            case .relu: return "\\operatorname{ReLU}"
            case .other(let name): return "\\operatorname{\(name.filter { $0.isLetter })}"
            }
        }
    }

    /// One layer's values; vectors hold one entry per unit.
    struct Layer {
        var activation: ActivationForm
        var weights: [[Double]]
        var bias: [Double]
        var preactivation: [Double]
        var activationValue: [Double]
        var delta: [Double]
        var weightGradient: [[Double]]
        var biasGradient: [Double]
        var updatedWeights: [[Double]]
        var updatedBias: [Double]
    }

    var input: [Double]
    var target: [Double]
    var loss: LossForm
    var lossValue: Double
    var lossAfterStep: Double
    var learningRate: Double
    var updatesBiases: Bool
    var precision: WorkedExample.Precision
    var layers: [Layer]

    // MARK: - TeX

    /// A number in the example's precision, as TeX; a value that rounds to zero is written without a sign.
    ///
    /// With significant digits, a value that the digits shown represent exactly (to within single precision,
    /// so that a `Float` network's 0.05 counts) loses its trailing zeros: inputs, targets and hand-set weights
    /// read `3`, `10`, `0.01`, `0.05` rather than `3.000`, `10.00`, `0.01000`, `0.05000`, while a computed
    /// value keeps all its digits (`-0.03810`), since there the zeros are significant.
    func number(_ value: Double) -> String {
        switch precision {
        case .decimals(let decimals):
            return Self.fixed(value, decimals: max(0, decimals))
        case .significantDigits(let digits):
            let digits = max(1, digits)
            guard value != 0, value.isFinite else {
                return value == 0 ? "0" : Self.fixed(value, decimals: digits - 1)
            }
            // The exponent of the value rounded to `digits` digits, which `%e` carries (9.99996 → 1.000e+01).
            let scientific = String(format: "%.\(digits - 1)e", value)
            let exponent = scientific.split(separator: "e").last.flatMap { Int($0) } ?? 0
            if exponent < -4 {
                let scale = pow(10, Double(exponent))
                let mantissa = Self.fixed(value / scale, decimals: digits - 1)
                let exact = Self.isExact(mantissa, value: value, scale: scale)
                return (exact ? Self.trimmingZeros(mantissa) : mantissa) + " \\times 10^{\(exponent)}"
            }
            let text = Self.fixed(value, decimals: max(0, digits - 1 - exponent))
            return Self.isExact(text, value: value, scale: 1) ? Self.trimmingZeros(text) : text
        }
    }

    /// Whether `text` × `scale` is `value` to within one `Float` ulp (relative 2⁻²³).
    private static func isExact(_ text: String, value: Double, scale: Double) -> Bool {
        guard let shown = Double(text) else { return false }
        return abs(shown * scale - value) <= abs(value) * Double(Float.ulpOfOne)
    }

    /// `0.05000` → `0.05`, `10.00` → `10`; text without a decimal point is left alone.
    private static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return String(trimmed)
    }

    private static func fixed(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return Double(text) == 0 ? String(format: "%.\(decimals)f", 0.0) : text
    }

    private typealias Expression = DisplayEquation.Expression

    private func column(_ values: [Double]) -> Expression {
        .matrix(values.map { [number($0)] })
    }

    private func matrix(_ rows: [[Double]]) -> Expression {
        .matrix(rows.map { $0.map(number) })
    }

    private func plain(_ value: Double) -> String {
        var text = String(format: "%.10g", value)
        if text.contains("e") { text = number(value) }
        return text
    }

    /// A component `name⁽ˡ⁾_j` in formulas over components.
    private func symbol(_ name: String, _ layer: Int) -> String { "\(name)^{(\(layer))}" }

    /// A whole vector, bold: `𝐚⁽ˡ⁾`.
    private func vector(_ name: String, _ layer: Int) -> String { "\\mathbf{\(name)}^{(\(layer))}" }

    /// The loss of one sample.
    private var lossTeX: String {
        let output = symbol("a", layers.count)
        let logits = symbol("z", layers.count)
        switch loss {
        case .halfSumOfSquaredErrors:
            return "L = \\frac{1}{2} \\sum_{j} \\left( \(output)_j - y_j \\right)^2"
        case .meanSquaredError:
            return "L = \\frac{1}{k} \\sum_{j} \\left( \(output)_j - y_j \\right)^2"
        case .binaryCrossEntropyWithLogits:
            return "L = -\\frac{1}{k} \\sum_{j} \\left[ y_j \\log \\sigma(\(logits)_j) + (1 - y_j) \\log \\left( 1 - \\sigma(\(logits)_j) \\right) \\right]"
        case .softmaxCrossEntropy:
            return "L = -\\sum_{j} y_j \\log \\operatorname{softmax}(\(vector("z", layers.count)))_j"
        }
    }

    /// δ of the output layer, ∂L/∂z⁽ᴸ⁾, for this loss.
    private var outputDeltaTeX: String {
        let last = layers.count
        let difference = "\\left( \(vector("a", last)) - \\mathbf{y} \\right)"
        let derivative = "\(layers[last - 1].activation.tex)'\\left( \(vector("z", last)) \\right)"
        switch loss {
        case .halfSumOfSquaredErrors:
            return "\(difference) \\odot \(derivative)"
        case .meanSquaredError:
            return "\\frac{2}{k} \(difference) \\odot \(derivative)"
        case .binaryCrossEntropyWithLogits:
            return "\\frac{1}{k} \\left( \\sigma(\(vector("z", last))) - \\mathbf{y} \\right)"
        case .softmaxCrossEntropy:
            return "\\operatorname{softmax}(\(vector("z", last))) - \\mathbf{y}"
        }
    }

    // MARK: - Blocks

    private struct Words {
        let language: DocumentLanguage
        var chinese: Bool { language == .chinese }
        var formulas: String { chinese ? "**所用公式。**" : "**Formulas used.**" }
        var forward: String { chinese ? "**前向传播。**" : "**Forward pass.**" }
        var lossTitle: String { chinese ? "**损失。**" : "**Loss.**" }
        var backward: String { chinese ? "**反向传播。**" : "**Backward pass.**" }
        var update: String { chinese ? "**参数更新。**" : "**Update.**" }
        func setup(sizes: String, rate: String, biases: Bool) -> String {
            if chinese {
                return "网络结构 \(sizes)，输入 $\\mathbf{x}$，目标 $\\mathbf{y}$，学习率 $\\alpha = \(rate)$"
                    + (biases ? "，权重和偏置都更新。" : "，只更新权重，偏置保持不变。")
            }
            return "A \(sizes) network, input $\\mathbf{x}$, target $\\mathbf{y}$, learning rate $\\alpha = \(rate)$; "
                + (biases ? "weights and biases are updated." : "only the weights are updated, the biases stay fixed.")
        }
        /// The sentence after the update; the verb follows the two losses, since a step that is too large
        /// makes the loss rise.
        func lossAfter(_ value: String, before: Double, after: Double) -> String {
            let verb = after < before ? (chinese ? "降为" : "drops to")
                : after > before ? (chinese ? "升为" : "rises to") : (chinese ? "保持为" : "stays at")
            return chinese ? "更新后，同一样本的损失\(verb) $L = \(value)$。"
                : "After the step, the loss on the same sample \(verb) $L = \(value)$."
        }
        var biasesFixed: String { chinese ? "（偏置不更新）" : "(biases held fixed)" }
    }

    /// The example as prose blocks of display formulas.
    func nodes(language: DocumentLanguage) -> [DocumentNode] {
        let words = Words(language: language)
        let count = layers.count
        let sizes = ([input.count] + layers.map(\.preactivation.count)).map(String.init).joined(separator: "–")
        var blocks: [String] = []

        blocks.append(words.setup(sizes: sizes, rate: plain(learningRate), biases: updatesBiases))
        blocks.append(words.formulas + "\n\n" + display([
            "\\mathbf{z}^{(l)} = \\mathbf{W}^{(l)} \\mathbf{a}^{(l-1)} + \\mathbf{b}^{(l)}, \\quad "
                + "\\mathbf{a}^{(l)} = f\\left( \\mathbf{z}^{(l)} \\right), \\quad \\mathbf{a}^{(0)} = \\mathbf{x}",
            lossTeX,
            "\\boldsymbol{\\delta}^{(L)} = \\frac{\\partial L}{\\partial \\mathbf{z}^{(L)}}, \\quad "
                + "\\boldsymbol{\\delta}^{(l)} = \\left( \\mathbf{W}^{(l+1)\\top} \\boldsymbol{\\delta}^{(l+1)} \\right) "
                + "\\odot f'\\left( \\mathbf{z}^{(l)} \\right)",
            "\\frac{\\partial L}{\\partial \\mathbf{W}^{(l)}} = \\boldsymbol{\\delta}^{(l)} \\mathbf{a}^{(l-1)\\top}, \\quad "
                + "\\frac{\\partial L}{\\partial \\mathbf{b}^{(l)}} = \\boldsymbol{\\delta}^{(l)}",
            "\\mathbf{W}^{(l)} \\leftarrow \\mathbf{W}^{(l)} - \\alpha \\frac{\\partial L}{\\partial \\mathbf{W}^{(l)}}, \\quad "
                + "\\mathbf{b}^{(l)} \\leftarrow \\mathbf{b}^{(l)} - \\alpha \\frac{\\partial L}{\\partial \\mathbf{b}^{(l)}}",
        ]))

        let rate = Expression(plain(learningRate))
        var forward = [DisplayEquation(chains: [
            .init(left: Expression("\\mathbf{x}"), steps: [("=", Expression("\\mathbf{a}^{(0)}")), ("=", column(input))]),
            .init(left: Expression("\\mathbf{y}"), steps: [("=", column(target))]),
        ])]
        var previous = input
        for (index, layer) in layers.enumerated() {
            let l = index + 1
            forward.append(DisplayEquation(chains: [.init(left: Expression("\\mathbf{z}^{(\(l))}"), steps: [
                ("=", Expression("\\mathbf{W}^{(\(l))} \\mathbf{a}^{(\(l - 1))} + \\mathbf{b}^{(\(l))}")),
                ("=", matrix(layer.weights) + column(previous) + Expression("+") + column(layer.bias)),
                ("=", column(layer.preactivation)),
            ])]))
            forward.append(DisplayEquation(chains: [.init(left: Expression("\\mathbf{a}^{(\(l))}"), steps: [
                ("=", Expression("\(layer.activation.tex)\\left( \\mathbf{z}^{(\(l))} \\right)")),
                ("=", column(layer.activationValue)),
            ])]))
            previous = layer.activationValue
        }
        blocks.append(words.forward + "\n\n" + display(forward.map(\.tex)))

        blocks.append(words.lossTitle + "\n\n" + display(["\(lossTeX) = \(number(lossValue))"]))

        var backward: [DisplayEquation] = []
        for index in stride(from: count - 1, through: 0, by: -1) {
            let l = index + 1
            let layer = layers[index]
            let delta = Expression("\\boldsymbol{\\delta}^{(\(l))}")
            let deltaFormula = l == count ? Expression(outputDeltaTeX)
                : Expression("\\left( \\mathbf{W}^{(\(l + 1))\\top} \\boldsymbol{\\delta}^{(\(l + 1))} \\right) "
                    + "\\odot \(layer.activation.tex)'\\left( \\mathbf{z}^{(\(l))} \\right)")
            backward.append(DisplayEquation(chains: [.init(left: delta, steps: [
                ("=", deltaFormula), ("=", column(layer.delta)),
            ])]))
            backward.append(DisplayEquation(chains: [
                .init(left: Expression("\\frac{\\partial L}{\\partial \\mathbf{W}^{(\(l))}}"), steps: [
                    ("=", Expression("\\boldsymbol{\\delta}^{(\(l))} \\mathbf{a}^{(\(l - 1))\\top}")),
                    ("=", matrix(layer.weightGradient)),
                ]),
                .init(left: Expression("\\frac{\\partial L}{\\partial \\mathbf{b}^{(\(l))}}"), steps: [
                    ("=", column(layer.biasGradient)),
                ]),
            ]))
        }
        blocks.append(words.backward + "\n\n" + display(backward.map(\.tex)))

        var update: [DisplayEquation] = []
        for (index, layer) in layers.enumerated() {
            let l = index + 1
            update.append(DisplayEquation(chains: [.init(left: Expression("\\mathbf{W}^{(\(l))}"), steps: [
                ("\\leftarrow", matrix(layer.weights) + Expression("-") + rate + matrix(layer.weightGradient)),
                ("=", matrix(layer.updatedWeights)),
            ])]))
            if updatesBiases {
                update.append(DisplayEquation(chains: [.init(left: Expression("\\mathbf{b}^{(\(l))}"), steps: [
                    ("\\leftarrow", column(layer.bias) + Expression("-") + rate + column(layer.biasGradient)),
                    ("=", column(layer.updatedBias)),
                ])]))
            }
        }
        blocks.append(words.update + (updatesBiases ? "" : " " + words.biasesFixed) + "\n\n" + display(update.map(\.tex))
            + "\n\n" + words.lossAfter(number(lossAfterStep), before: lossValue, after: lossAfterStep))

        return blocks.map { Prose($0).documentNode }
    }

    /// Display formulas, one per line block.
    private func display(_ formulas: [String]) -> String {
        formulas.map { "$$\n\($0)\n$$" }.joined(separator: "\n\n")
    }
}
