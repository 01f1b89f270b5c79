import ReportKit

extension Regularization {
    static func spreadFigure(_ probes: [InitializationProbe]) -> Figure {
        let layers = (0...depth).map(Double.init)
        // Four line styles as well as colours, so the rules stay apart when the handout is printed in grey.
        let styles = LineStyle.distinguishableCycle
        return Figure.lossCurves(probes.enumerated().map { index, probe in
                                     LossCurve(name: probe.figureName, x: layers, y: probe.standardDeviations, style: styles[index % styles.count])
                                 },
                                 title: "各层输出的标准差", xLabel: "层 $l$（0 为输入）", yLabel: "std($a^{(l)}$)",
                                 logarithmic: true, width: 820, height: 460)
    }

    static func boundaryFigure(_ runs: OverfittingRuns) -> Figure {
        Figure.decisionBoundaries(runs.fits.map { Figure.ClassifierPanel(title: $0.name, probabilities: $0.boundary) },
                                  data: runs.training, xRange: OverfittingRuns.boundaryXRange,
                                  yRange: OverfittingRuns.boundaryYRange, resolution: OverfittingRuns.boundaryResolution,
                                  classNames: ["类别 0", "类别 1"], probabilityLabel: "$P$(类别 1)", title: "决策边界",
                                  width: 960, height: 400)
    }

    /// Training (solid) and validation (dashed) loss per epoch, one colour and one marker shape per run.
    static func curveFigure(_ runs: [(name: String, history: TrainingHistory)], title: String, yLabel: String) -> Figure {
        Figure.trainingCurves(runs, trainingName: { "\($0) 训练" }, validationName: { "\($0) 验证" }, title: title,
                              xLabel: "轮 epoch", yLabel: yLabel, width: 820, height: 480)
    }

    static func overfittingCurveFigure(_ runs: OverfittingRuns) -> Figure {
        curveFigure(runs.fits.map { ($0.name, $0.history) }, title: "训练与验证损失", yLabel: "二元交叉熵")
    }

    static func batchNormFigure(_ runs: BatchNormRuns) -> Figure {
        curveFigure(runs.runs.map { ($0.name, $0.history) }, title: "深层 sigmoid 网络的损失", yLabel: "二元交叉熵")
    }
}
