import ReportKit

/// One over-parameterised network trained three ways on the same few noisy points: plain, with L2 weight
/// decay, and with dropout after each hidden layer (notes 001 "正则化", notes 003 "Dropout").
struct OverfittingRuns: Codable {
    /// Loss and accuracy of a trained network on one data set.
    struct Evaluation: Codable {
        var loss: Double
        var accuracy: Double
    }

    /// One trained network and what it achieved (what the handout needs of the network, so it can be cached).
    struct Fit: Codable {
        var name: String
        var history: TrainingHistory
        /// Loss and accuracy on the training points with dropout off, as the network is used afterwards.
        var training: Evaluation
        var validation: Evaluation
        /// Σ‖W‖² over the weight matrices (biases excluded), the quantity L2 penalises.
        var weightSquares: Double
        var parameterCount: Int
        /// P(class 1) over ``OverfittingRuns/boundaryXRange`` × ``OverfittingRuns/boundaryYRange``.
        var boundary: ScalarGrid
    }

    /// The rectangle and resolution of the decision-boundary figure.
    static let boundaryXRange = -1.8...2.8
    static let boundaryYRange = -1.5...2.0
    static let boundaryResolution = 120

    var training: Dataset<Float>
    var validation: Dataset<Float>
    var fits: [Fit]

    static func train() -> OverfittingRuns {
        let training = Dataset<Float>.twoMoons(count: Regularization.trainingCount, noise: Regularization.moonNoise,
                                               seed: Regularization.seed)
        let validation = Dataset<Float>.twoMoons(count: Regularization.validationCount, noise: Regularization.moonNoise,
                                                 seed: Regularization.seed + 100)
        let settings: [(name: String, weightDecay: Double, keepProbability: Double?)] = [
            ("不加正则化", 0, nil),
            ("L2，$λ = \(Regularization.weightDecay)$", Regularization.weightDecay, nil),
            ("Dropout，保留 \(Regularization.keepProbability)", 0, Regularization.keepProbability),
        ]
        let fits = settings.map { setting in
            var network = makeNetwork(keepProbability: setting.keepProbability)
            let history = network.train(
                on: training, validation: validation, optimizer: Adam<Float>(learningRate: Regularization.learningRate),
                configuration: TrainingConfiguration(
                    epochs: Regularization.epochs, batchSize: Regularization.trainingCount,
                    loss: .binaryCrossEntropyWithLogits, shuffleSeed: Regularization.seed,
                    weightDecay: setting.weightDecay))
            let trainingResult = network.evaluate(on: training, loss: .binaryCrossEntropyWithLogits)
            let validationResult = network.evaluate(on: validation, loss: .binaryCrossEntropyWithLogits)
            let squares = network.denseLayers.reduce(0.0) { sum, layer in
                sum + layer.weights.storage.reduce(0.0) { $0 + Double($1) * Double($1) }
            }
            let boundary = ScalarGrid(xRange: boundaryXRange, yRange: boundaryYRange, columns: boundaryResolution,
                                      rows: boundaryResolution) { network.logisticProbabilities(at: $0) }
            return Fit(name: setting.name, history: history,
                       training: Evaluation(loss: trainingResult.loss, accuracy: trainingResult.accuracy ?? .nan),
                       validation: Evaluation(loss: validationResult.loss, accuracy: validationResult.accuracy ?? .nan),
                       weightSquares: squares, parameterCount: network.parameterCount, boundary: boundary)
        }
        return OverfittingRuns(training: training, validation: validation, fits: fits)
    }

    /// 2–64–64–1 ReLU (``Regularization/hiddenWidth``) with the same initial weights every time (the generator draws the dense layers in the
    /// same order whether or not dropout layers sit between them).
    static func makeNetwork(keepProbability: Double?) -> Sequential<Float> {
        var generator = SeededRandomNumberGenerator(seed: Regularization.seed + 1)
        let width = Regularization.hiddenWidth
        var layers: [any Layer<Float>] = []
        for (index, (input, output)) in [(2, width), (width, width), (width, 1)].enumerated() {
            layers.append(Dense<Float>(inputSize: input, outputSize: output, activation: index < 2 ? .relu : .identity,
                                       weightInitializer: .heUniform, generator: &generator))
            if index < 2, let keepProbability {
                layers.append(Dropout<Float>(size: output, keepProbability: keepProbability,
                                             seed: Regularization.seed + 10 + UInt64(index)))
            }
        }
        return Sequential(layers)
    }
}
