/// The record of a training run: one ``EpochRecord`` per completed epoch, and how the run ended.
///
/// A run that produces a non-finite loss or gradient stops at once: ``divergedAtEpoch`` names the epoch, which
/// is not recorded, so the history never contains NaN or infinity.
public struct TrainingHistory: Sendable, Hashable, Codable {
    /// One record per completed epoch.
    public var epochs: [EpochRecord] = []
    /// The loss of every iteration, in order, when the configuration asks for it (finite values only).
    public var iterationLosses: [Double] = []
    /// The epoch in which the loss or a gradient became NaN or infinite, if it did.
    public var divergedAtEpoch: Int?
    /// The optimizer step, counted from 1 over the whole run, at which divergence was found (for a parameter or
    /// the validation loss, found at the end of an epoch, the epoch's last step).
    public var divergedAtStep: Int?
    /// What became non-finite first.
    public var divergenceCause: DivergenceCause?
    /// The optimizer's name, for legends.
    public var optimizerName: String = ""

    /// Creates an empty history.
    public init() {}

    /// Whether the run stopped because it diverged.
    public var diverged: Bool { divergedAtEpoch != nil }

    /// "diverged at epoch 3 (step 41): the training loss became NaN or infinite", or nil when it did not.
    public var divergenceDescription: String? {
        guard let epoch = divergedAtEpoch else { return nil }
        var text = "diverged at epoch \(epoch)"
        if let step = divergedAtStep { text += " (step \(step))" }
        if let divergenceCause { text += ": \(divergenceCause.description)" }
        return text
    }

    /// Records that the run stopped at `epoch` and `step` because `cause` became non-finite.
    mutating func recordDivergence(epoch: Int, step: Int, cause: DivergenceCause) {
        divergedAtEpoch = epoch
        divergedAtStep = step
        divergenceCause = cause
    }
    /// Training loss per epoch.
    public var trainingLosses: [Double] { epochs.map(\.trainingLoss) }
    /// Validation loss per epoch (empty without validation data).
    public var validationLosses: [Double] { epochs.compactMap(\.validationLoss) }
    /// Training accuracy per epoch (empty when not measured).
    public var trainingAccuracies: [Double] { epochs.compactMap(\.trainingAccuracy) }
    /// Validation accuracy per epoch (empty when not measured).
    public var validationAccuracies: [Double] { epochs.compactMap(\.validationAccuracy) }
    /// Learning rate per epoch.
    public var learningRates: [Double] { epochs.map(\.learningRate) }
    /// Gradient norms layer by layer: element `l` is the series over epochs of the `l`-th weight layer's
    /// ‖∂L/∂W‖ (one line per layer in a vanishing-gradient figure). Empty when norms were not recorded.
    public var gradientNormsByLayer: [[Double]] {
        guard let layerCount = epochs.first?.gradientNorms.count else { return [] }
        return (0..<layerCount).map { layer in epochs.map { $0.gradientNorms[layer] } }
    }
}

