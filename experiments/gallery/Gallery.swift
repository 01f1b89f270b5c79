import ReportKit

/// Every figure kind of the plotting module, each drawn from real training runs, for review at a glance.
@main
struct Gallery: Experiment {
    // snippet: hyperparameters
    /// One seed for data, initial weights and shuffling, so reruns are bit-identical.
    static let seed: UInt64 = 11

    /// 500 noisy moons of which only 20 % train: few enough points for a wide network to
    /// memorise, and 400 validation points to measure accuracy to about ±2 % (notes 001).
    static let classifierSampleCount = 500
    static let classifierValidationFraction = 0.8
    static let classifierNoise = 0.3
    /// Too small to bend, about right, and far more parameters (17,025) than points (100).
    static let classifierSizes: [[Int]] = [[2, 2, 1], [2, 8, 8, 1], [2, 128, 128, 1]]
    /// The same budget for all three: full-batch Adam, 300 epochs.
    static let classifierEpochs = 300
    static let classifierLearningRate = 0.01

    /// Six layers of 32 sigmoid (or ReLU) units: deep enough for the product of σ′ ≤ ¼ to
    /// show (notes 003).
    static let deepSizes = [2, 32, 32, 32, 32, 32, 1]
    static let deepEpochs = 30
    static let deepLearningRate = 0.1

    /// Five seeds are enough to see the spread between runs without crowding the figure.
    static let seedCount = 5
    static let curveSizes = [2, 16, 16, 1]
    static let curveEpochs = 40
    static let curveBatchSize = 32
    static let curveSGDLearningRate = 0.1
    static let curveAdamLearningRate = 0.01

    /// A coarse grid of SGD settings, from clearly too small to clearly too large a step.
    static let sweepLearningRates = [0.003, 0.01, 0.03, 0.1, 0.3, 1.0]
    static let sweepBatchSizes = [8, 32, 128, 512]
    static let sweepEpochs = 15

    /// One period of a noisy sine, fitted by a small tanh network.
    static let sineSampleCount = 60
    static let sineNoise = 0.2
    static let sineSizes = [1, 32, 32, 1]
    static let sineEpochs = 800
    // end snippet

    static func makeDocument(run: ExperimentRun) throws -> Document {
        let classifiers = run.measure("classifiers (under-fit, fit, over-fit)") { fitClassifiers() }
        let gradients = run.measure("gradient norms, sigmoid vs ReLU") { deepGradientRuns() }
        let seeds = run.measure("loss curves over \(seedCount) seeds") { seedRuns() }
        let sweep = run.measure("learning-rate sweep") { learningRateSweep() }
        let sine = run.measure("sine regression") { sineFit() }
        let neuron = run.measure("one-neuron loss surface") { oneNeuronDescent() }
        let paths = run.measure("optimizer paths") { OptimizerPaths.compute() }

        return Document(title: "Figure gallery · 图库", language: numbers.language, seed: seed) {
            Prose("""
                This handout shows every kind of figure the plotting module draws, once each, so that they can be \
                reviewed together. Every curve is computed, none drawn by hand: activations and their derivatives \
                by the training engine, optimizer steps on its test functions, and networks it trained on small data \
                sets. Each figure comes with a sentence saying what it teaches, written from this run's numbers.
                """)
            activationSection()
            trajectorySection(paths)
            surfaceSection(neuron: neuron, paths: paths)
            classifierSection(classifiers)
            gradientSection(gradients)
            diagramSection()
            curveSection(seeds: seeds, sweep: sweep, sine: sine)
            Section("Settings") {
                Snippet("hyperparameters", caption: "The settings of every run, from the experiment's source")
            }
        }
    }
}
