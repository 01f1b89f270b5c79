extension Dataset {
    /// Shuffles the samples and divides them into disjoint training, validation and test sets.
    ///
    /// With N samples:
    ///
    ///     n_validation = round(validationFraction · N),   n_test = round(testFraction · N),
    ///     n_training   = N − n_validation − n_test,
    ///
    /// rounding halves away from zero. One permutation π of 0..<N is drawn (Fisher–Yates); the training set is
    /// samples π[0..<n_training], the validation set the next n_validation, the test set the rest, each in
    /// that shuffled order. Every sample lands in exactly one part.
    /// - Note: scikit-learn's `train_test_split` rounds the test size up instead; the two agree whenever the
    ///   products are whole numbers.
    /// - Parameters:
    ///   - validationFraction: Share of the samples for validation, in [0, 1).
    ///   - testFraction: Share of the samples for the final test, in [0, 1); the two shares sum to below 1.
    ///   - generator: The generator the permutation is drawn from.
    /// - Returns: The three parts, with this set's column names.
    /// - Throws: ``DatasetSplitError`` when a fraction is outside [0, 1), the fractions sum to 1 or more, or
    ///   rounding leaves no training sample.
    public func split(validationFraction: Double, testFraction: Double, shuffledWith generator: inout SeededRandomNumberGenerator) throws -> DatasetSplit<Scalar> {
        for (name, value) in [("validation", validationFraction), ("test", testFraction)] where !(value >= 0 && value < 1) {
            throw DatasetSplitError.fractionOutOfRange(name: name, value: value)
        }
        guard validationFraction + testFraction < 1 else {
            throw DatasetSplitError.fractionsLeaveNoTrainingSamples(validationFraction: validationFraction, testFraction: testFraction)
        }
        let validationCount = Int((validationFraction * Double(count)).rounded(.toNearestOrAwayFromZero))
        let testCount = Int((testFraction * Double(count)).rounded(.toNearestOrAwayFromZero))
        let trainingCount = count - validationCount - testCount
        guard trainingCount >= 1 else {
            throw DatasetSplitError.noTrainingSamples(count: count, validationCount: validationCount, testCount: testCount)
        }
        var order = Array(0..<count)
        generator.shuffle(&order)
        return DatasetSplit(
            training: subset(Array(order[0..<trainingCount])),
            validation: subset(Array(order[trainingCount..<(trainingCount + validationCount)])),
            test: subset(Array(order[(trainingCount + validationCount)...]))
        )
    }

    /// Splits as ``split(validationFraction:testFraction:shuffledWith:)`` with a generator seeded by `seed`.
    /// - Parameters:
    ///   - validationFraction: Share of the samples for validation, in [0, 1).
    ///   - testFraction: Share of the samples for the final test, in [0, 1).
    ///   - seed: Seed of the permutation.
    /// - Returns: The three parts.
    /// - Throws: ``DatasetSplitError`` as the generator version.
    public func split(validationFraction: Double, testFraction: Double, seed: UInt64) throws -> DatasetSplit<Scalar> {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return try split(validationFraction: validationFraction, testFraction: testFraction, shuffledWith: &generator)
    }
}
