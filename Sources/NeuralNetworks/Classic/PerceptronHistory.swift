/// The course of a perceptron's training.
public struct PerceptronHistory: Sendable, Hashable {
    /// One update of the rule.
    public struct Update: Sendable, Hashable {
        /// The misclassified sample that caused it.
        public var sampleIndex: Int
        /// w after the update.
        public var weights: [Double]
        /// b after the update.
        public var bias: Double
    }

    /// Number of mistakes (= updates) in each epoch; the last is 0 when the run converged.
    public var mistakesPerEpoch: [Int] = []
    /// Every update, in order.
    public var updates: [Update] = []
    /// Whether an epoch passed without a mistake.
    public var converged = false
}
