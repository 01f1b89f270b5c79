// Renders the three peer figures of the benchmark notes (loss curves, activations, Rosenbrock contour) at
// 1600 × 1000 px and reports the median time per figure next to matplotlib's (Agg, dpi 200, same content).
//
// Usage: figure-benchmark [--renders N] [--output DIRECTORY] [--only FIGURE] [--json]
// With --json, one JSON object per figure follows the table (read by side-by-side-benchmark).
import ArgumentParser
import Foundation
import NeuralNetworks
import Plotting

/// matplotlib's median render + savefig times on this machine kind (bench notes, 2026-11-21).
let matplotlibSeconds: [String: Double] = ["loss_curves": 0.222, "activations": 0.312, "rosenbrock_contour": 0.218]

/// The command line (swift-argument-parser).
struct FigureBenchmarkOptions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure-benchmark",
        abstract: "Render the three peer figures and report the median time per figure next to matplotlib's.")

    @Option(help: "Renders per figure (the median is reported).")
    var renders = 15
    @Option(help: ArgumentHelp("Also write each figure's PNG into this folder.", valueName: "directory"))
    var output: String?
    @Option(help: ArgumentHelp("Render only this figure (loss_curves, activations, rosenbrock_contour).", valueName: "figure"))
    var only: String?
    @Flag(help: "Print one JSON object per figure after the table (read by side-by-side-benchmark).")
    var json = false

    func validate() throws {
        guard renders > 0 else { throw ValidationError("--renders needs a positive whole number") }
        if let only, matplotlibSeconds[only] == nil {
            throw ValidationError("unknown figure '\(only)'; choose one of \(matplotlibSeconds.keys.sorted().joined(separator: ", "))")
        }
    }
}

let options = FigureBenchmarkOptions.parseOrExit()
let renders = options.renders
let outputDirectory = options.output.map { URL(fileURLWithPath: $0, isDirectory: true) }
let onlyFigure = options.only
let printsJSON = options.json

// MARK: - Data (prepared outside the timing, as the Python benchmark does)

/// Five synthetic loss curves of 500 points: (2 e^(−t/τ_k) + 10^(−3+0.4k)) · e^(0.15 ε), τ_k = 40 + 60k.
func syntheticLossCurves() -> [LossCurve] {
    var generator = SeededRandomNumberGenerator(seed: 0)
    return ["SGD", "Momentum", "AdaGrad", "RMSProp", "Adam"].enumerated().map { k, name in
        let tau = 40.0 + 60.0 * Double(k)
        let floor = pow(10, -3 + 0.4 * Double(k))
        return LossCurve(name: name, y: (0..<500).map { t in
            (2 * exp(-Double(t) / tau) + floor) * exp(0.15 * generator.nextNormal())
        })
    }
}

/// 500 steps of SGD, Momentum, AdaGrad, RMSProp and Adam from (−1.5, 2) with the peer benchmark's settings,
/// by the training engine's optimizers (which match torch.optim's trajectories in the engine's tests).
func rosenbrockTrajectories(steps: Int = 500) -> [Trajectory] {
    let optimizers: [(name: String, optimizer: any Optimizer<Double>)] = [
        ("SGD", SGD<Double>(learningRate: 1e-3)),
        ("Momentum", Momentum<Double>(learningRate: 2e-4, momentum: 0.9)),
        ("AdaGrad", AdaGrad<Double>(learningRate: 0.1)),
        ("RMSProp", RMSProp<Double>(learningRate: 1e-2, decay: 0.99)),
        ("Adam", Adam<Double>(learningRate: 0.1)),
    ]
    return TestFunction.rosenbrock.trajectories(from: SIMD2(-1.5, 2), steps: steps, optimizers).map {
        Trajectory(name: $0.name, x: $0.xs, y: $0.ys)
    }
}

/// The engine's Rosenbrock function, looked up once rather than through its static property at each of the
/// 90,000 grid points.
let rosenbrockFunction = TestFunction.rosenbrock.value
func rosenbrock(_ x: Double, _ y: Double) -> Double { rosenbrockFunction(SIMD2(x, y)) }

let curves = syntheticLossCurves()
let trajectories = rosenbrockTrajectories()

let jobs: [(name: String, make: () -> Figure)] = [
    ("loss_curves", {
        Figure.lossCurves(curves, title: "Loss (synthetic, 5 optimizers × 500 points)", lineWidth: 1.7)
    }),
    ("activations", { Figure.functionsWithDerivatives([.sigmoid, .tanh, .relu], xRange: -6...6, samples: 1000) }),
    ("rosenbrock_contour", {
        Figure.optimizerTrajectories(
            trajectories, over: rosenbrock, xRange: -2...2, yRange: -1...3, minimum: [1, 1],
            minimumLabel: "minimum (1, 1)", levels: .logarithmic(count: 30, lower: 1e-3), gridSize: 300,
            title: "Rosenbrock, 5 optimizers × 500 steps from (−1.5, 2.0)")
    }),
]

// MARK: - Timing

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// CPU time of this process over all its threads: other processes on a busy machine inflate it much less
/// than wall time, and it counts the work of the second thread that PNG encoding and contouring use.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU seconds of the whole process (all threads) spent in `body`.
func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
    let start = processCPUSeconds()
    try body()
    return processCPUSeconds() - start
}

var jsonLines: [String] = []
print("figure           total ms    cpu ms   first ms   matplotlib ms   speed-up   | build  draw   png  (CPU ms, separate runs)")
for job in jobs where onlyFigure == nil || onlyFigure == job.name {
    var png = Data()
    let first = try seconds { png = try job.make().pngData() }
    var totals: [Double] = []
    var cpuTimes: [Double] = []
    var builds: [Double] = []
    var draws: [Double] = []
    var encodes: [Double] = []
    for _ in 0..<renders {
        // What a user pays: data to PNG bytes.
        let cpuStart = processCPUSeconds()
        totals.append(try seconds { png = try job.make().pngData() })
        cpuTimes.append(processCPUSeconds() - cpuStart)
        // Where the CPU time goes, measured in a second pass (drawing into pixels includes copying them out).
        var figure: Figure?
        var image: RasterImage?
        builds.append(cpuSeconds { figure = job.make() })
        draws.append(try cpuSeconds { image = try figure!.rasterize() })
        encodes.append(cpuSeconds { _ = image!.pngData() })
    }
    let total = median(totals)
    let peer = matplotlibSeconds[job.name]!
    print(job.name.padding(toLength: 18, withPad: " ", startingAt: 0)
          + String(format: "%7.1f  %8.1f   %8.1f   %13.0f   %7.1f×   | %5.1f %5.1f %5.1f",
                   total * 1000, median(cpuTimes) * 1000, first * 1000, peer * 1000, peer / total,
                   median(builds) * 1000, median(draws) * 1000, median(encodes) * 1000))
    let object: [String: Any] = ["figure": job.name, "median_s": total, "cpu_median_s": median(cpuTimes), "renders": renders]
    jsonLines.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
    if let outputDirectory {
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        try png.write(to: outputDirectory.appendingPathComponent(job.name + ".png"))
    }
}
if printsJSON { jsonLines.forEach { print($0) } }
