import ReportKit

extension Gallery {
    /// One trained two-moons classifier and how well it does on the points it saw and on new ones.
    struct ClassifierFit {
        var sizes: [Int]
        var network: Sequential<Float>
        var trainingAccuracy: Double
        var validationAccuracy: Double
        var trainingLoss: Double
        var validationLoss: Double
        var name: String { sizes.map(String.init).joined(separator: "-") }
        var parameterCount: Int { network.parameterCount }
    }

    /// The classifiers' data, the three fits, and the window the decision-boundary figure shows.
    struct ClassifierRuns {
        var training: Dataset<Float>
        var validation: Dataset<Float>
        var fits: [ClassifierFit]
    }

    static let classifierXRange = -1.9...2.9
    static let classifierYRange = -1.5...2.0
    /// Samples per side of the decision-boundary field.
    static let boundaryResolution = 150

    /// Trains each size in ``classifierSizes`` from the same seed on the same training points.
    static func fitClassifiers() -> ClassifierRuns {
        let data = Dataset<Float>.twoMoons(count: classifierSampleCount, noise: classifierNoise, seed: seed)
        let split = try! data.split(validationFraction: classifierValidationFraction, testFraction: 0, seed: seed)
        let configuration = TrainingConfiguration(
            epochs: classifierEpochs, batchSize: split.training.count, loss: .binaryCrossEntropyWithLogits,
            shuffleSeed: seed, recordsGradientNorms: false)
        let fits = classifierSizes.map { sizes in
            var network = Sequential<Float>.multilayerPerceptron(sizes: sizes, hiddenActivation: .tanh, seed: seed)
            network.train(on: split.training, optimizer: Adam<Float>(learningRate: classifierLearningRate),
                          configuration: configuration)
            let training = network.evaluate(on: split.training, loss: .binaryCrossEntropyWithLogits)
            let validation = network.evaluate(on: split.validation, loss: .binaryCrossEntropyWithLogits)
            return ClassifierFit(sizes: sizes, network: network, trainingAccuracy: training.accuracy ?? .nan,
                                 validationAccuracy: validation.accuracy ?? .nan, trainingLoss: training.loss,
                                 validationLoss: validation.loss)
        }
        return ClassifierRuns(training: split.training, validation: split.validation, fits: fits)
    }

    /// Per-layer gradient norms of a deep sigmoid network and the same network with ReLU.
    struct GradientRuns {
        var sigmoid: TrainingHistory
        var relu: TrainingHistory
    }

    /// Trains ``deepSizes`` twice from the same seed, once with sigmoid and once with ReLU hidden units.
    static func deepGradientRuns() -> GradientRuns {
        let data = Dataset<Float>.twoMoons(count: 1_000, noise: 0.2, seed: seed)
        let configuration = TrainingConfiguration(epochs: deepEpochs, batchSize: 32, loss: .binaryCrossEntropyWithLogits,
                                                  shuffleSeed: seed, recordsGradientNorms: true)
        func train(_ activation: Activation) -> TrainingHistory {
            var network = Sequential<Float>.multilayerPerceptron(sizes: deepSizes, hiddenActivation: activation, seed: seed)
            return network.train(on: data, optimizer: SGD<Float>(learningRate: deepLearningRate),
                                 configuration: configuration)
        }
        return GradientRuns(sigmoid: train(.sigmoid), relu: train(.relu))
    }

    /// Validation losses per epoch, one array per seed, for SGD and for Adam.
    struct SeedRuns {
        var sgd: [[Double]]
        var adam: [[Double]]
    }

    /// 1,000 moons split 80/20 (the split fixed by ``seed``); seed s sets the initial weights and the shuffling.
    static func curveData() -> (training: Dataset<Float>, validation: Dataset<Float>) {
        let data = Dataset<Float>.twoMoons(count: 1_000, noise: 0.2, seed: seed)
        let split = try! data.split(validationFraction: 0.2, testFraction: 0, seed: seed)
        return (split.training, split.validation)
    }

    static func seedRuns() -> SeedRuns {
        let data = curveData()
        func validationLosses<O: Optimizer>(_ optimizer: O, runSeed: UInt64) -> [Double] where O.Scalar == Float {
            var network = Sequential<Float>.multilayerPerceptron(sizes: curveSizes, hiddenActivation: .relu, seed: runSeed)
            let configuration = TrainingConfiguration(epochs: curveEpochs, batchSize: curveBatchSize,
                                                      loss: .binaryCrossEntropyWithLogits, shuffleSeed: runSeed,
                                                      recordsGradientNorms: false)
            let history = network.train(on: data.training, validation: data.validation, optimizer: optimizer,
                                        configuration: configuration)
            return history.epochs.map { $0.validationLoss ?? .nan }
        }
        let seeds = (0..<UInt64(seedCount)).map { seed + 100 + $0 }
        return SeedRuns(
            sgd: seeds.map { validationLosses(SGD<Float>(learningRate: curveSGDLearningRate), runSeed: $0) },
            adam: seeds.map { validationLosses(Adam<Float>(learningRate: curveAdamLearningRate), runSeed: $0) })
    }

    /// Final validation loss for each (batch size, learning rate); NaN where training diverged.
    struct Sweep {
        /// `losses[batchIndex][rateIndex]`.
        var losses: [[Double]]
    }

    static func learningRateSweep() -> Sweep {
        let data = curveData()
        let losses = sweepBatchSizes.map { batchSize in
            sweepLearningRates.map { learningRate -> Double in
                var network = Sequential<Float>.multilayerPerceptron(sizes: curveSizes, hiddenActivation: .relu, seed: seed)
                let configuration = TrainingConfiguration(epochs: sweepEpochs, batchSize: batchSize,
                                                          loss: .binaryCrossEntropyWithLogits, shuffleSeed: seed,
                                                          recordsGradientNorms: false)
                let history = network.train(on: data.training, validation: data.validation,
                                            optimizer: SGD<Float>(learningRate: learningRate), configuration: configuration)
                return history.diverged ? .nan : (history.epochs.last?.validationLoss ?? .nan)
            }
        }
        return Sweep(losses: losses)
    }

    /// A noisy sine and the curve a small tanh network fits through it.
    struct SineFit {
        var data: Dataset<Float>
        var x: [Double]
        var prediction: [Double]
        var trainingLoss: Double
    }

    static func sineFit() -> SineFit {
        let data = Dataset<Float>.noisySine(count: sineSampleCount, noise: sineNoise, seed: seed)
        var network = Sequential<Float>.multilayerPerceptron(sizes: sineSizes, hiddenActivation: .tanh, seed: seed)
        let configuration = TrainingConfiguration(epochs: sineEpochs, batchSize: sineSampleCount,
                                                  loss: .meanSquaredError, shuffleSeed: seed, recordsGradientNorms: false)
        let history = network.train(on: data, optimizer: Adam<Float>(learningRate: 0.01), configuration: configuration)
        let x = ScalarGrid.linspace(-Double.pi...Double.pi, count: 400)
        let output = network.predict(Matrix(rows: x.count, columns: 1, storage: x.map(Float.init)))
        return SineFit(data: data, x: x, prediction: (0..<x.count).map { Double(output[$0, 0]) },
                       trainingLoss: history.trainingLosses.last ?? .nan)
    }

    /// The loss of one sigmoid neuron ŷ = σ(wx + b) as a function of (w, b), and gradient descent on it.
    struct NeuronDescent {
        var data: Dataset<Double>
        var path: [SIMD2<Double>]
        func loss(weight: Double, bias: Double) -> Double {
            let network = Gallery.neuron(weight: weight, bias: bias)
            return network.evaluate(on: data, loss: .meanSquaredError, measuresAccuracy: false).loss
        }
    }

    /// The data follow σ(1.5x − 1.5) plus noise, so the lowest loss lies near (w, b) = (1.5, −1.5).
    static let neuronTrueWeight = 1.5
    static let neuronTrueBias = -1.5
    static let neuronStart = (weight: -2.5, bias: 3.5)
    static let neuronSteps = 150
    static let neuronLearningRate = 3.0

    static func neuron(weight: Double, bias: Double) -> Sequential<Double> {
        Sequential<Double>([Dense<Double>(weights: Matrix(rows: 1, columns: 1, storage: [weight]), bias: [bias],
                                          activation: .sigmoid)])
    }

    /// Full-batch gradient descent from ``neuronStart``, one epoch (= one step) at a time to record the path.
    static func oneNeuronDescent() -> NeuronDescent {
        let data = Dataset<Double>.noisyFunction(count: 40, interval: -4...4, noise: 0.08, seed: seed) { x in
            Activation.sigmoid.value(at: neuronTrueWeight * x + neuronTrueBias)
        }
        var network = neuron(weight: neuronStart.weight, bias: neuronStart.bias)
        let configuration = TrainingConfiguration(epochs: 1, batchSize: data.count, loss: .meanSquaredError,
                                                  shuffles: false, recordsGradientNorms: false)
        var path = [SIMD2(neuronStart.weight, neuronStart.bias)]
        for _ in 0..<neuronSteps {
            network.train(on: data, optimizer: SGD<Double>(learningRate: neuronLearningRate), configuration: configuration)
            let layer = network.denseLayers[0]
            path.append(SIMD2(layer.weights[0, 0], layer.bias[0]))
        }
        return NeuronDescent(data: data, path: path)
    }
}
