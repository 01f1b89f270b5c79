// Training throughput of the engine on the four configurations of the peer benchmark (PyTorch 2.15 on CPU,
// float32), measured in one process: samples per second of the plain loop (per epoch a shuffle; per batch
// gathering the rows, forward, loss, backward, optimizer step — the work of PyTorch's loop, which records
// neither accuracy nor gradient norms), the median of several interleaved runs, and the ratio to PyTorch's
// 2-thread figure against the issue's targets. Run in release:
//   swift build -c release --product training-benchmark && .build/release/training-benchmark [names] [options]
// Options: `--help`.
import ArgumentParser
import Foundation
import NeuralNetworks

// MARK: - Data

// Two moons come from `Dataset.twoMoons`, built as scikit-learn's `make_moons` like the peer's data; the points
// differ from scikit-learn's for the same seed, which does not change the work per sample being timed.

/// One-hot classification data: inputs from `makeInput`, labels uniform over `classes`.
func classification(count: Int, inputSize: Int, classes: Int, seed: UInt64, makeInput: (inout SeededRandomNumberGenerator) -> Float) -> Dataset<Float> {
    var generator = SeededRandomNumberGenerator(seed: seed)
    var inputs: [Float] = [], targets = [Float](repeating: 0, count: count * classes)
    inputs.reserveCapacity(count * inputSize)
    for row in 0..<count {
        for _ in 0..<inputSize { inputs.append(makeInput(&generator)) }
        targets[row * classes + generator.nextInt(below: classes)] = 1
    }
    return Dataset(inputs: Matrix(rows: count, columns: inputSize, storage: inputs), targets: Matrix(rows: count, columns: classes, storage: targets))
}

// MARK: - Configurations

struct BenchmarkConfiguration {
    var name: String
    var description: String
    var pyTorchTwoThreads: Double
    /// The issue's target: at least this multiple of PyTorch's 2-thread figure.
    var targetRatio: Double
    var data: Dataset<Float>
    var network: Sequential<Float>
    var batchSize: Int
    /// OpenBLAS threads for this configuration (products of the small networks are too small to share).
    var blasThreads: Int
    /// Trains `network` for `epochs` epochs with this configuration's loss and optimizer.
    var train: (inout Sequential<Float>, Dataset<Float>, Int, Int) -> Void
}

/// The command line (swift-argument-parser).
struct TrainingBenchmarkOptions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training-benchmark",
        abstract: "Samples/s of the training loop on the peer benchmark's configurations, against PyTorch's.",
        discussion: "The table shows the ratio to PyTorch's 2-thread figure and the issue's targets.")

    @Argument(help: ArgumentHelp("Configurations to run (all by default).", valueName: "tiny|small|digits|wide"))
    var configurations: [String] = []
    @Option(help: "Interleaved runs per configuration; the table shows medians.")
    var rounds = 5
    @Option(help: "Length of one run in seconds.")
    var seconds = 0.5
    @Option(name: .customLong("quiet-budget"), help: """
        Seconds spent at most waiting for a quiet machine and re-measuring runs during which other processes used         over 10 % of it, as the peer script does (0: none).
        """)
    var quietBudget = 120.0
    @Option(name: .customLong("wide-threads"), help: "OpenBLAS threads for the wide configuration (the others use 1).")
    var wideThreads = 2
    @Flag(name: .customLong("compare-threads"), help: "An extra wide row with the other thread count, interleaved.")
    var compareThreads = false
    @Flag(help: "Also measure accuracy and gradient norms (PyTorch's loop does neither).")
    var recording = false
    @Flag(help: "Time the matrix products at the networks' shapes, loop against OpenBLAS.")
    var products = false
    @Option(help: "Profiling: train each selected configuration this many epochs once, print samples/s, exit.")
    var epochs: Int?
    @Flag(help: "Also print one JSON object per configuration (read by side-by-side-benchmark).")
    var json = false

    func validate() throws {
        let unknown = Set(configurations).subtracting(configurationNames)
        guard unknown.isEmpty else {
            throw ValidationError("unknown configuration(s) \(unknown.sorted().joined(separator: ", ")); choose from \(configurationNames.joined(separator: ", "))")
        }
        guard rounds > 0, seconds > 0, wideThreads > 0 else {
            throw ValidationError("--rounds, --seconds and --wide-threads need positive values")
        }
    }
}


func trainer<O: Optimizer>(_ optimizer: O, loss: Loss) -> (inout Sequential<Float>, Dataset<Float>, Int, Int) -> Void where O.Scalar == Float {
    { network, data, epochs, batchSize in
        network.train(on: data, optimizer: optimizer, configuration: TrainingConfiguration(
            epochs: epochs, batchSize: batchSize, loss: loss, shuffleSeed: 0, measuresAccuracy: recording,
            recordsGradientNorms: recording))
    }
}

let configurationNames = ["tiny", "small", "digits", "wide"]

let options = TrainingBenchmarkOptions.parseOrExit()

/// With `--recording`, the runs also measure accuracy and per-layer gradient norms (the training loop's
/// defaults); without it they do only what PyTorch's plain loop does.
let recording = options.recording

/// The configuration called `name`; its data are made only when asked for (the wide set alone is 6.4 million
/// normal draws), so a profile of one configuration sees nothing of the others.
func makeConfiguration(_ name: String) -> BenchmarkConfiguration {
    switch name {
    case "tiny":
        return BenchmarkConfiguration(
            name: "tiny", description: "2-16-16-1 tanh, sigmoid + MSE, B=32, SGD 0.1", pyTorchTwoThreads: 79_344, targetRatio: 20,
            data: Dataset<Float>.twoMoons(count: 1024, noise: 0.1, seed: 0),
            network: .multilayerPerceptron(sizes: [2, 16, 16, 1], hiddenActivation: .tanh, outputActivation: .sigmoid, seed: 0),
            batchSize: 32, blasThreads: 1, train: trainer(SGD(learningRate: 0.1), loss: .meanSquaredError))
    case "small":
        return BenchmarkConfiguration(
            name: "small", description: "2-64-64-1 ReLU, BCE with logits, B=64, Adam 1e-3", pyTorchTwoThreads: 94_554, targetRatio: 5,
            data: Dataset<Float>.twoMoons(count: 4096, noise: 0.1, seed: 0),
            network: .multilayerPerceptron(sizes: [2, 64, 64, 1], hiddenActivation: .relu, seed: 0),
            batchSize: 64, blasThreads: 1, train: trainer(Adam(learningRate: 1e-3), loss: .binaryCrossEntropyWithLogits))
    case "digits":
        return BenchmarkConfiguration(
            name: "digits", description: "64-128-64-10 ReLU, softmax CE, B=128, Adam 1e-3 (synthetic 8×8 digits*)", pyTorchTwoThreads: 124_296, targetRatio: 2,
            data: classification(count: 1797, inputSize: 64, classes: 10, seed: 0) { Float($0.nextInt(below: 17)) / 16 },
            network: .multilayerPerceptron(sizes: [64, 128, 64, 10], hiddenActivation: .relu, seed: 0),
            batchSize: 128, blasThreads: 1, train: trainer(Adam(learningRate: 1e-3), loss: .softmaxCrossEntropy))
    case "wide":
        return BenchmarkConfiguration(
            name: "wide", description: "784-256-128-10 ReLU, softmax CE, B=128, momentum 0.9 lr 0.01", pyTorchTwoThreads: 73_112, targetRatio: 1,
            data: classification(count: 8192, inputSize: 784, classes: 10, seed: 0) { Float($0.nextNormal()) },
            network: .multilayerPerceptron(sizes: [784, 256, 128, 10], hiddenActivation: .relu, seed: 0),
            batchSize: 128, blasThreads: options.wideThreads,
            train: trainer(Momentum(learningRate: 0.01, momentum: 0.9), loss: .softmaxCrossEntropy))
    default:
        preconditionFailure("Unknown configuration \(name)")
    }
}

// MARK: - Measurement

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// CPU seconds the whole machine has been busy, from the first line of `/proc/stat` (all but idle and iowait).
func machineBusySeconds() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
          let line = text.split(separator: "\n").first else { return 0 }
    let ticks = line.split(separator: " ").dropFirst().prefix(8).compactMap { Double($0) }
    guard ticks.count == 8 else { return 0 }
    return (ticks.reduce(0, +) - ticks[3] - ticks[4]) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// CPU seconds used by this process (all threads).
func processSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return value(usage.ru_utime) + value(usage.ru_stime)
}

/// One timed run: samples/s, and the share of the machine (CPU seconds / (wall seconds × cores)) that other
/// processes used meanwhile, as the peer script records it.
struct Run {
    var samplesPerSecond: Double
    var othersShare: Double
}

/// Epochs for one timed run of about `targetSeconds`, from one warm-up epoch.
func epochsPerRun(_ configuration: BenchmarkConfiguration, targetSeconds: Double) -> Int {
    OpenBLAS.threadCount = configuration.blasThreads
    var warmUp = configuration.network
    let oneEpoch = seconds { configuration.train(&warmUp, configuration.data, 1, configuration.batchSize) }
    return max(1, Int(targetSeconds / max(oneEpoch, 1e-6)))
}

/// A run of `epochs` epochs from a fresh copy of the network.
func measure(_ configuration: BenchmarkConfiguration, epochs: Int, blasThreads: Int? = nil) -> Run {
    OpenBLAS.threadCount = blasThreads ?? configuration.blasThreads
    var network = configuration.network
    let busyBefore = machineBusySeconds(), ownBefore = processSeconds()
    let time = seconds { configuration.train(&network, configuration.data, epochs, configuration.batchSize) }
    let others = max(0, (machineBusySeconds() - busyBefore) - (processSeconds() - ownBefore))
    let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
    return Run(samplesPerSecond: Double(epochs * configuration.data.count) / time, othersShare: others / (time * cores))
}

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
}

func formatted(_ value: Double, decimals: Int = 0) -> String {
    String(format: "%.\(decimals)f", value)
}

// OpenBLAS 0.3.21 misdetects this machine's CPU and would use its slowest kernels: restart with the right ones.
OpenBLAS.restartWithRecommendedCoreTypeIfNeeded()

let selectedNames = Set(options.configurations)
let selected = configurationNames.filter { selectedNames.isEmpty || selectedNames.contains($0) }.map(makeConfiguration)

// Profiling mode: a fixed amount of work and nothing else, for callgrind or perf.
if let profileEpochs = options.epochs {
    for configuration in selected {
        let cpuBefore = processSeconds()
        let run = measure(configuration, epochs: profileEpochs)
        let cpu = processSeconds() - cpuBefore
        print("\(configuration.name): \(profileEpochs) epochs, \(formatted(run.samplesPerSecond)) samples/s, \(formatted(Double(profileEpochs * configuration.data.count) / cpu)) samples per CPU second, others' CPU \(formatted(100 * run.othersShare)) %")
    }
    exit(0)
}

// Matrix products: the built-in loop against OpenBLAS at the shapes these networks use (m = batch rows).
if options.products {
    OpenBLAS.threadCount = 1
    print("Matrix products C = A·Bᵀ (forward pass shape), µs per call, median of 7 (float32, 1 OpenBLAS thread):")
    print("  m×k·(n×k)ᵀ            loop        BLAS")
    for (m, k, n) in [(32, 2, 16), (32, 16, 16), (64, 64, 64), (128, 64, 128), (128, 128, 64), (128, 784, 256), (128, 256, 128)] {
        var generator = SeededRandomNumberGenerator(seed: 1)
        let a = Matrix<Float>(rows: m, columns: k, storage: (0..<(m * k)).map { _ in Float(generator.nextNormal()) })
        let b = Matrix<Float>(rows: n, columns: k, storage: (0..<(n * k)).map { _ in Float(generator.nextNormal()) })
        var c = Matrix<Float>(rows: m, columns: n)
        let calls = max(10, 2_000_000 / (m * n * k))
        func time(_ useBLAS: Bool) -> Double {
            median((0..<7).map { _ in
                seconds { for _ in 0..<calls { Matrix.multiply(a, b, transposeB: true, into: &c, useBLAS: useBLAS) } } / Double(calls) * 1e6
            })
        }
        let shape = "\(m)×\(k)·(\(n)×\(k))ᵀ"
        print("  \(String(repeating: " ", count: max(0, 20 - shape.count)))\(shape)  \(formatted(time(false), decimals: 2).leftPadded(9))  \(formatted(time(true), decimals: 2).leftPadded(9))")
    }
    print("  (BLAS wins at every size measured, so products with m·n·k ≥ \(Matrix<Float>.blasThreshold) go to BLAS)")
    print()
}

let rounds = options.rounds
let runSeconds = options.seconds
let quietBudget = options.quietBudget
print("OpenBLAS kernels: \(OpenBLAS.coreName) (OPENBLAS_CORETYPE=\(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "unset")).")
print("Work per batch as in PyTorch's loop: gather the shuffled rows, forward, loss, backward, optimizer step\(recording ? ", plus accuracy and gradient norms (--recording)" : " (no accuracy or gradient norms)").")
print("* scikit-learn's digits are not available here: synthetic 1797×64 inputs in {0, 1/16, …, 1}, 10 uniform classes.")
print("Load average before: \(loadAverage()). The machine is shared: the configurations run in \(rounds) interleaved rounds of about \(runSeconds) s each; figures are medians over the rounds.")
print("Quiet guard as in the peer script: wait for a quiet machine and re-measure contended runs, within \(formatted(quietBudget)) s in total (--quiet-budget).")
print()
let epochs = selected.map { epochsPerRun($0, targetSeconds: runSeconds) }
var runs = Array(repeating: [Run](), count: selected.count)
// With --compare-threads the wide configuration also runs with the other OpenBLAS thread count, interleaved.
let wideIndex = selected.firstIndex { $0.name == "wide" }
var wideAlternative: [Run] = []
let wideAlternativeThreads = options.compareThreads ? wideIndex.map { selected[$0].blasThreads == 1 ? 2 : 1 } : nil
// The peer script's guard against other work on the machine: before each run wait (bounded) for two quiet
// half-second windows, and measure a run again when others used more than 10 % of the machine meanwhile,
// all within a total budget; after it, runs are kept as they come (their others' share is reported).
let quietBudgetEnd = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, quietBudget) * 1e9)
func budgetLeft() -> Bool { DispatchTime.now().uptimeNanoseconds < quietBudgetEnd }

/// Others' share of the machine during one `window` of sleep.
func othersShare(window: Double) -> Double {
    let busyBefore = machineBusySeconds(), ownBefore = processSeconds()
    usleep(UInt32(window * 1e6))
    let others = max(0, (machineBusySeconds() - busyBefore) - (processSeconds() - ownBefore))
    return others / (window * Double(ProcessInfo.processInfo.activeProcessorCount))
}

func guardedMeasure(_ configuration: BenchmarkConfiguration, epochs: Int, blasThreads: Int? = nil) -> Run {
    var attempts = 0
    while true {
        var quietWindows = 0, waited = 0.0
        while budgetLeft(), quietWindows < 2, waited < 20 {
            quietWindows = othersShare(window: 0.5) < 0.1 ? quietWindows + 1 : 0
            waited += 0.5
        }
        let run = measure(configuration, epochs: epochs, blasThreads: blasThreads)
        attempts += 1
        if run.othersShare <= 0.1 || attempts > 5 || !budgetLeft() { return run }
    }
}

for _ in 0..<rounds {
    for (index, configuration) in selected.enumerated() {
        runs[index].append(guardedMeasure(configuration, epochs: epochs[index]))
        if index == wideIndex, let threads = wideAlternativeThreads {
            wideAlternative.append(guardedMeasure(configuration, epochs: epochs[index], blasThreads: threads))
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
    func rightPadded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

/// Median share of the machine others used, and how many runs were contended (over 10 %).
func othersSummary(_ runs: [Run]) -> String {
    "\(formatted(100 * median(runs.map(\.othersShare)))) % (\(runs.filter { $0.othersShare > 0.1 }.count)/\(runs.count) > 10 %)"
}

let header = ["config", "BLAS thr.", "samples/s", "best", "PyTorch 2 thr.", "ratio", "target", "result", "others' CPU"]
var rows: [[String]] = []
var allPass = true
for (index, configuration) in selected.enumerated() {
    let rate = median(runs[index].map(\.samplesPerSecond))
    let ratio = rate / configuration.pyTorchTwoThreads
    let passes = ratio >= configuration.targetRatio
    allPass = allPass && passes
    rows.append([configuration.name, "\(configuration.blasThreads)", formatted(rate), formatted(runs[index].map(\.samplesPerSecond).max()!),
                 formatted(configuration.pyTorchTwoThreads), formatted(ratio, decimals: 2) + "×",
                 "≥ " + formatted(configuration.targetRatio) + "×", passes ? "pass" : "FAIL",
                 othersSummary(runs[index])])
}
if let wideIndex, let threads = wideAlternativeThreads {
    let configuration = selected[wideIndex]
    let rate = median(wideAlternative.map(\.samplesPerSecond))
    rows.append([configuration.name, "\(threads)", formatted(rate), formatted(wideAlternative.map(\.samplesPerSecond).max()!),
                 formatted(configuration.pyTorchTwoThreads), formatted(rate / configuration.pyTorchTwoThreads, decimals: 2) + "×",
                 "(comparison)", "", othersSummary(wideAlternative)])
}
let widths = header.indices.map { column in ([header[column]] + rows.map { $0[column] }).map(\.count).max()! }
func line(_ cells: [String]) -> String {
    cells.enumerated().map { column, cell in column == 0 ? cell.rightPadded(widths[column]) : cell.leftPadded(widths[column]) }.joined(separator: "  ")
}
print("Samples/s: median of \(rounds) runs (float32). Ratio = median / PyTorch's 2-thread figure (bench/README.md).")
print(line(header))
for row in rows { print(line(row)) }
print()
for configuration in selected {
    print("  \(configuration.name): \(configuration.description)")
}
print("  others' CPU: median share of the 2 cores used by other processes during the kept runs (PyTorch's figures")
print("  were measured with under 1 % of others' CPU); ratios measured on a busy machine understate ours.")
print("Load average after: \(loadAverage()). \(allPass ? "All targets met." : "Some targets missed.")")
if options.json {
    for (index, configuration) in selected.enumerated() {
        let object: [String: Any] = [
            "config": configuration.name, "samples_per_s_median": median(runs[index].map(\.samplesPerSecond)),
            "samples_per_s_all": runs[index].map(\.samplesPerSecond), "others_cpu_frac": runs[index].map(\.othersShare),
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
