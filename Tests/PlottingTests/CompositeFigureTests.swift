import Foundation
import XCTest
import Plotting
import TestSupport

/// Image tests of every composite figure against reviewed references (800 × 500 px, device scale 1).
///
/// Set `PLOTTING_PREVIEW_DIRECTORY` to also write each figure at device scale 2, in grey, as SVG and as PDF
/// there, for review.
final class CompositeFigureTests: XCTestCase {
    /// A seeded normal generator (SplitMix64 + Box–Muller), so the data never changes.
    struct Normal {
        var state: UInt64
        mutating func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        mutating func next() -> Double {
            (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * Double.pi * uniform())
        }
    }

    private func check(_ make: (Theme, Double) -> Figure, named name: String, file: StaticString = #filePath,
                       line: UInt = #line) throws {
        let figure = make(Theme(), 1)
        try ReferenceImage.assertMatches(figure, named: name, file: file, line: line)
        if let directory = ProcessInfo.processInfo.environment["PLOTTING_PREVIEW_DIRECTORY"] {
            let url = URL(fileURLWithPath: directory, isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let sharp = try make(Theme(), 2).rasterize()
            try sharp.pngData().write(to: url.appendingPathComponent(name + ".png"))
            try sharp.grayscale().pngData().write(to: url.appendingPathComponent(name + "-gray.png"))
            try make(Theme(), 2).writeSVG(to: url.appendingPathComponent(name + ".svg"))
            try make(Theme(), 2).writePDF(to: url.appendingPathComponent(name + ".pdf"))
        }
    }

    func testLossCurvesWithBandsAndValidation() throws {
        var normal = Normal(state: 7)
        let epochs = (0..<60).map(Double.init)
        func runs(_ rate: Double, floor: Double) -> [[Double]] {
            (0..<5).map { _ in epochs.map { (1.5 * exp(-rate * $0) + floor) * exp(0.25 * normal.next()) } }
        }
        let sgd = runs(0.05, floor: 0.05)
        let adam = runs(0.15, floor: 0.01)
        try check({ theme, scale in
            Figure.lossCurves([
                LossCurve.meanAndStandardDeviation(name: "SGD train (5 seeds)", x: epochs, runs: sgd, series: "SGD"),
                LossCurve(name: "SGD validation", x: epochs, y: epochs.map { 1.6 * exp(-0.05 * $0) + 0.08 },
                          style: .dashed, series: "SGD"),
                LossCurve.meanAndStandardDeviation(name: "Adam train (5 seeds)", x: epochs, runs: adam, series: "Adam"),
                LossCurve(name: "Adam validation", x: epochs, y: epochs.map { 1.6 * exp(-0.15 * $0) + 0.03 },
                          style: .dashed, series: "Adam"),
            ], title: "损失曲线 Loss curve: mean ± std over 5 seeds", xLabel: "epoch", theme: theme)
            .withScale(scale)
        }, named: "loss-curves")
    }

    func testFunctionsWithDerivatives() throws {
        try check({ theme, scale in
            Figure.functionsWithDerivatives([.sigmoid, .tanh, .relu], title: "激活函数及其导数 Activations and derivatives",
                                            theme: theme).withScale(scale)
        }, named: "activations")
    }

    func testFunctionsOverlaidWithDerivatives() throws {
        let softplus = FunctionPanel(name: "softplus ln(1 + eˣ)", derivativeName: "σ(x)",
                                     function: { log(1 + exp($0)) }, derivative: { 1 / (1 + exp(-$0)) })
        try check({ theme, scale in
            Figure.functionsWithDerivatives([.tanh, softplus], xRange: -4...4, layout: .overlaid, width: 800,
                                            height: 350, theme: theme).withScale(scale)
        }, named: "activations-overlaid")
    }

    func testLinearLossCurvesOfOneRun() throws {
        let steps = (0..<200).map(Double.init)
        var losses = steps.map { 0.7 * exp(-$0 / 40) + 0.05 }
        losses[120] = .nan
        try check({ theme, scale in
            Figure.lossCurves([LossCurve(name: "", x: steps, y: losses)], title: "one run, linear axis, a NaN at step 120",
                              logarithmic: false, theme: theme).withScale(scale)
        }, named: "loss-curve-linear")
    }

    func testSigmoidFamily() throws {
        try check({ theme, scale in
            Figure.sigmoidFamily([(1, 0), (5, 0), (1, 2), (5, -5), (-2, 0)], theme: theme).withScale(scale)
        }, named: "sigmoid-family")
    }

    func testOptimizerTrajectories() throws {
        let paths = CompositeFigureTests.rosenbrockPaths()
        try check({ theme, scale in
            Figure.optimizerTrajectories(paths, over: CompositeFigureTests.rosenbrock, xRange: -2...2, yRange: -1...3,
                                         minimum: [1, 1], minimumLabel: "minimum (1, 1)", gridSize: 200,
                                         title: "Rosenbrock: 优化器轨迹 optimizer paths", theme: theme).withScale(scale)
        }, named: "trajectories")
    }

    func testOptimizerTrajectoriesInSeparateFilledPanels() throws {
        let paths = CompositeFigureTests.rosenbrockPaths()
        try check({ theme, scale in
            Figure.optimizerTrajectories(paths, over: CompositeFigureTests.rosenbrock, xRange: -2...2, yRange: -1...3,
                                         minimum: [1, 1], levels: .logarithmic(count: 15), filled: true,
                                         gridSize: 150, separatePanels: true, title: "One panel per optimizer",
                                         theme: theme).withScale(scale)
        }, named: "trajectories-panels")
    }

    func testLossSurfaceWithPath() throws {
        let function: (Double, Double) -> Double = { x, y in 0.5 * x * x + 2 * y * y + 0.3 * sin(3 * x) }
        var point = SIMD2(-1.8, 1.6)
        var points = [point]
        for _ in 0..<40 {
            point = SIMD2(point.x - 0.15 * (point.x + 0.9 * cos(3 * point.x)), point.y - 0.15 * 4 * point.y)
            points.append(point)
        }
        try check({ theme, scale in
            Figure.lossSurface(over: function, xRange: -2...2, yRange: -2...2,
                               path: Trajectory(name: "gradient descent", points: points),
                               title: "损失曲面 Loss surface with a descent path", theme: theme).withScale(scale)
        }, named: "loss-surface")
    }

    func testDecisionBoundaries() throws {
        var normal = Normal(state: 3)
        var points: [SIMD2<Double>] = []
        var labels: [Double] = []
        for index in 0..<160 {
            let angle = Double.pi * normal.uniform()
            let upper = index % 2 == 0
            let x = upper ? cos(angle) : 1 - cos(angle)
            let y = upper ? sin(angle) : 0.5 - sin(angle)
            points.append(SIMD2(x + 0.12 * normal.next(), y + 0.12 * normal.next()))
            labels.append(upper ? 0 : 1)
        }
        func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
        try check({ theme, scale in
            Figure.decisionBoundaries([
                .init(title: "欠拟合 under-fitting (linear)") { x, y in sigmoid(2.5 * x - 5 * y + 0.8) },
                .init(title: "good fit") { x, y in sigmoid(-6 * (y - 0.25 - 0.9 * cos(2.2 * (x - 0.5)) + 0.6)) },
            ], points: points, labels: labels, xRange: -1.5...2.5, yRange: -1...1.5,
               title: "Decision boundaries on two moons", theme: theme).withScale(scale)
        }, named: "decision-boundaries")
    }

    func testGradientMagnitudes() throws {
        let layers = (1...5).map { layer in
            (name: "layer \(layer)", values: (1...40).map { epoch in
                pow(0.25, Double(5 - layer)) * (0.6 + 0.4 * exp(-Double(epoch) / 10))
            })
        }
        try check({ theme, scale in
            Figure.gradientMagnitudes(layers, title: "梯度消失 Vanishing gradients (sigmoid, 5 layers)", theme: theme)
                .withScale(scale)
        }, named: "gradient-magnitudes")
    }

    func testNetworkDiagram() throws {
        try check({ theme, scale in
            Figure.networkDiagram(layerSizes: [2, 5, 12, 1], layerNames: ["输入 input", "hidden 1", "hidden 2", "output"],
                                  neuronLabels: [["x₁", "x₂"], [], [], ["ŷ"]], title: "MLP 2-5-12-1", theme: theme)
                .withScale(scale)
        }, named: "network-diagram")
    }

    /// Weights w₁…w₆ on the edges of a 2-2-1 network, numbered target by target as the rows of W, and biases
    /// above the upper and below the lower neurons.
    func testNetworkDiagramWithEdgeLabels() throws {
        try check({ theme, scale in
            Figure.networkDiagram(layerSizes: [2, 2, 1], layerNames: ["input", "hidden", "output"],
                                  neuronLabels: [["x₁", "x₂"], ["h₁", "h₂"], ["ŷ"]],
                                  neuronNotes: [[], ["b = 0.35", "b = −0.1"], ["b = 0.6"]],
                                  edgeLabels: [["w_{1}", "w_{2}", "w_{3}", "w_{4}"], ["w_{5}", "w_{6}"]],
                                  title: "2-2-1 with weights", width: 600, height: 300, theme: theme)
                .withScale(scale)
        }, named: "network-diagram-edge-labels")
    }

    func testHeatmapBarsAndAnnotations() throws {
        try check({ theme, scale in
            let figure = Figure(columns: 2, deviceScale: scale, theme: theme)
            let grid = ScalarGrid(xRange: 0...9, yRange: 0...9, columns: 10, rows: 10) { x, y in
                exp(-((x - 3) * (x - 3) + (y - 6) * (y - 6)) / 8) * 1e-3
            }
            figure[0, 0].heatmap(grid, colorBarLabel: "activation")
            figure[0, 0].title = "heat map, ×10⁻³ values"
            let axes = figure[0, 1]
            axes.bar([0, 1, 2, 3], [0.82, 0.91, 0.87, 0.95], label: "accuracy")
            axes.categoryLabels(["SGD", "Momentum", "RMSProp", "Adam"])
            axes.horizontalLine(at: 0.9, label: "target 0.9", color: Color(gray: 0.3), style: .dashed)
            axes.annotate("best", pointingAtX: 3, y: 0.95, textX: 2.1, textY: 1.02)
            axes.text("σ′(x) = σ(x)(1 − σ(x))", x: 0.03, y: 0.05, coordinates: .axesFraction, boxed: true)
            axes.yLimits = 0...1.1
            axes.title = "bars, annotation, reference line"
            axes.legend(location: .lowerRight)
            return figure
        }, named: "heatmap-bars")
    }

    /// Huge x and tiny y values: both axes label mantissas and show one ×10^k factor; the y label is Chinese.
    func testScientificMultipliersAndRotatedChineseLabel() throws {
        try check({ theme, scale in
            let figure = Figure(width: 800, height: 400, deviceScale: scale, theme: theme)
            let x = (0...50).map { Double($0) * 2e5 }
            figure.axes.plot(x, x.map { 3e-5 * exp(-$0 / 3e6) }, label: "学习率 learning rate η")
            figure.axes.plot(x, x.map { 1e-5 + 1e-5 * sin($0 / 1e6) }, label: "−1 × noise", style: .dashed)
            figure.axes.xLabel = "step"
            figure.axes.yLabel = "学习率 η"
            figure.axes.title = "×10^k multipliers, true minus −1"
            figure.axes.legend()
            return figure
        }, named: "multipliers")
    }

    static func rosenbrock(_ x: Double, _ y: Double) -> Double { (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }

    /// Plain gradient descent and heavy-ball momentum from (−1.5, 2), plus a diverging path that leaves the plot.
    static func rosenbrockPaths() -> [Trajectory] {
        func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
            (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))
        }
        var descent = [(x: -1.5, y: 2.0)]
        var momentum = [(x: -1.5, y: 2.0)]
        var velocity = (0.0, 0.0)
        var diverging = [(x: -1.5, y: 2.0)]
        for _ in 0..<300 {
            let p = descent.last!
            let g = gradient(p.x, p.y)
            descent.append((p.x - 1e-3 * g.0, p.y - 1e-3 * g.1))
            let q = momentum.last!
            let h = gradient(q.x, q.y)
            velocity = (0.9 * velocity.0 + h.0, 0.9 * velocity.1 + h.1)
            momentum.append((q.x - 2e-4 * velocity.0, q.y - 2e-4 * velocity.1))
            let r = diverging.last!
            if r.x.isFinite && abs(r.x) < 1e6 {
                let k = gradient(r.x, r.y)
                diverging.append((r.x - 3e-3 * k.0, r.y - 3e-3 * k.1))
            } else {
                diverging.append((.nan, .nan))
            }
        }
        func points(_ path: [(x: Double, y: Double)]) -> [SIMD2<Double>] { path.map { SIMD2($0.x, $0.y) } }
        return [Trajectory(name: "SGD", points: points(descent)), Trajectory(name: "Momentum", points: points(momentum)),
                Trajectory(name: "SGD, lr too large", points: points(diverging))]
    }
}

extension Figure {
    /// The same figure at another device scale (composites are made at the default scale 2).
    func withScale(_ scale: Double) -> Figure {
        deviceScale = scale
        return self
    }
}
