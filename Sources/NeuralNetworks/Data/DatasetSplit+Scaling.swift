extension DatasetSplit {
    /// All three parts with their inputs transformed by one scaler, which should be fitted on the training
    /// inputs only: `split.scalingInputs(by: ZScoreScaler(fittedTo: split.training.inputs))`.
    /// - Parameter scaler: A scaler fitted on as many columns as there are inputs.
    /// - Returns: The split with scaled inputs and unchanged targets.
    public func scalingInputs<Scaler: FeatureScaler>(by scaler: Scaler) -> DatasetSplit where Scaler.Scalar == Scalar {
        DatasetSplit(training: training.scalingInputs(by: scaler), validation: validation.scalingInputs(by: scaler), test: test.scalingInputs(by: scaler))
    }

    /// All three parts with their targets transformed by one scaler, which should be fitted on the training
    /// targets only.
    /// - Parameter scaler: A scaler fitted on as many columns as there are targets.
    /// - Returns: The split with scaled targets and unchanged inputs.
    public func scalingTargets<Scaler: FeatureScaler>(by scaler: Scaler) -> DatasetSplit where Scaler.Scalar == Scalar {
        DatasetSplit(training: training.scalingTargets(by: scaler), validation: validation.scalingTargets(by: scaler), test: test.scalingTargets(by: scaler))
    }
}
