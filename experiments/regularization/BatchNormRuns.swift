import ReportKit

/// A deep sigmoid network trained with and without batch normalisation before each activation (notes 001
/// §5.3: linear layer → BN → activation), from the same initial weights, data order and step size.
struct BatchNormRuns: Codable {
    /// One run.
    struct Run: Codable {
        var name: String
        var history: TrainingHistory
        var parameterCount: Int
    }

    var runs: [Run]

    static func train() -> BatchNormRuns {
        let data = Dataset<Float>.twoMoons(count: 1024, noise: 0.2, seed: Regularization.seed + 200)
        let validation = Dataset<Float>.twoMoons(count: 500, noise: 0.2, seed: Regularization.seed + 201)
        let runs = [false, true].map { normalizes in
            var network = makeNetwork(batchNormalization: normalizes)
            let history = network.train(
                on: data, validation: validation, optimizer: SGD<Float>(learningRate: Regularization.deepLearningRate),
                configuration: TrainingConfiguration(
                    epochs: Regularization.deepEpochs, batchSize: Regularization.deepBatchSize,
                    loss: .binaryCrossEntropyWithLogits, shuffleSeed: Regularization.seed))
            return Run(name: normalizes ? "有批归一化" : "无批归一化", history: history, parameterCount: network.parameterCount)
        }
        return BatchNormRuns(runs: runs)
    }

    /// 2 → (Dense → [BatchNorm] → sigmoid) × ``Regularization/deepHiddenLayers`` → Dense → 1 logit; Xavier
    /// weights drawn in the same order either way.
    static func makeNetwork(batchNormalization: Bool) -> Sequential<Float> {
        var generator = SeededRandomNumberGenerator(seed: Regularization.seed + 2)
        let width = Regularization.deepWidth
        var layers: [any Layer<Float>] = []
        var inputSize = 2
        for _ in 0..<Regularization.deepHiddenLayers {
            layers.append(Dense<Float>(inputSize: inputSize, outputSize: width, weightInitializer: .xavierUniform,
                                       generator: &generator))
            if batchNormalization { layers.append(BatchNorm<Float>(size: width)) }
            layers.append(ActivationLayer<Float>(.sigmoid, size: width))
            inputSize = width
        }
        layers.append(Dense<Float>(inputSize: inputSize, outputSize: 1, weightInitializer: .xavierUniform, generator: &generator))
        return Sequential(layers)
    }
}
