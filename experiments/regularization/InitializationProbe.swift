import ReportKit

/// How far a batch of inputs spreads through a deep tanh network at initialisation, layer by layer, for one
/// rule of drawing the initial weights (notes 001, "参数初始化").
///
/// Near 0, tanh(z) ≈ z, so Var(a⁽ˡ⁾) ≈ n Var(W) Var(a⁽ˡ⁻¹⁾) (the notes' derivation): with n Var(W) = 1 the spread
/// is kept, below 1 it shrinks geometrically, above 1 it grows until tanh saturates at ±1.
struct InitializationProbe: Codable {
    var name: String
    /// The name in the figure's legend, its formula as figure math (`$…$`, set in the handout's math font).
    var figureName: String
    /// The standard deviation of a⁽ˡ⁾ over all samples and units, for l = 0 (the input) … depth.
    var standardDeviations: [Double]
    /// The share of units with |a| > ``Regularization/saturationThreshold``, for l = 1 … depth.
    var saturatedShares: [Double]
    /// n · Var(W) over all drawn weights (n = fan-in): the factor by which each layer multiplies the spread.
    var gain: Double

    /// A rule's weight and bias for a layer with fan-in n, drawn from `generator`.
    typealias Draw = (_ fanIn: Int, _ generator: inout SeededRandomNumberGenerator) -> Double

    /// The four rules compared, all on the same inputs.
    static func all() -> [InitializationProbe] {
        [
            InitializationProbe(name: "$N(0, 1)$", figureName: "$N(0, 1)$", weight: { _, g in g.nextNormal() }),
            InitializationProbe(name: "笔记 001：$U(\\pm 1/\\sqrt{n})$", figureName: "笔记 001：$U(±1/√n)$",
                                weight: { n, g in uniformInverseSquareRoot(n, &g) }, bias: { n, g in uniformInverseSquareRoot(n, &g) }),
            InitializationProbe(name: "Xavier：$N(0, 1/n)$", figureName: "Xavier：$N(0, 1/n)$", weight: { n, g in g.nextNormal() / Double(n).squareRoot() }),
            InitializationProbe(name: "笔记 001 的 Xavier 代码：$2 \\cdot \\mathrm{randn}/\\sqrt{n}$", figureName: "笔记 001 的 Xavier 代码：2·randn/√$n$", weight: { n, g in 2 * g.nextNormal() / Double(n).squareRoot() }),
        ]
    }

    /// U(−1/√n, 1/√n), the notes' `2*rand/sqrt(n) - 1/sqrt(n)`.
    static func uniformInverseSquareRoot(_ fanIn: Int, _ generator: inout SeededRandomNumberGenerator) -> Double {
        let bound = 1 / Double(fanIn).squareRoot()
        return generator.nextUniform(in: -bound, bound)
    }

    /// Draws a ``Regularization/depth``-layer tanh network of width ``Regularization/width`` by the rule and
    /// runs the same inputs through it, recording the spread after every layer.
    init(name: String, figureName: String, weight: Draw, bias: Draw = { _, _ in 0 }) {
        self.name = name
        self.figureName = figureName
        let width = Regularization.width, count = Regularization.probeSampleCount
        var inputGenerator = SeededRandomNumberGenerator(seed: Regularization.seed)
        var activations = Matrix<Double>(rows: count, columns: width,
                                         storage: inputGenerator.samples(count: count * width) { $0.nextNormal() })
        var generator = SeededRandomNumberGenerator(seed: Regularization.seed + 1)
        var weightSquares = 0.0, weightCount = 0.0
        standardDeviations = [Statistics.populationStandardDeviation(activations.storage)]
        saturatedShares = []
        for _ in 0..<Regularization.depth {
            // Element loops run in the optimised library: experiments are compiled without optimisation.
            let weights = generator.samples(count: width * width) { weight(width, &$0) }
            let biases = generator.samples(count: width) { bias(width, &$0) }
            weightSquares += Statistics.sumOfSquares(weights)
            weightCount += Double(weights.count)
            let layer = Dense<Double>(weights: Matrix(rows: width, columns: width, storage: weights), bias: biases, activation: .tanh)
            activations = Sequential<Double>([layer]).predict(activations)
            standardDeviations.append(Statistics.populationStandardDeviation(activations.storage))
            saturatedShares.append(Statistics.share(of: activations.storage, magnitudeAbove: Regularization.saturationThreshold))
        }
        // Every rule draws weights of mean 0, so the mean square is the variance.
        gain = Double(width) * weightSquares / weightCount
    }
}
