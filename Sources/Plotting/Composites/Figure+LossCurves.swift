extension Figure {
    /// Loss curves of several runs in one panel, with a legend placed where it hides the least.
    ///
    /// ```swift
    /// let figure = Figure.lossCurves([
    ///     LossCurve(name: "SGD", y: sgdLosses),
    ///     LossCurve(name: "Adam", y: adamLosses),
    /// ], title: "损失曲线 Loss curve")
    /// ```
    ///
    /// - Parameters:
    ///   - curves: The runs; bands are drawn under all lines.
    ///   - title: Panel title.
    ///   - xLabel: x-axis label.
    ///   - yLabel: y-axis label.
    ///   - logarithmic: Log₁₀ y axis (losses spanning decades); bands are clipped at the bottom.
    ///   - lineWidth: Width of the curves.
    ///   - width: Page width in logical units.
    ///   - height: Page height in logical units.
    ///   - theme: The visual style.
    /// - Returns: The figure, ready for ``pngData()``.
    public static func lossCurves(_ curves: [LossCurve], title: String? = nil, xLabel: String = "step",
                                  yLabel: String = "loss", logarithmic: Bool = true, lineWidth: Double = 1.7,
                                  width: Double = 800, height: Double = 500, theme: Theme = Theme()) -> Figure {
        let figure = Figure(width: width, height: height, theme: theme)
        let axes = figure.axes
        var seriesColors: [(key: String, color: Color)] = []
        var colors: [Color] = []
        for curve in curves {
            if let color = curve.color {
                colors.append(color)
            } else if let key = curve.series, let known = seriesColors.first(where: { $0.key == key }) {
                colors.append(known.color)
            } else {
                let color = axes.nextColor()
                if let key = curve.series { seriesColors.append((key, color)) }
                colors.append(color)
            }
        }
        for (curve, color) in zip(curves, colors) {
            if let band = curve.band {
                axes.fillBetween(curve.x, lower: band.lower, upper: band.upper, color: color)
            }
        }
        for (curve, color) in zip(curves, colors) {
            // Markers every twelfth of the curve, offset per curve so that markers of curves that meet do not stack.
            let every = max(curve.y.count / 12, 1)
            axes.plot(curve.x, curve.y, label: curve.name, color: color, lineWidth: lineWidth, style: curve.style,
                      marker: curve.marker, markerSize: 7.5, markerEvery: every)
        }
        axes.yScale = logarithmic ? .log10 : .linear
        axes.title = title
        axes.xLabel = xLabel
        axes.yLabel = yLabel
        if curves.count > 1 || curves.contains(where: { !$0.name.isEmpty }) { axes.legend() }
        return figure
    }
}
