extension Dataset {
    /// This data set with its inputs transformed by `scaler` and its targets unchanged.
    ///
    /// Fit the scaler on the training inputs only, then apply the same scaler to every part:
    /// `let scaler = ZScoreScaler(fittedTo: split.training.inputs)`,
    /// `split.validation.scalingInputs(by: scaler)`.
    /// - Parameter scaler: A scaler fitted on as many columns as there are inputs.
    /// - Returns: The scaled data set, names kept.
    public func scalingInputs<Scaler: FeatureScaler>(by scaler: Scaler) -> Dataset where Scaler.Scalar == Scalar {
        Dataset(inputs: scaler.transform(inputs), targets: targets, inputNames: inputNames, targetNames: targetNames)
    }

    /// This data set with its targets transformed by `scaler` and its inputs unchanged (regression targets, as
    /// in notes 004); map predictions back with ``FeatureScaler/inverseTransform(_:)``.
    /// - Parameter scaler: A scaler fitted on as many columns as there are targets.
    /// - Returns: The scaled data set, names kept.
    public func scalingTargets<Scaler: FeatureScaler>(by scaler: Scaler) -> Dataset where Scaler.Scalar == Scalar {
        Dataset(inputs: inputs, targets: scaler.transform(targets), inputNames: inputNames, targetNames: targetNames)
    }
}
