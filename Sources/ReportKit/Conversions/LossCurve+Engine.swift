extension LossCurve {
    /// The training loss of a run, one value per epoch at x = 1, 2, 3, …, marked where the run diverged
    /// (see ``markingDivergence(of:)``).
    ///
    /// - Parameters:
    ///   - history: The run.
    ///   - name: Legend text.
    ///   - style: Line style.
    ///   - series: Shared colour key.
    ///   - color: Explicit colour.
    public static func trainingLoss(of history: TrainingHistory, name: String, style: LineStyle = .solid,
                                    series: String? = nil, color: Color? = nil) -> LossCurve {
        LossCurve(name: name, x: history.epochs.map { Double($0.epoch) }, y: history.trainingLosses, style: style,
                  series: series, color: color).markingDivergence(of: history)
    }

    /// The validation loss of a run per epoch; an epoch without one leaves a gap in the line. Marked where the
    /// run diverged.
    ///
    /// - Parameters:
    ///   - history: The run.
    ///   - name: Legend text.
    ///   - style: Line style (dashed, by the convention of the composite figures).
    ///   - series: Shared colour key.
    ///   - color: Explicit colour.
    public static func validationLoss(of history: TrainingHistory, name: String, style: LineStyle = .dashed,
                                      series: String? = nil, color: Color? = nil) -> LossCurve {
        LossCurve(name: name, x: history.epochs.map { Double($0.epoch) },
                  y: history.epochs.map { $0.validationLoss ?? .nan }, style: style, series: series, color: color)
            .markingDivergence(of: history)
    }

    /// This curve with the divergence of `history` (x = its epoch), if the run diverged: the figure marks it
    /// there and the legend says "— diverged at epoch k (step s)", even when the run has no finite epoch.
    public func markingDivergence(of history: TrainingHistory) -> LossCurve {
        guard let epoch = history.divergedAtEpoch else { return self }
        var curve = self
        curve.divergedAt = Double(epoch)
        curve.divergenceNote = history.divergenceDescription.map { $0.components(separatedBy: ":").first ?? $0 }
        return curve
    }

    /// f along an optimizer's path, one value per step from step 0 (the start).
    ///
    /// - Parameters:
    ///   - path: The path.
    ///   - name: Legend text; nil uses the path's name.
    ///   - style: Line style.
    ///   - color: Explicit colour.
    public init(_ path: OptimizationTrajectory, name: String? = nil, style: LineStyle = .solid, color: Color? = nil) {
        self.init(name: name ?? path.name, y: path.values, style: style, color: color)
    }
}
