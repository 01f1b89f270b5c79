extension Figure {
    /// Per-layer gradient magnitude across training (vanishing or exploding gradients): one line per layer on
    /// a log y axis, coloured from dark (first layer) to light (last layer) along the theme's colour map.
    ///
    /// ```swift
    /// let figure = Figure.gradientMagnitudes([("layer 1", norms1), ("layer 2", norms2)], xLabel: "epoch")
    /// ```
    ///
    /// - Parameters:
    ///   - layers: (name, magnitude per epoch or step) for each layer, input side first.
    ///   - x: Epoch or step of each value; nil uses 1, 2, 3, ….
    ///   - title: Panel title.
    ///   - xLabel: x-axis label.
    ///   - yLabel: y-axis label.
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func gradientMagnitudes(
        _ layers: [(name: String, values: [Double])], x: [Double]? = nil, title: String? = "Gradient norm per layer",
        xLabel: String = "epoch", yLabel: String = "‖∂L/∂W‖", width: Double = 800, height: Double = 500,
        theme: Theme = Theme()
    ) -> Figure {
        let figure = Figure(width: width, height: height, theme: theme)
        let axes = figure.axes
        for (index, layer) in layers.enumerated() {
            // Stop short of the map's yellow end, which is hard to see on white.
            let fraction = layers.count == 1 ? 0 : 0.85 * Double(index) / Double(layers.count - 1)
            let steps = x ?? layer.values.indices.map { Double($0 + 1) }
            axes.plot(steps, layer.values, label: layer.name, color: theme.colormap.color(at: fraction),
                      marker: layer.values.count <= 30 ? .circle : .none, markerSize: 5.5)
        }
        axes.yScale = .log10
        axes.title = title
        axes.xLabel = xLabel
        axes.yLabel = yLabel
        axes.legend(location: layers.count > 3 ? .outsideRight : .best)
        return figure
    }
}
