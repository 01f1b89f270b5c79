// Training throughput of the engine on the four configurations of the peer benchmark (PyTorch 2.15 on CPU,
// float32), measured in one process: samples per second of the plain loop (shuffle, forward, loss, backward,
// step), the median of several runs, and the ratio to PyTorch's 2-thread figure. Run in release:
//   swift build -c release --product training-benchmark && .build/release/training-benchmark
import Foundation
import NeuralNetworks

// MARK: - Data

/// scikit-learn's `make_moons(n, noise)`: two interleaved half circles, labels 0 (outer) and 1 (inner).
func twoMoons(count: Int, noise: Double, seed: UInt64) -> Dataset<Float> {
    var generator = SeededRandomNumberGenerator(seed: seed)
    let outer = count / 2, inner = count - outer
    var inputs: [Float] = [], targets: [Float] = []
    for index in 0..<outer {
        let t = Double.pi * Double(index) / Double(max(outer - 1, 1))
        inputs += [Float(cos(t) + generator.nextNormal(mean: 0, standardDeviation: noise)),
                   Float(sin(t) + generator.nextNormal(mean: 0, standardDeviation: noise))]
        targets.append(0)
    }
    for index in 0..<inner {
        let t = Double.pi * Double(index) / Double(max(inner - 1, 1))
        inputs += [Float(1 - cos(t) + generator.nextNormal(mean: 0, standardDeviation: noise)),
                   Float(1 - sin(t) - 0.5 + generator.nextNormal(mean: 0, standardDeviation: noise))]
        targets.append(1)
    }
    return Dataset(inputs: Matrix(rows: count, columns: 2, storage: inputs), targets: Matrix(rows: count, columns: 1, storage: targets))
}

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
    var data: Dataset<Float>
    var network: Sequential<Float>
    var batchSize: Int
    /// Trains `network` for `epochs` epochs with this configuration's loss and optimizer.
    var train: (inout Sequential<Float>, Dataset<Float>, Int, Int) -> Void
}

/// With `--recording`, the runs also measure accuracy and per-layer gradient norms (the training loop's
/// defaults); without it they do only what PyTorch's plain loop does.
let recording = CommandLine.arguments.contains("--recording")

func trainer<O: Optimizer>(_ optimizer: O, loss: Loss) -> (inout Sequential<Float>, Dataset<Float>, Int, Int) -> Void where O.Scalar == Float {
    { network, data, epochs, batchSize in
        network.train(on: data, optimizer: optimizer, configuration: TrainingConfiguration(
            epochs: epochs, batchSize: batchSize, loss: loss, shuffleSeed: 0, measuresAccuracy: recording,
            recordsGradientNorms: recording))
    }
}

let configurations: [BenchmarkConfiguration] = [
    BenchmarkConfiguration(
        name: "tiny", description: "2-16-16-1 tanh, sigmoid + MSE, B=32, SGD 0.1", pyTorchTwoThreads: 79_344,
        data: twoMoons(count: 1024, noise: 0.1, seed: 0),
        network: .multilayerPerceptron(sizes: [2, 16, 16, 1], hiddenActivation: .tanh, outputActivation: .sigmoid, seed: 0),
        batchSize: 32, train: trainer(SGD(learningRate: 0.1), loss: .meanSquaredError)),
    BenchmarkConfiguration(
        name: "small", description: "2-64-64-1 ReLU, BCE with logits, B=64, Adam 1e-3", pyTorchTwoThreads: 94_554,
        data: twoMoons(count: 4096, noise: 0.1, seed: 0),
        network: .multilayerPerceptron(sizes: [2, 64, 64, 1], hiddenActivation: .relu, seed: 0),
        batchSize: 64, train: trainer(Adam(learningRate: 1e-3), loss: .binaryCrossEntropyWithLogits)),
    BenchmarkConfiguration(
        name: "digits", description: "64-128-64-10 ReLU, softmax CE, B=128, Adam 1e-3 (synthetic 8×8 digits*)", pyTorchTwoThreads: 124_296,
        data: classification(count: 1797, inputSize: 64, classes: 10, seed: 0) { Float($0.nextInt(below: 17)) / 16 },
        network: .multilayerPerceptron(sizes: [64, 128, 64, 10], hiddenActivation: .relu, seed: 0),
        batchSize: 128, train: trainer(Adam(learningRate: 1e-3), loss: .softmaxCrossEntropy)),
    BenchmarkConfiguration(
        name: "wide", description: "784-256-128-10 ReLU, softmax CE, B=128, momentum 0.9 lr 0.01", pyTorchTwoThreads: 73_112,
        data: classification(count: 8192, inputSize: 784, classes: 10, seed: 0) { Float($0.nextNormal()) },
        network: .multilayerPerceptron(sizes: [784, 256, 128, 10], hiddenActivation: .relu, seed: 0),
        batchSize: 128, train: trainer(Momentum(learningRate: 0.01, momentum: 0.9), loss: .softmaxCrossEntropy)),
]

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

/// Epochs for one timed run of about `targetSeconds`, from one warm-up epoch.
func epochsPerRun(_ configuration: BenchmarkConfiguration, targetSeconds: Double = 0.5) -> Int {
    var warmUp = configuration.network
    let oneEpoch = seconds { configuration.train(&warmUp, configuration.data, 1, configuration.batchSize) }
    return max(1, Int(targetSeconds / max(oneEpoch, 1e-6)))
}

/// Samples/s of one run of `epochs` epochs from a fresh copy of the network.
func samplesPerSecond(_ configuration: BenchmarkConfiguration, epochs: Int) -> Double {
    var network = configuration.network
    let time = seconds { configuration.train(&network, configuration.data, epochs, configuration.batchSize) }
    return Double(epochs * configuration.data.count) / time
}

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

func formatted(_ value: Double, decimals: Int = 0) -> String {
    String(format: "%.\(decimals)f", value)
}

// OpenBLAS 0.3.21 misdetects this machine's CPU and would use its slowest kernels: restart with the right ones.
OpenBLAS.restartWithRecommendedCoreTypeIfNeeded()

// Arguments: configuration names to run (default: all); `--no-products` skips the matrix-product table;
// `--recording` turns on the history's accuracy and gradient norms.
let arguments = Array(CommandLine.arguments.dropFirst())
let selectedNames = Set(arguments.filter { !$0.hasPrefix("--") })
let selected = configurations.filter { selectedNames.isEmpty || selectedNames.contains($0.name) }

// Matrix products: the built-in loop against OpenBLAS at the shapes these networks use (m = batch rows).
if !arguments.contains("--no-products") {
print("Matrix products at the benchmark networks' shapes, µs per call, median of 7 (float32); m = batch rows:")
print("  product                     loop        BLAS")
// (m, k, n, kind): forward Z = A·Wᵀ ("A·Bᵀ"), weight gradient δᵀ·A ("Aᵀ·B"), input gradient δ·W ("A·B").
let shapes: [(Int, Int, Int, String)] = [
    (32, 2, 16, "A·Bᵀ"), (32, 16, 16, "A·Bᵀ"), (16, 32, 2, "Aᵀ·B"), (32, 16, 16, "A·B"),
    (64, 64, 64, "A·Bᵀ"), (64, 64, 64, "Aᵀ·B"), (128, 64, 128, "A·Bᵀ"), (128, 128, 64, "A·Bᵀ"),
    (128, 784, 256, "A·Bᵀ"), (256, 128, 784, "Aᵀ·B"), (128, 256, 128, "A·Bᵀ"),
]
for (m, k, n, kind) in shapes {
    var generator = SeededRandomNumberGenerator(seed: 1)
    func random(_ rows: Int, _ columns: Int) -> Matrix<Float> {
        Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in Float(generator.nextNormal()) })
    }
    let transposeA = kind == "Aᵀ·B", transposeB = kind == "A·Bᵀ"
    let a = transposeA ? random(k, m) : random(m, k)
    let b = transposeB ? random(n, k) : random(k, n)
    var c = Matrix<Float>(rows: m, columns: n)
    let calls = max(10, 2_000_000 / (m * n * k))
    func time(_ useBLAS: Bool) -> Double {
        median((0..<7).map { _ in
            seconds {
                for _ in 0..<calls {
                    Matrix.multiply(a, transposeA: transposeA, b, transposeB: transposeB, into: &c, useBLAS: useBLAS)
                }
            } / Double(calls) * 1e6
        })
    }
    print("  \(pad("\(kind) \(m)×\(k)×\(n)", 24))  \(pad(formatted(time(false), decimals: 2), 9))  \(pad(formatted(time(true), decimals: 2), 9))")
}
print("  (BLAS wins at every size measured, so products with m·n·k ≥ \(Matrix<Float>.blasThreshold) go to BLAS)")
print()
}

// Small networks gain nothing from a second BLAS thread and lose time to its spinning; the wide configuration
// is measured both ways below.
OpenBLAS.threadCount = 1
print("OpenBLAS kernels: \(OpenBLAS.coreName) (OPENBLAS_CORETYPE=\(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "unset")); the table uses 1 OpenBLAS thread")
print("* scikit-learn's digits are not available here: synthetic 1797×64 inputs in {0, 1/16, …, 1}, 10 uniform classes.")
print("Load average before: \(loadAverage()). The machine is shared: configurations run in interleaved rounds and each figure is the median of 5 runs of about 0.5 s.")
print()
let rounds = 5
let epochs = selected.map { epochsPerRun($0) }
var rates = Array(repeating: [Double](), count: selected.count)
for _ in 0..<rounds {
    for (index, configuration) in selected.enumerated() { rates[index].append(samplesPerSecond(configuration, epochs: epochs[index])) }
}
print("| config | layers and optimizer | samples/s (median of \(rounds)) | best | PyTorch 2 threads | ratio (median) |")
print("|---|---|---:|---:|---:|---:|")
for (index, configuration) in selected.enumerated() {
    let rate = median(rates[index])
    print("| \(configuration.name) | \(configuration.description) | \(formatted(rate)) | \(formatted(rates[index].max()!)) | \(formatted(configuration.pyTorchTwoThreads)) | \(formatted(rate / configuration.pyTorchTwoThreads, decimals: 2))× |")
}

// How much of each run is mini-batch assembly (`Dataset.miniBatches`, shuffling and copying rows), measured alone.
print()
for (index, configuration) in selected.enumerated() {
    var generator = SeededRandomNumberGenerator(seed: 0)
    let batchingTime = median((0..<rounds).map { _ in
        seconds { for _ in 0..<epochs[index] { _ = configuration.data.miniBatches(batchSize: configuration.batchSize, shuffledWith: &generator) } }
    })
    let trainingTime = Double(epochs[index] * configuration.data.count) / median(rates[index])
    print("\(configuration.name): mini-batch assembly takes \(formatted(100 * batchingTime / trainingTime))% of the training time")
}

// OpenBLAS threading matters only where BLAS does real work: the wide configuration, alternating 1 and 2 threads.
if let wide = selected.first(where: { $0.name == "wide" }) {
    let wideEpochs = epochsPerRun(wide)
    var byThreads: [Int: [Double]] = [1: [], 2: []]
    for _ in 0..<rounds {
        for threads in [1, 2] {
            OpenBLAS.threadCount = threads
            byThreads[threads]!.append(samplesPerSecond(wide, epochs: wideEpochs))
        }
    }
    print()
    for threads in [1, 2] {
        let rate = median(byThreads[threads]!)
        print("wide with OpenBLAS on \(threads) thread\(threads == 1 ? "" : "s"): median \(formatted(rate)) samples/s (\(formatted(rate / wide.pyTorchTwoThreads, decimals: 2))× PyTorch 2 threads), best \(formatted(byThreads[threads]!.max()!))")
    }
}
print("Load average after: \(loadAverage()).")
