extension Dataset {
    /// Splits the data set into mini-batches of `batchSize` consecutive samples, in their stored order.
    ///
    /// There are ⌈N/B⌉ batches for N samples and batch size B: batches `0..<⌈N/B⌉−1` hold exactly B samples and
    /// the last holds the remaining `N − (⌈N/B⌉−1)·B` (between 1 and B). An empty data set gives no batches.
    /// - Parameter batchSize: The number of samples per batch, B ≥ 1. A size larger than N gives one batch.
    /// - Returns: The batches, which together hold every sample exactly once.
    public func miniBatches(batchSize: Int) -> [Dataset] {
        batches(of: Array(0..<count), batchSize: batchSize)
    }

    /// Shuffles the samples with `generator`, then splits them into mini-batches of `batchSize`.
    ///
    /// Call once per epoch: each call draws a fresh permutation (Fisher–Yates through
    /// ``SeededRandomNumberGenerator/shuffle(_:)``), so every epoch sees the samples in a new order, while the
    /// same seed reproduces the same sequence of epochs. Batch sizes are as in ``miniBatches(batchSize:)``:
    /// ⌈N/B⌉ batches, the last one smaller when B does not divide N.
    /// - Parameters:
    ///   - batchSize: The number of samples per batch, B ≥ 1.
    ///   - generator: The generator the permutation is drawn from; it advances by one shuffle of N indices.
    /// - Returns: The batches, which together hold every sample exactly once.
    public func miniBatches(batchSize: Int, shuffledWith generator: inout SeededRandomNumberGenerator) -> [Dataset] {
        var order = Array(0..<count)
        generator.shuffle(&order)
        return batches(of: order, batchSize: batchSize)
    }

    /// Shuffles with `generator` when one is given, otherwise keeps the stored order.
    ///
    /// For callers whose shuffling is a run option: `nil` behaves as ``miniBatches(batchSize:)``, a generator
    /// as the overload taking a non-optional generator.
    /// - Parameters:
    ///   - batchSize: The number of samples per batch, B ≥ 1.
    ///   - generator: The generator to shuffle with, or `nil` for no shuffling.
    /// - Returns: ⌈N/B⌉ batches holding every sample exactly once.
    public func miniBatches(batchSize: Int, shuffledWith generator: inout SeededRandomNumberGenerator?) -> [Dataset] {
        guard var unwrapped = generator else { return miniBatches(batchSize: batchSize) }
        let result = miniBatches(batchSize: batchSize, shuffledWith: &unwrapped)
        generator = unwrapped
        return result
    }

    private func batches(of order: [Int], batchSize: Int) -> [Dataset] {
        requirement(batchSize >= 1, "Mini-batch size must be at least 1, got \(batchSize)")
        return stride(from: 0, to: order.count, by: batchSize).map { start in
            subset(Array(order[start..<Swift.min(start + batchSize, order.count)]))
        }
    }
}
