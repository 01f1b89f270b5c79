extension Sequential {
    /// σ(z) of the network's single output at every 2-D point, in one forward pass: a binary classifier's
    /// probability of class 1 when it was trained on logits (``Loss/binaryCrossEntropyWithLogits``).
    ///
    /// One batch of N points costs one matrix product per layer, where N calls of ``predict(_:)`` on one point
    /// each cost N (a 150 × 150 decision-boundary grid: 22,500).
    /// - Precondition: the network takes 2 inputs and gives 1 output.
    public func logisticProbabilities(at points: [SIMD2<Double>]) -> [Double] {
        var storage = [Scalar]()
        storage.reserveCapacity(points.count * 2)
        for point in points {
            storage.append(Scalar(point.x))
            storage.append(Scalar(point.y))
        }
        let logits = predict(Matrix(rows: points.count, columns: 2, storage: storage))
        precondition(logits.columns == 1, "logisticProbabilities needs a network with one output, this one has \(logits.columns)")
        return logits.storage.map { Activation.sigmoid.value(at: Double($0)) }
    }
}
