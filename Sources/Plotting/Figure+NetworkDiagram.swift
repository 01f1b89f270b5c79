extension Figure {
    /// A drawing of a fully connected network: neurons as circles in columns, every pair of neurons in
    /// neighbouring layers joined by an edge, a label under each layer.
    ///
    /// Layers with more than `maximumShown` neurons show the first and last few with "⋮" between.
    ///
    /// ```swift
    /// let figure = Figure.networkDiagram(layerSizes: [2, 4, 4, 1], layerNames: ["input", "hidden", "hidden", "output"])
    /// ```
    ///
    /// - Parameters:
    ///   - layerSizes: Neurons per layer, input first.
    ///   - layerNames: A label under each layer; nil labels them with their sizes.
    ///   - neuronLabels: Text inside each neuron, per layer (e.g. ["x₁", "x₂"]); nil leaves them empty.
    ///   - maximumShown: Most neurons drawn per layer.
    ///   - title: Figure title.
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func networkDiagram(
        layerSizes: [Int], layerNames: [String]? = nil, neuronLabels: [[String]]? = nil, maximumShown: Int = 8,
        title: String? = nil, width: Double = 800, height: Double = 500, theme: Theme = Theme()
    ) -> Figure {
        let figure = Figure(width: width, height: height, theme: theme)
        let axes = figure.axes
        axes.hidesAxes = true
        axes.showGrid = false
        axes.title = title
        // Each layer: the shown neurons' indices (nil marks the "⋮" gap) and their y positions.
        let layers: [[Int?]] = layerSizes.map { size in
            guard size > maximumShown else { return Array(0..<size).map { Optional($0) } }
            let head = maximumShown - 3
            return Array(0..<head).map { Optional($0) } + [nil] + [size - 2, size - 1].map { Optional($0) }
        }
        let tallest = Double(layers.map(\.count).max() ?? 1)
        func y(_ slot: Int, of count: Int) -> Double { (Double(count) - 1) / 2 - Double(slot) }
        let edgeColor = Color(gray: 0.55, alpha: 0.55)
        for (layer, neurons) in layers.enumerated().dropLast() {
            let next = layers[layer + 1]
            for (slot, neuron) in neurons.enumerated() where neuron != nil {
                for (nextSlot, nextNeuron) in next.enumerated() where nextNeuron != nil {
                    axes.plot([Double(layer), Double(layer + 1)],
                              [y(slot, of: neurons.count), y(nextSlot, of: next.count)], color: edgeColor,
                              lineWidth: 0.9)
                }
            }
        }
        let fills = [theme.cycleColor(0), theme.cycleColor(2), theme.cycleColor(1)]
        for (layer, neurons) in layers.enumerated() {
            let role = layer == 0 ? 0 : (layer == layers.count - 1 ? 2 : 1)
            for (slot, neuron) in neurons.enumerated() {
                let position = y(slot, of: neurons.count)
                guard let neuron else {
                    axes.text("⋮", x: Double(layer), y: position, size: 20, horizontal: .center, vertical: .center)
                    continue
                }
                axes.scatter([Double(layer)], [position], color: fills[role].mixed(with: .white, fraction: 0.25),
                             size: min(34, 300 / tallest), edgeColor: Color(gray: 0.15))
                if let labels = neuronLabels, layer < labels.count, neuron < labels[layer].count {
                    axes.text(labels[layer][neuron], x: Double(layer), y: position, color: .white,
                              horizontal: .center, vertical: .center)
                }
            }
            let name = layerNames.flatMap { layer < $0.count ? $0[layer] : nil } ?? "\(layerSizes[layer])"
            axes.text(name, x: Double(layer), y: -tallest / 2 - 0.25, size: theme.axisLabelSize,
                      horizontal: .center, vertical: .top)
        }
        axes.xLimits = -0.5...(Double(layerSizes.count) - 0.5)
        axes.yLimits = (-tallest / 2 - 0.9)...(tallest / 2)
        return figure
    }
}
