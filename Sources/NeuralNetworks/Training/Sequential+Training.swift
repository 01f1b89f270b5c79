extension Sequential {
    /// Trains the network with mini-batch gradient descent and records what happened epoch by epoch.
    ///
    /// Each epoch, in order:
    /// 1. set the learning rate from the schedule;
    /// 2. shuffle the training set (seeded) and split it into ⌈N/B⌉ mini-batches;
    /// 3. for each batch: forward in training mode, loss, backward; add `λW` to each weight gradient (L2 weight
    ///    decay); clip the global gradient norm if asked; one optimizer step;
    /// 4. evaluate the validation set in evaluation mode.
    ///
    /// Divergence: as soon as a batch loss is NaN or infinite (or the gradient, when norms are recorded or
    /// clipped; or, at the end of an epoch, a parameter or the validation loss), the run stops and
    /// ``TrainingHistory/divergedAtEpoch`` and ``TrainingHistory/divergedAtStep`` record where; that epoch is not
    /// added to the history. The network keeps the parameters it had reached.
    ///
    /// Two runs with equal networks, data, optimizer and configuration give bit-identical histories.
    /// - Precondition: The training set holds at least one sample, the batch size is at least 1, and the data's
    ///   input and target columns match the network's first and last layers. Otherwise the program stops with a
    ///   message naming the mismatch (in optimised builds too) rather than returning a history: a history of
    ///   zeros or of no epochs would read like a result.
    /// - Parameters:
    ///   - training: The training set (not empty).
    ///   - validation: Evaluated after every epoch, if given.
    ///   - optimizer: The optimizer, with its initial learning rate; its state starts fresh (it is a value).
    ///   - configuration: Epochs, batch size, loss, seed and the other settings.
    ///   - observer: Told of the start, of every finished epoch and of the end; by default the task-local
    ///     ``TrainingObservation/observer``, so a caller that binds one sees every run inside it.
    /// - Returns: The per-epoch history.
    @discardableResult
    public mutating func train<O: Optimizer>(
        on training: Dataset<Scalar>, validation: Dataset<Scalar>? = nil, optimizer: O,
        configuration: TrainingConfiguration, observer: (any TrainingObserver)? = TrainingObservation.observer
    ) -> TrainingHistory where O.Scalar == Scalar {
        checkTrainingShapes(training: training, validation: validation, configuration: configuration)
        var optimizer = optimizer
        var history = TrainingHistory()
        history.optimizerName = optimizer.name
        let initialLearningRate = optimizer.learningRate
        var generator: SeededRandomNumberGenerator? =
            configuration.shuffles ? SeededRandomNumberGenerator(seed: configuration.shuffleSeed) : nil
        let measuresAccuracy = configuration.measuresAccuracy
            ?? training.targets.storage.allSatisfy { $0 == 0 || $0 == 1 }
        let loss = configuration.loss
        let weightDecay = Scalar(configuration.weightDecay)
        let weightLayers = weightLayerIndices
        let needsNorms = configuration.recordsGradientNorms || configuration.gradientClippingNorm != nil

        // Momentum reads each gradient only as ρv + g: unless weight decay, clipping or norms need g itself, the
        // backward pass adds it straight into the optimizer's decayed velocity, which saves zeroing, writing and
        // reading a gradient array every step (see `GradientAccumulatingOptimizer`).
        var accumulatingOptimizer = needsNorms || weightDecay != 0
            ? nil : optimizer as? any GradientAccumulatingOptimizer<Scalar>

        guard configuration.epochs > 0 else { return history }
        observer?.trainingWillStart(epochs: configuration.epochs, optimizerName: history.optimizerName)
        // Every return below hands back `history` as it stands, finished or diverged.
        defer { observer?.trainingDidEnd(history) }
        var step = 0
        // The same batches as `training.miniBatches(batchSize:shuffledWith:)`, gathered one at a time into
        // buffers that live across steps instead of all copied up front every epoch.
        var order = Array(0..<training.count)
        var batchTargets = Matrix<Scalar>(rows: 0, columns: training.targets.columns)
        let batchCount = (training.count + configuration.batchSize - 1) / configuration.batchSize
        for epoch in 1...configuration.epochs {
            let learningRate = configuration.learningRateSchedule.learningRate(initial: initialLearningRate, epoch: epoch)
            optimizer.learningRate = learningRate
            accumulatingOptimizer?.learningRate = learningRate
            if generator != nil {
                for index in order.indices { order[index] = index }
                generator!.shuffle(&order)
            }
            var lossSum = 0.0, correct = 0
            var normSums = Array(repeating: 0.0, count: weightLayers.count)

            for start in stride(from: 0, to: order.count, by: configuration.batchSize) {
                // Forward, loss, backward.
                let samples = order[start..<Swift.min(start + configuration.batchSize, order.count)]
                step += 1
                // The run's last step computes its gradient on its own, so that the layers end holding the
                // gradient of the last batch as after any backward pass.
                let isLastStep = epoch == configuration.epochs && samples.endIndex == order.count
                let accumulates = accumulatingOptimizer != nil && !isLastStep
                if accumulates { exchangeGradientBuffers(with: &accumulatingOptimizer!) }
                let batchLoss = computeGradients(samples: samples, of: training, targets: &batchTargets, loss: loss,
                                                 accumulatesParameterGradients: accumulates)
                if accumulates { exchangeGradientBuffers(with: &accumulatingOptimizer!) }
                guard batchLoss.isFinite else {
                    history.recordDivergence(epoch: epoch, step: step, cause: .loss)
                    return history
                }
                if measuresAccuracy {
                    correct += loss.correctCount(output: activations[layers.count], targets: batchTargets)
                }
                // Gradient norms of the loss itself, then weight decay, then clipping of the total.
                if needsNorms {
                    var layerSquares = Array(repeating: 0.0, count: layers.count)
                    var totalSquares = 0.0
                    visitParameters { parameter, gradient, kind, layerIndex in
                        if kind == .weight {
                            layerSquares[layerIndex] += VectorKernels.sumOfSquares(gradient)
                            if weightDecay != 0 { VectorKernels.addScaled(parameter, times: weightDecay, to: &gradient) }
                        }
                        totalSquares += VectorKernels.sumOfSquares(gradient)
                    }
                    guard totalSquares.isFinite else {
                        history.recordDivergence(epoch: epoch, step: step, cause: .gradient)
                        return history
                    }
                    for (position, layerIndex) in weightLayers.enumerated() {
                        normSums[position] += layerSquares[layerIndex].squareRoot()
                    }
                    if let maximumNorm = configuration.gradientClippingNorm, totalSquares.squareRoot() > maximumNorm {
                        let factor = Scalar(maximumNorm / totalSquares.squareRoot())
                        visitParameters { _, gradient, _, _ in VectorKernels.scale(&gradient, by: factor) }
                    }
                } else if weightDecay != 0 {
                    visitParameters { parameter, gradient, kind, _ in
                        if kind == .weight { VectorKernels.addScaled(parameter, times: weightDecay, to: &gradient) }
                    }
                }
                // Update.
                if accumulates {
                    var slot = 0
                    visitParameters { parameter, _, _, _ in
                        accumulatingOptimizer!.updateFromAccumulator(&parameter, slot: slot)
                        slot += 1
                    }
                } else if accumulatingOptimizer != nil {
                    update(with: &accumulatingOptimizer!)
                } else {
                    update(with: &optimizer)
                }
                lossSum += batchLoss * Double(samples.count)
                if configuration.recordsIterationLosses { history.iterationLosses.append(batchLoss) }
            }

            // Evaluate.
            var parametersFinite = true
            visitParameters { parameter, _, _, _ in
                if parametersFinite, !VectorKernels.allFinite(parameter) { parametersFinite = false }
            }
            let validationResult = validation.map { evaluate(on: $0, loss: loss, measuresAccuracy: measuresAccuracy) }
            guard parametersFinite, validationResult?.loss.isFinite ?? true else {
                history.recordDivergence(epoch: epoch, step: step, cause: parametersFinite ? .validationLoss : .parameter)
                return history
            }
            let count = Double(training.count)
            let record = EpochRecord(
                epoch: epoch,
                trainingLoss: lossSum / count,
                trainingAccuracy: measuresAccuracy ? Double(correct) / count : nil,
                validationLoss: validationResult?.loss,
                validationAccuracy: validationResult?.accuracy,
                gradientNorms: configuration.recordsGradientNorms ? normSums.map { $0 / Double(batchCount) } : [],
                learningRate: learningRate)
            history.epochs.append(record)
            observer?.trainingDidFinishEpoch(record, of: configuration.epochs)
        }
        return history
    }

    /// Stops with a message naming the mismatch when the data, the network and the settings do not fit
    /// together; checked once before training, so a mistake is named in the caller's terms rather than found
    /// deep inside a matrix product.
    func checkTrainingShapes(training: Dataset<Scalar>, validation: Dataset<Scalar>?, configuration: TrainingConfiguration) {
        requirement(!layers.isEmpty, "the network has no layers to train")
        requirement(training.count > 0, "the training set is empty: there are no samples to train on")
        requirement(configuration.batchSize >= 1, "the mini-batch size must be at least 1, got \(configuration.batchSize)")
        for (name, data) in [("training", training)] + (validation.map { [("validation", $0)] } ?? []) {
            requirement(data.inputs.columns == inputSize,
                        "the \(name) set has \(data.inputs.columns) input column\(data.inputs.columns == 1 ? "" : "s") but layer 1 (\(layers[0].summary)) takes \(inputSize) inputs")
            requirement(data.targets.columns == outputSize,
                        "the \(name) set has \(data.targets.columns) target column\(data.targets.columns == 1 ? "" : "s") but the last layer (\(layers[layers.count - 1].summary)) gives \(outputSize) outputs")
        }
    }

    /// Swaps every gradient buffer with the optimizer's accumulator of the same slot (slots numbered as in
    /// ``update(with:)``); a second call swaps them back.
    mutating func exchangeGradientBuffers(with optimizer: inout some GradientAccumulatingOptimizer<Scalar>) {
        var slot = 0
        visitParameters { _, gradient, _, _ in
            optimizer.exchangeAccumulator(&gradient, slot: slot)
            slot += 1
        }
    }

    /// Indices of the layers that have a weight matrix, in order.
    var weightLayerIndices: [Int] {
        var copy = self
        var indices: [Int] = []
        copy.visitParameters { _, _, kind, layerIndex in
            if kind == .weight, indices.last != layerIndex { indices.append(layerIndex) }
        }
        return indices
    }
}
