// Renders the three peer figures of the benchmark notes (loss curves, activations, Rosenbrock contour) at
// 1600 × 1000 px and reports the median time per figure next to matplotlib's (Agg, dpi 200, same content).
//
// Usage: figure-benchmark [--renders N] [--output DIRECTORY] [--only FIGURE]
import Foundation
import Plotting

/// matplotlib's median render + savefig times on this machine kind (bench notes, 2026-11-21).
let matplotlibSeconds: [String: Double] = ["loss_curves": 0.222, "activations": 0.312, "rosenbrock_contour": 0.218]

var renders = 15
var outputDirectory: URL?
var onlyFigure: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--renders": renders = Int(arguments.next() ?? "") ?? renders
    case "--output": outputDirectory = arguments.next().map { URL(fileURLWithPath: $0, isDirectory: true) }
    case "--only": onlyFigure = arguments.next()
    default:
        FileHandle.standardError.write(Data("usage: figure-benchmark [--renders N] [--output DIRECTORY] [--only FIGURE]\n".utf8))
        exit(2)
    }
}

// MARK: - Data (prepared outside the timing, as the Python benchmark does)

/// A seeded normal generator (SplitMix64 + Box–Muller), so every run draws the same curves.
struct NormalGenerator {
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

/// Five synthetic loss curves of 500 points: (2 e^(−t/τ_k) + 10^(−3+0.4k)) · e^(0.15 ε), τ_k = 40 + 60k.
func syntheticLossCurves() -> [LossCurve] {
    var generator = NormalGenerator(state: 0)
    return ["SGD", "Momentum", "AdaGrad", "RMSProp", "Adam"].enumerated().map { k, name in
        let tau = 40.0 + 60.0 * Double(k)
        let floor = pow(10, -3 + 0.4 * Double(k))
        return LossCurve(name: name, y: (0..<500).map { t in
            (2 * exp(-Double(t) / tau) + floor) * exp(0.15 * generator.next())
        })
    }
}

func rosenbrock(_ x: Double, _ y: Double) -> Double { (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }

/// 500 steps of SGD, Momentum, AdaGrad, RMSProp and Adam from (−1.5, 2) with the peer benchmark's settings
/// (torch.optim update rules).
func rosenbrockTrajectories(steps: Int = 500) -> [Trajectory] {
    func gradient(_ p: [Double]) -> [Double] {
        [-2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]), 200 * (p[1] - p[0] * p[0])]
    }
    func run(_ name: String, _ update: (_ step: Int, _ g: [Double], _ p: inout [Double]) -> Void) -> Trajectory {
        var p = [-1.5, 2.0]
        var points = [(x: p[0], y: p[1])]
        for step in 1...steps {
            update(step, gradient(p), &p)
            points.append((p[0], p[1]))
        }
        return Trajectory(name: name, points: points)
    }
    var momentum = [0.0, 0.0], squares = [0.0, 0.0], average = [0.0, 0.0], first = [0.0, 0.0], second = [0.0, 0.0]
    return [
        run("SGD") { _, g, p in for i in 0..<2 { p[i] -= 1e-3 * g[i] } },
        run("Momentum") { step, g, p in
            for i in 0..<2 {
                momentum[i] = step == 1 ? g[i] : 0.9 * momentum[i] + g[i]
                p[i] -= 2e-4 * momentum[i]
            }
        },
        run("AdaGrad") { _, g, p in
            for i in 0..<2 {
                squares[i] += g[i] * g[i]
                p[i] -= 0.1 * g[i] / (squares[i].squareRoot() + 1e-10)
            }
        },
        run("RMSProp") { _, g, p in
            for i in 0..<2 {
                average[i] = 0.99 * average[i] + 0.01 * g[i] * g[i]
                p[i] -= 1e-2 * g[i] / (average[i].squareRoot() + 1e-8)
            }
        },
        run("Adam") { step, g, p in
            for i in 0..<2 {
                first[i] = 0.9 * first[i] + 0.1 * g[i]
                second[i] = 0.999 * second[i] + 0.001 * g[i] * g[i]
                let correction1 = 1 - pow(0.9, Double(step))
                let correction2 = 1 - pow(0.999, Double(step))
                p[i] -= 0.1 / correction1 * first[i] / (second[i].squareRoot() / correction2.squareRoot() + 1e-8)
            }
        },
    ]
}

let curves = syntheticLossCurves()
let trajectories = rosenbrockTrajectories()

let jobs: [(name: String, make: () -> Figure)] = [
    ("loss_curves", {
        Figure.lossCurves(curves, title: "Loss (synthetic, 5 optimizers × 500 points)", lineWidth: 1.7)
    }),
    ("activations", { Figure.functionsWithDerivatives([.sigmoid, .tanh, .relu], xRange: -6...6, samples: 1000) }),
    ("rosenbrock_contour", {
        Figure.optimizerTrajectories(
            trajectories, over: rosenbrock, xRange: -2...2, yRange: -1...3, minimum: (1, 1),
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

print("figure           total ms    cpu ms   first ms   matplotlib ms   speed-up   | build  draw   png  (ms, separate runs)")
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
        // Where the time goes, measured in a second pass (drawing into pixels includes copying them out).
        var figure: Figure?
        var image: RasterImage?
        builds.append(seconds { figure = job.make() })
        draws.append(try seconds { image = try figure!.rasterize() })
        encodes.append(seconds { _ = image!.pngData() })
    }
    let total = median(totals)
    let peer = matplotlibSeconds[job.name]!
    print(job.name.padding(toLength: 18, withPad: " ", startingAt: 0)
          + String(format: "%7.1f  %8.1f   %8.1f   %13.0f   %7.1f×   | %5.1f %5.1f %5.1f",
                   total * 1000, median(cpuTimes) * 1000, first * 1000, peer * 1000, peer / total,
                   median(builds) * 1000, median(draws) * 1000, median(encodes) * 1000))
    if let outputDirectory {
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        try png.write(to: outputDirectory.appendingPathComponent(job.name + ".png"))
    }
}
