import NeuralNetworks
import Plotting

extension LossCurve {
    /// The training loss of `history` per epoch (x = 1, 2, …), marked where the run diverged.
    ///
    /// ```swift
    /// Figure.lossCurves([.trainingLoss(of: sgdHistory, name: "SGD"), .trainingLoss(of: adamHistory, name: "Adam")])
    /// ```
    /// A run that diverged in epoch k stops its curve at epoch k − 1 and gets a mark at k with the legend
    /// entry "SGD — diverged at epoch k (step s)", even when it has no finite epoch at all.
    public static func trainingLoss(of history: TrainingHistory, name: String, style: LineStyle = .solid,
                                    series: String? = nil, color: Color? = nil) -> LossCurve {
        LossCurve(name: name, x: history.epochs.map { Double($0.epoch) }, y: history.trainingLosses, style: style,
                  series: series, color: color).markingDivergence(of: history)
    }

    /// The validation loss of `history` per epoch (NaN where an epoch has none), marked where the run diverged.
    public static func validationLoss(of history: TrainingHistory, name: String, style: LineStyle = .dashed,
                                      series: String? = nil, color: Color? = nil) -> LossCurve {
        LossCurve(name: name, x: history.epochs.map { Double($0.epoch) }, y: history.epochs.map { $0.validationLoss ?? .nan },
                  style: style, series: series, color: color).markingDivergence(of: history)
    }

    /// This curve with the divergence of `history` (x = its epoch), if the run diverged.
    public func markingDivergence(of history: TrainingHistory) -> LossCurve {
        guard let epoch = history.divergedAtEpoch else { return self }
        var curve = self
        curve.divergedAt = Double(epoch)
        curve.divergenceNote = history.divergenceDescription.map { $0.components(separatedBy: ":").first ?? $0 }
        return curve
    }
}
