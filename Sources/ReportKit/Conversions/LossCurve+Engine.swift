extension LossCurve {
    /// The training loss of a run, one value per epoch at x = 1, 2, 3, ….
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
                  series: series, color: color)
    }

    /// The validation loss of a run per epoch; an epoch without one leaves a gap in the line.
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
