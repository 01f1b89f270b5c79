/// What one epoch of training measured.
public struct EpochRecord: Sendable, Hashable, Codable {
    /// The epoch, counting from 1.
    public var epoch: Int
    /// Mean training loss over the epoch's mini-batches, weighted by batch size, measured during training
    /// (before each batch's update, in training mode) and without the weight-decay term, so it compares with
    /// the validation loss.
    public var trainingLoss: Double
    /// Fraction of training samples classified correctly during the epoch (same measurement as the loss).
    public var trainingAccuracy: Double?
    /// Loss on the validation set after the epoch, in evaluation mode.
    public var validationLoss: Double?
    /// Validation accuracy after the epoch.
    public var validationAccuracy: Double?
    /// For each layer with a weight matrix, the Frobenius norm of `∂L/∂W` averaged over the epoch's iterations
    /// (empty when not recorded).
    public var gradientNorms: [Double]
    /// The learning rate used during the epoch.
    public var learningRate: Double
}
