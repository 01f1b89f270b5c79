extension Figure {
    /// Training (solid) and validation (dashed) loss per epoch of several runs, one colour per run, on
    /// ``lossCurves(_:title:xLabel:yLabel:logarithmic:lineWidth:width:height:theme:)``.
    ///
    /// ```swift
    /// let figure = Figure.trainingCurves([("SGD", sgdHistory), ("Adam", adamHistory)])
    /// ```
    ///
    /// - Parameters:
    ///   - runs: (name, history) of each run; the n-th run takes the n-th colour of the theme's cycle.
    ///   - trainingName: Legend text of a run's training curve, from the run's name.
    ///   - validationName: Legend text of a run's validation curve; runs without validation data get none.
    ///   - title: Panel title.
    ///   - xLabel: x-axis label.
    ///   - yLabel: y-axis label.
    ///   - logarithmic: Log₁₀ y axis.
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func trainingCurves(
        _ runs: [(name: String, history: TrainingHistory)],
        trainingName: (String) -> String = { "\($0) training" },
        validationName: (String) -> String = { "\($0) validation" },
        title: String? = nil, xLabel: String = "epoch", yLabel: String = "loss", logarithmic: Bool = true,
        width: Double = 800, height: Double = 500, theme: Theme = Theme()
    ) -> Figure {
        var curves: [LossCurve] = []
        for (index, run) in runs.enumerated() {
            let color = theme.cycleColor(index)
            curves.append(.trainingLoss(of: run.history, name: trainingName(run.name), series: run.name, color: color))
            if run.history.epochs.contains(where: { $0.validationLoss != nil }) {
                curves.append(.validationLoss(of: run.history, name: validationName(run.name), series: run.name,
                                              color: color))
            }
        }
        return lossCurves(curves, title: title, xLabel: xLabel, yLabel: yLabel, logarithmic: logarithmic,
                          width: width, height: height, theme: theme)
    }

    /// ``gradientMagnitudes(_:x:title:xLabel:yLabel:width:height:theme:)`` of a run that recorded gradient
    /// norms (``TrainingConfiguration/recordsGradientNorms``): one line per weight layer, against the epoch.
    ///
    /// - Parameters:
    ///   - history: The run.
    ///   - layerName: Legend text of the l-th weight layer (counting from 1, next to the input).
    ///   - title: Panel title.
    ///   - xLabel: x-axis label.
    ///   - yLabel: y-axis label.
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func gradientMagnitudes(
        of history: TrainingHistory, layerName: (Int) -> String = { "layer \($0)" },
        title: String? = "Gradient norm per layer", xLabel: String = "epoch", yLabel: String = "‖∂L/∂W‖",
        width: Double = 800, height: Double = 500, theme: Theme = Theme()
    ) -> Figure {
        let layers = history.gradientNormsByLayer.enumerated().map { (name: layerName($0.offset + 1), values: $0.element) }
        return gradientMagnitudes(layers, x: history.epochs.map { Double($0.epoch) }, title: title, xLabel: xLabel,
                                  yLabel: yLabel, width: width, height: height, theme: theme)
    }
}
