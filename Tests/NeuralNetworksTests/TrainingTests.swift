import XCTest
@testable import NeuralNetworks

final class TrainingTests: XCTestCase {
    /// Two noisy Gaussian clusters labelled 0 and 1, separable by a line but not trivially.
    private func clusters(count: Int, seed: UInt64) -> Dataset<Float> {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var inputs: [Float] = [], targets: [Float] = []
        for index in 0..<count {
            let label = index % 2
            let center: Double = label == 1 ? 1 : -1
            inputs.append(Float(generator.nextNormal(mean: center, standardDeviation: 0.8)))
            inputs.append(Float(generator.nextNormal(mean: -center, standardDeviation: 0.8)))
            targets.append(Float(label))
        }
        return Dataset(inputs: Matrix(rows: count, columns: 2, storage: inputs), targets: Matrix(rows: count, columns: 1, storage: targets))
    }

    private func network(seed: UInt64) -> Sequential<Float> {
        .multilayerPerceptron(sizes: [2, 16, 16, 1], hiddenActivation: .tanh, seed: seed)
    }

    func testSameSeedGivesBitIdenticalHistories() {
        let training = clusters(count: 200, seed: 1), validation = clusters(count: 60, seed: 2)
        let configuration = TrainingConfiguration(epochs: 8, batchSize: 32, loss: .binaryCrossEntropyWithLogits,
                                                  shuffleSeed: 5, recordsIterationLosses: true)
        var first = network(seed: 3), second = network(seed: 3)
        let history1 = first.train(on: training, validation: validation, optimizer: Adam(learningRate: 0.01), configuration: configuration)
        let history2 = second.train(on: training, validation: validation, optimizer: Adam(learningRate: 0.01), configuration: configuration)
        XCTAssertEqual(history1, history2)
        XCTAssertEqual(history1.trainingLosses.map(\.bitPattern), history2.trainingLosses.map(\.bitPattern))
        XCTAssertEqual(first.denseLayers.map(\.weights), second.denseLayers.map(\.weights))
        XCTAssertEqual(history1.iterationLosses.count, 8 * 7)

        var third = network(seed: 3)
        let otherShuffle = third.train(on: training, validation: validation, optimizer: Adam(learningRate: 0.01),
                                       configuration: TrainingConfiguration(epochs: 8, batchSize: 32, loss: .binaryCrossEntropyWithLogits, shuffleSeed: 6))
        XCTAssertNotEqual(otherShuffle.trainingLosses, history1.trainingLosses)
    }

    func testCopiedNetworkStartsFromTheSameInitialisation() {
        let initial = network(seed: 9)
        var sgd = initial, adam = initial
        let training = clusters(count: 128, seed: 4)
        let configuration = TrainingConfiguration(epochs: 30, batchSize: 16, loss: .binaryCrossEntropyWithLogits, shuffleSeed: 1)
        let sgdHistory = sgd.train(on: training, optimizer: SGD(learningRate: 0.1), configuration: configuration)
        let adamHistory = adam.train(on: training, optimizer: Adam(learningRate: 0.01), configuration: configuration)
        XCTAssertEqual(initial.denseLayers[0].weights, network(seed: 9).denseLayers[0].weights)
        XCTAssertNotEqual(sgd.denseLayers[0].weights, adam.denseLayers[0].weights)
        XCTAssertEqual(sgdHistory.optimizerName, "SGD")
        XCTAssertEqual(adamHistory.optimizerName, "Adam")
        for history in [sgdHistory, adamHistory] {
            XCTAssertLessThan(history.trainingLosses.last!, history.trainingLosses.first!)
            XCTAssertGreaterThan(history.trainingAccuracies.last!, 0.85)
            XCTAssertEqual(history.epochs.map(\.epoch), Array(1...30))
            XCTAssertEqual(history.epochs[0].gradientNorms.count, 3)
            XCTAssertEqual(history.gradientNormsByLayer.count, 3)
            XCTAssertEqual(history.gradientNormsByLayer[2], history.epochs.map { $0.gradientNorms[2] })
        }
    }

    func testHugeLearningRateDivergesInTheFirstEpoch() {
        // α = 10³⁰: the first step multiplies the weights' gradients by 10³⁰, so the next batches overflow Float
        // within the 8 batches of epoch 1, which is therefore not recorded.
        var model = network(seed: 2)
        let history = model.train(on: clusters(count: 128, seed: 3), validation: clusters(count: 32, seed: 4),
                                  optimizer: SGD(learningRate: 1e30),
                                  configuration: TrainingConfiguration(epochs: 20, batchSize: 16, loss: .meanSquaredError,
                                                                       shuffleSeed: 5, recordsIterationLosses: true))
        XCTAssertEqual(history.divergedAtEpoch, 1)
        XCTAssertTrue(history.diverged)
        XCTAssertEqual(history.epochs, [])
        XCTAssertFalse(history.iterationLosses.isEmpty, "the first batch, before any step, has a finite loss")
        XCTAssertTrue(history.iterationLosses.allSatisfy(\.isFinite))
    }

    func testDivergenceIsReportedAtTheEpochWhereItHappensWithoutNaNInTheHistory() {
        // α = 0.05 for epochs 1–3, then 0.05 · 10³⁰ from epoch 4: the run must stop in epoch 4 exactly, keeping
        // the three finite epochs before it.
        var model = network(seed: 2)
        let history = model.train(on: clusters(count: 128, seed: 3), validation: clusters(count: 32, seed: 4),
                                  optimizer: SGD(learningRate: 0.05),
                                  configuration: TrainingConfiguration(epochs: 20, batchSize: 16, loss: .meanSquaredError,
                                                                       shuffleSeed: 5, learningRateSchedule: .step(stepSize: 3, factor: 1e30),
                                                                       recordsIterationLosses: true))
        XCTAssertEqual(history.divergedAtEpoch, 4)
        XCTAssertEqual(history.epochs.map(\.epoch), [1, 2, 3])
        XCTAssertEqual(history.learningRates, [0.05, 0.05, 0.05])
        XCTAssertGreaterThan(history.iterationLosses.count, 3 * 8, "epoch 4 started with a finite batch")
        XCTAssertLessThan(history.iterationLosses.count, 4 * 8, "and stopped before its last batch")
        XCTAssertTrue(history.iterationLosses.allSatisfy(\.isFinite))
        for record in history.epochs {
            let values = [record.trainingLoss, record.validationLoss!, record.trainingAccuracy!, record.validationAccuracy!]
                + record.gradientNorms
            XCTAssertTrue(values.allSatisfy(\.isFinite), "epoch \(record.epoch)")
        }
        XCTAssertEqual(history.epochs[0].gradientNorms.count, 3)
    }

    func testLearnsXORWithSigmoidOutputAndHalfSquaredError() {
        let xor = Dataset<Double>(inputs: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), targets: Matrix([[0], [1], [1], [0]]))
        var model = Sequential<Double>.multilayerPerceptron(sizes: [2, 4, 1], hiddenActivation: .tanh,
                                                            outputActivation: .sigmoid, weightInitializer: .xavierUniform, seed: 7)
        let history = model.train(on: xor, optimizer: Momentum(learningRate: 0.5),
                                  configuration: TrainingConfiguration(epochs: 2000, batchSize: 4, loss: .halfSumOfSquaredErrors))
        XCTAssertFalse(history.diverged)
        XCTAssertEqual(history.trainingAccuracies.last, 1)
        let output = model.predict(xor.inputs)
        XCTAssertEqual(output.storage.map { $0 > 0.5 }, [false, true, true, false])
    }

    func testWeightDecayAddsLambdaTimesWeightsToWeightGradientsOnly() {
        // One full-batch SGD step with λ against the same step computed by hand from the plain gradients.
        let data = clusters(count: 8, seed: 11)
        let initial = Sequential<Float>.multilayerPerceptron(sizes: [2, 3, 1], hiddenActivation: .tanh,
                                                             weightInitializer: .xavierNormal, seed: 12)
        var plain = initial
        plain.computeGradients(inputs: data.inputs, targets: data.targets, loss: .meanSquaredError)
        let lambda: Float = 0.3, learningRate: Float = 0.1
        var decayed = initial
        decayed.train(on: data, optimizer: SGD(learningRate: Double(learningRate)),
                      configuration: TrainingConfiguration(epochs: 1, batchSize: 8, loss: .meanSquaredError,
                                                           shuffles: false, weightDecay: Double(lambda)))
        for (before, (withGradients, after)) in zip(initial.denseLayers, zip(plain.denseLayers, decayed.denseLayers)) {
            for i in before.weights.storage.indices {
                let expected = before.weights.storage[i] - learningRate * (withGradients.weightGradient.storage[i] + lambda * before.weights.storage[i])
                XCTAssertEqual(after.weights.storage[i], expected, accuracy: 1e-6)
            }
            for i in before.bias.indices {
                XCTAssertEqual(after.bias[i], before.bias[i] - learningRate * withGradients.biasGradient[i], accuracy: 1e-6)
            }
        }
    }

    func testGradientClippingBoundsTheGlobalNorm() {
        let data = clusters(count: 16, seed: 13)
        let initial = network(seed: 14)
        var plain = initial
        plain.computeGradients(inputs: data.inputs, targets: data.targets, loss: .meanSquaredError)
        var norm: Double = 0
        plain.visitParameters { _, gradient, _, _ in norm += gradient.reduce(0) { $0 + Double($1 * $1) } }
        norm = norm.squareRoot()
        let limit = norm / 4
        var clipped = initial
        clipped.train(on: data, optimizer: SGD(learningRate: 1),
                      configuration: TrainingConfiguration(epochs: 1, batchSize: 16, loss: .meanSquaredError, shuffles: false,
                                                           gradientClippingNorm: limit))
        // With SGD at α = 1 the parameter change is exactly the clipped gradient.
        var change: Double = 0
        for (before, after) in zip(initial.denseLayers, clipped.denseLayers) {
            for (a, b) in zip(before.weights.storage, after.weights.storage) { change += Double((a - b) * (a - b)) }
            for (a, b) in zip(before.bias, after.bias) { change += Double((a - b) * (a - b)) }
        }
        XCTAssertEqual(change.squareRoot(), limit, accuracy: limit * 1e-4)
    }

    func testDropoutAndBatchNormBehaveDifferentlyInEvaluation() {
        var generator = SeededRandomNumberGenerator(seed: 15)
        var model = Sequential<Double> {
            Dense(inputSize: 2, outputSize: 8, generator: &generator)
            BatchNorm(size: 8)
            ActivationLayer(.relu, size: 8)
            Dropout(size: 8, keepProbability: 0.5, seed: 16)
            Dense(inputSize: 8, outputSize: 1, generator: &generator)
        }
        let inputs = Matrix<Double>([[0.5, -1], [1, 2], [-0.3, 0.7], [2, 0.1]])
        let evaluation1 = model.predict(inputs), evaluation2 = model.predict(inputs)
        XCTAssertEqual(evaluation1, evaluation2)
        let training1 = model.forward(inputs, training: true), training2 = model.forward(inputs, training: true)
        XCTAssertNotEqual(training1, training2, "Dropout draws a new mask per training pass")
        let dropout = model.layers[3] as! Dropout<Double>
        XCTAssertEqual(dropout.keepProbability, 0.5)
        let batchNorm = model.layers[1] as! BatchNorm<Double>
        XCTAssertNotEqual(batchNorm.runningMean, Array(repeating: 0, count: 8), "Training passes update the running mean")
    }

    func testInvertedDropoutScalesKeptUnits() {
        var dropout = Dropout<Double>(size: 1000, keepProbability: 0.8, seed: 1)
        let input = Matrix<Double>(rows: 1, columns: 1000, repeating: 1)
        var output = Matrix<Double>(rows: 0, columns: 0)
        dropout.forward(input, into: &output, training: true)
        XCTAssertTrue(output.storage.allSatisfy { $0 == 0 || $0 == 1.25 })
        let kept = output.storage.filter { $0 > 0 }.count
        XCTAssertEqual(Double(kept) / 1000, 0.8, accuracy: 0.05)
        dropout.forward(input, into: &output, training: false)
        XCTAssertEqual(output, input)
    }

    func testBatchNormMatchesHandComputedStatistics() {
        var layer = BatchNorm<Double>(size: 1)
        var output = Matrix<Double>(rows: 0, columns: 0)
        layer.forward(Matrix([[1], [2], [3], [6]]), into: &output, training: true)
        // μ = 3, σ² = (4 + 1 + 0 + 9)/4 = 3.5.
        let root = (3.5 + 1e-5).squareRoot()
        for (actual, expected) in zip(output.storage, [-2 / root, -1 / root, 0, 3 / root]) {
            XCTAssertEqual(actual, expected, accuracy: 1e-15, "x̂ with γ = 1, β = 0")
        }
        XCTAssertEqual(layer.runningMean[0], 0.3, accuracy: 1e-15)
        XCTAssertEqual(layer.runningVariance[0], 0.9 + 0.1 * 14 / 3, accuracy: 1e-15)
    }

    func testBatchNormOnASingleSampleOutputsShiftAndPassesNoGradientBack() {
        var layer = BatchNorm<Double>(size: 2)
        layer.scale = [2, -0.5]
        layer.shift = [0.25, -3]
        let input = Matrix<Double>([[7, -4]])
        var output = Matrix<Double>(rows: 0, columns: 0)
        layer.forward(input, into: &output, training: true)
        // n = 1: μ = x, σ² = 0, so x̂ = 0 and y = β.
        XCTAssertEqual(output.storage, [0.25, -3])
        XCTAssertEqual(layer.runningMean[0], 0.7, accuracy: 1e-15)
        XCTAssertEqual(layer.runningMean[1], -0.4, accuracy: 1e-15)
        XCTAssertEqual(layer.runningVariance, [1, 1], "The unbiased variance of one sample is undefined: kept")
        var inputGradient = Matrix<Double>(rows: 0, columns: 0)
        layer.backward(input: input, output: output, outputGradient: Matrix([[1.5, -2]]),
                       inputGradient: &inputGradient, computesInputGradient: true)
        XCTAssertEqual(inputGradient.storage, [0, 0])
        XCTAssertEqual(layer.scaleGradient, [0, 0])
        XCTAssertEqual(layer.shiftGradient, [1.5, -2])
    }

    func testBatchNormNetworkTrainsWhenTheLastBatchHoldsOneSample() {
        // N = 2B + 1: the third mini-batch of every epoch has a single sample.
        var generator = SeededRandomNumberGenerator(seed: 41)
        var model = Sequential<Float> {
            Dense(inputSize: 2, outputSize: 8, weightInitializer: .heNormal, generator: &generator)
            BatchNorm(size: 8)
            ActivationLayer(.relu, size: 8)
            Dense(inputSize: 8, outputSize: 1, weightInitializer: .xavierNormal, generator: &generator)
        }
        let history = model.train(on: clusters(count: 17, seed: 42), validation: clusters(count: 8, seed: 43),
                                  optimizer: SGD(learningRate: 0.05),
                                  configuration: TrainingConfiguration(epochs: 6, batchSize: 8, loss: .binaryCrossEntropyWithLogits,
                                                                       shuffleSeed: 44, recordsIterationLosses: true))
        XCTAssertFalse(history.diverged)
        XCTAssertEqual(history.epochs.map(\.epoch), Array(1...6))
        XCTAssertEqual(history.iterationLosses.count, 6 * 3)
        XCTAssertTrue(history.validationLosses.allSatisfy(\.isFinite))
        let batchNorm = model.layers[1] as! BatchNorm<Float>
        XCTAssertTrue(batchNorm.runningVariance.allSatisfy { $0.isFinite && $0 > 0 })
        XCTAssertTrue(batchNorm.runningMean.allSatisfy(\.isFinite))
    }

    func testLearningRateScheduleIsRecorded() {
        var model = network(seed: 1)
        let history = model.train(on: clusters(count: 32, seed: 1), optimizer: SGD(learningRate: 0.4),
                                  configuration: TrainingConfiguration(epochs: 4, batchSize: 8, loss: .binaryCrossEntropyWithLogits,
                                                                       learningRateSchedule: .step(stepSize: 2, factor: 0.5)))
        XCTAssertEqual(history.learningRates, [0.4, 0.4, 0.2, 0.2])
    }

    func testGradientNormsAreThoseOfTheLossBeforeWeightDecay() {
        // One full batch, one epoch: the recorded norm of each layer is ‖∂L/∂W‖ of the data loss alone.
        let data = clusters(count: 12, seed: 21)
        let initial = Sequential<Double>.multilayerPerceptron(sizes: [2, 4, 3, 1], hiddenActivation: .tanh, seed: 22)
        var reference = initial
        reference.computeGradients(inputs: data.inputs.converted(), targets: data.targets.converted(), loss: .meanSquaredError)
        var trained = initial
        let history = trained.train(on: Dataset(inputs: data.inputs.converted(), targets: data.targets.converted()),
                                    optimizer: SGD(learningRate: 0.1),
                                    configuration: TrainingConfiguration(epochs: 1, batchSize: 12, loss: .meanSquaredError,
                                                                         weightDecay: 0.5))
        let expected = reference.denseLayers.map { $0.weightGradient.frobeniusNorm }
        XCTAssertEqual(history.epochs[0].gradientNorms.count, 3)
        for (recorded, norm) in zip(history.epochs[0].gradientNorms, expected) { XCTAssertEqual(recorded, norm, accuracy: 1e-12) }
    }

    func testTrainingLoopMatchesAHandWrittenLoopOverTheShuffledMiniBatches() {
        // 50 samples in batches of 16: three full batches and a last one of 2, over three epochs, so the loop's
        // reused buffers must follow the smaller batch and back. The reference goes through the public
        // mini-batch API, forward/backward and optimizer calls one step at a time. Without recorded gradient
        // norms the loop sums each gradient straight into Momentum's velocity (except on the last step, so the
        // layers end holding the last batch's gradient); the numbers must not change.
        let data = clusters(count: 50, seed: 31)
        let initial = network(seed: 32)
        var reference = initial
        var optimizer = Momentum<Float>(learningRate: 0.05, momentum: 0.9)
        var generator = SeededRandomNumberGenerator(seed: 33)
        var losses: [Double] = []
        for _ in 0..<3 {
            let batches = data.miniBatches(batchSize: 16, shuffledWith: &generator)
            XCTAssertEqual(batches.map(\.count), [16, 16, 16, 2])
            for batch in batches {
                losses.append(reference.computeGradients(inputs: batch.inputs, targets: batch.targets, loss: .binaryCrossEntropyWithLogits))
                reference.update(with: &optimizer)
            }
        }
        for recordsGradientNorms in [true, false] {
            var trained = initial
            let history = trained.train(on: data, optimizer: Momentum(learningRate: 0.05, momentum: 0.9),
                                        configuration: TrainingConfiguration(epochs: 3, batchSize: 16, loss: .binaryCrossEntropyWithLogits,
                                                                             shuffleSeed: 33, recordsGradientNorms: recordsGradientNorms,
                                                                             recordsIterationLosses: true))
            let label = "recordsGradientNorms: \(recordsGradientNorms)"
            XCTAssertEqual(history.iterationLosses.map(\.bitPattern), losses.map(\.bitPattern), label)
            XCTAssertEqual(trained.denseLayers.map(\.weights), reference.denseLayers.map(\.weights), label)
            XCTAssertEqual(trained.denseLayers.map(\.bias), reference.denseLayers.map(\.bias), label)
            XCTAssertEqual(trained.denseLayers.map(\.weightGradient), reference.denseLayers.map(\.weightGradient), label)
            XCTAssertEqual(trained.denseLayers.map(\.biasGradient), reference.denseLayers.map(\.biasGradient), label)
        }
    }

    func testAccumulatingBackwardAddsTheBatchGradientToTheBuffers() {
        // A Dense → BatchNorm → ReLU → Dense network: every layer kind with parameters. Backward once to get the
        // gradient g, fill the buffers with s, backward again accumulating: the buffers must hold s + g.
        var generator = SeededRandomNumberGenerator(seed: 41)
        var model = Sequential<Double> {
            Dense(inputSize: 3, outputSize: 4, generator: &generator)
            BatchNorm(size: 4)
            ActivationLayer(.relu, size: 4)
            Dense(inputSize: 4, outputSize: 2, biasInitializer: .uniformInverseSquareRoot, generator: &generator)
        }
        let inputs = Matrix<Double>(rows: 5, columns: 3, storage: (0..<15).map { _ in generator.nextNormal() })
        let targets = Matrix<Double>(rows: 5, columns: 2, storage: (0..<10).map { _ in generator.nextNormal() })
        model.computeGradients(inputs: inputs, targets: targets, loss: .meanSquaredError)
        let gradients = model.layers.flatMap { $0.parameterGradients }
        XCTAssertEqual(gradients.count, 6)
        let starts = gradients.enumerated().map { index, gradient in gradient.indices.map { Double(index) - 0.25 * Double($0) } }
        var slot = 0
        model.visitParameters { _, gradient, _, _ in
            gradient = starts[slot]
            slot += 1
        }
        model.backward(outputGradient: model.inputGradients[model.layers.count], accumulatesParameterGradients: true)
        let accumulated = model.layers.flatMap { $0.parameterGradients }
        for tensor in gradients.indices {
            for i in gradients[tensor].indices {
                XCTAssertEqual(accumulated[tensor][i], starts[tensor][i] + gradients[tensor][i], accuracy: 1e-12, "tensor \(tensor) entry \(i)")
            }
        }
    }

    func testVectorKernels() {
        let values: [Float] = (0..<19).map { Float($0) - 7.5 }
        XCTAssertEqual(VectorKernels.sumOfSquares(values), values.reduce(0.0) { $0 + Double($1) * Double($1) }, accuracy: 1e-9)
        XCTAssertTrue(VectorKernels.allFinite(values))
        XCTAssertFalse(VectorKernels.allFinite(values + [.nan]))
        XCTAssertFalse(VectorKernels.allFinite([1, -.infinity, 2] as [Double]))
        var y: [Double] = [1, 2, 3]
        VectorKernels.addScaled([1, 1, 2], times: 0.5, to: &y)
        XCTAssertEqual(y, [1.5, 2.5, 4])
        VectorKernels.scale(&y, by: 2)
        XCTAssertEqual(y, [3, 5, 8])
    }

    func testFloatAndDoubleTrainingAgreeToFloatPrecision() {
        let floatData = clusters(count: 64, seed: 31)
        let doubleData = Dataset<Double>(inputs: floatData.inputs.converted(), targets: floatData.targets.converted())
        let configuration = TrainingConfiguration(epochs: 5, batchSize: 16, loss: .binaryCrossEntropyWithLogits, shuffleSeed: 2)
        var floatNetwork = Sequential<Float>.multilayerPerceptron(sizes: [2, 8, 1], hiddenActivation: .tanh, seed: 4)
        var doubleNetwork = Sequential<Double>.multilayerPerceptron(sizes: [2, 8, 1], hiddenActivation: .tanh, seed: 4)
        let floatHistory = floatNetwork.train(on: floatData, optimizer: Adam(learningRate: 0.01), configuration: configuration)
        let doubleHistory = doubleNetwork.train(on: doubleData, optimizer: Adam(learningRate: 0.01), configuration: configuration)
        for (single, double) in zip(floatHistory.trainingLosses, doubleHistory.trainingLosses) {
            XCTAssertEqual(single, double, accuracy: 1e-4)
        }
    }
}
