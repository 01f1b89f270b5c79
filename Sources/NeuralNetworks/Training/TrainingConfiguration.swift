/// The settings of one training run (everything but the network, the data and the optimizer).
public struct TrainingConfiguration: Sendable, Hashable, Codable {
    /// Number of passes over the training set.
    public var epochs: Int
    /// Samples per mini-batch, B; an epoch has ⌈N/B⌉ iterations, the last batch smaller.
    public var batchSize: Int
    /// The loss minimised (and reported).
    public var loss: Loss
    /// Seed of the generator that shuffles the training set before every epoch.
    public var shuffleSeed: UInt64
    /// Whether to reshuffle every epoch (true) or keep the stored order.
    public var shuffles: Bool
    /// L2 weight decay λ of notes 001: the objective is `L + ½ λ Σ ‖W‖²` over weight matrices (not biases), so
    /// each weight gradient gains `λ W`. 0 turns it off.
    public var weightDecay: Double
    /// Clip the global gradient norm `‖g‖ = √(Σ over all tensors of Σ g²)` to this value, if set:
    /// `g ← g · c / ‖g‖` when `‖g‖ > c` (PyTorch's `clip_grad_norm_`). Applied after weight decay.
    public var gradientClippingNorm: Double?
    /// How the learning rate changes between epochs.
    public var learningRateSchedule: LearningRateSchedule
    /// Whether to compute accuracy; `nil` decides from the data (targets all 0 or 1 means classification).
    public var measuresAccuracy: Bool?
    /// Whether to record per-layer weight-gradient norms (averaged over each epoch's iterations).
    public var recordsGradientNorms: Bool
    /// Whether to record the loss of every iteration as well as per-epoch values.
    public var recordsIterationLosses: Bool

    /// Creates a configuration; only the epochs, batch size and loss have no default.
    public init(
        epochs: Int, batchSize: Int, loss: Loss, shuffleSeed: UInt64 = 0, shuffles: Bool = true,
        weightDecay: Double = 0, gradientClippingNorm: Double? = nil,
        learningRateSchedule: LearningRateSchedule = .constant, measuresAccuracy: Bool? = nil,
        recordsGradientNorms: Bool = true, recordsIterationLosses: Bool = false
    ) {
        requirement(epochs >= 0, "the number of epochs must be at least 0, got \(epochs)")
        requirement(batchSize >= 1, "the mini-batch size must be at least 1, got \(batchSize)")
        self.epochs = epochs
        self.batchSize = batchSize
        self.loss = loss
        self.shuffleSeed = shuffleSeed
        self.shuffles = shuffles
        self.weightDecay = weightDecay
        self.gradientClippingNorm = gradientClippingNorm
        self.learningRateSchedule = learningRateSchedule
        self.measuresAccuracy = measuresAccuracy
        self.recordsGradientNorms = recordsGradientNorms
        self.recordsIterationLosses = recordsIterationLosses
    }
}
