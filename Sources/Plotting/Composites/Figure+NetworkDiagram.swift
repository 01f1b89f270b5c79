import Foundation

extension Figure {
    /// A drawing of a fully connected network: neurons as circles in columns, every pair of neurons in
    /// neighbouring layers joined by an edge (optionally labelled, e.g. with its weight), a label under each
    /// layer just below the lowest neuron.
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
    ///   - neuronLabels: Text inside each neuron, per layer (e.g. ["x₁", "x₂"]); nil leaves them empty. The
    ///     text is dark on light fills and white on dark ones, whichever contrasts more.
    ///   - neuronNotes: Text beside each neuron, per layer (e.g. its bias "b = 0.35"): above the neurons in the
    ///     upper half of a column (the middle one included), below those in the lower half; the diagram keeps
    ///     room for them. nil draws none.
    ///   - edgeLabels: Text on the edges, per gap between layers (`edgeLabels[l]` for the edges from layer l to
    ///     l + 1), ordered target by target and within a target source by source, which numbers w₁, w₂, … as
    ///     the rows of the weight matrices W (rows: targets, columns: sources); nil draws none.
    ///   - edgeLabelPosition: Where on its edge a label sits, as a fraction of the way from the source; 0.3
    ///     keeps the labels of crossing edges apart.
    ///   - maximumShown: Most neurons drawn per layer.
    ///   - title: Figure title.
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func networkDiagram(
        layerSizes: [Int], layerNames: [String]? = nil, neuronLabels: [[String]]? = nil,
        neuronNotes: [[String]]? = nil, edgeLabels: [[String]]? = nil, edgeLabelPosition: Double = 0.3, maximumShown: Int = 8,
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
        let neuronSize = min(34, 300 / tallest)
        // Margins are set in page units (neuron radius, a gap, the layer names) and turned into data units
        // through the plot height the page leaves, so a short 2-2-2 diagram has no band of blank space.
        let titleSpace = title.map { _ in theme.titleSize * 1.4 + theme.titlePadding } ?? 0
        let plotHeight = max(height - 2 * theme.figurePadding - titleSpace, 1)
        let nameSpace = theme.axisLabelSize * 1.4
        let gap = 6.0
        let noteSize = theme.annotationSize
        let noteSpace = neuronNotes == nil ? 0 : noteSize * 1.4 + gap
        let pageMargins = neuronSize + 2 * gap + gap + nameSpace + 2 * noteSpace
        // Data units per page unit; a single row of neurons gets 150 page units per data unit.
        let unit = tallest > 1 ? (tallest - 1) / max(plotHeight - pageMargins, plotHeight / 4) : 1 / 150
        let highest = (tallest - 1) / 2
        let nameTop = -highest - (neuronSize / 2 + gap + noteSpace) * unit
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
        if let edgeLabels {
            for (layer, labels) in edgeLabels.enumerated() where layer + 1 < layers.count {
                let sources = layers[layer], targets = layers[layer + 1]
                var number = 0
                for (targetSlot, target) in targets.enumerated() where target != nil {
                    for (sourceSlot, source) in sources.enumerated() where source != nil {
                        defer { number += 1 }
                        guard number < labels.count else { continue }
                        let startY = y(sourceSlot, of: sources.count), endY = y(targetSlot, of: targets.count)
                        axes.text(labels[number], x: Double(layer) + edgeLabelPosition,
                                  y: startY + edgeLabelPosition * (endY - startY), size: theme.annotationSize,
                                  horizontal: .center, vertical: .center, boxed: true)
                    }
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
                let fill = fills[role].mixed(with: .white, fraction: 0.25)
                axes.scatter([Double(layer)], [position], color: fill, size: neuronSize, edgeColor: Color(gray: 0.15))
                if let labels = neuronLabels, layer < labels.count, neuron < labels[layer].count {
                    axes.text(labels[layer][neuron], x: Double(layer), y: position, color: labelColor(on: fill),
                              horizontal: .center, vertical: .center)
                }
                if let notes = neuronNotes, layer < notes.count, neuron < notes[layer].count {
                    let above = position >= 0
                    let offset = (neuronSize / 2 + gap / 2) * unit
                    axes.text(notes[layer][neuron], x: Double(layer), y: position + (above ? offset : -offset),
                              size: noteSize, horizontal: .center, vertical: above ? .bottom : .top)
                }
            }
            let name = layerNames.flatMap { layer < $0.count ? $0[layer] : nil } ?? "\(layerSizes[layer])"
            axes.text(name, x: Double(layer), y: nameTop, size: theme.axisLabelSize,
                      horizontal: .center, vertical: .top)
        }
        axes.xLimits = -0.5...(Double(layerSizes.count) - 0.5)
        axes.yLimits = (nameTop - (nameSpace + gap) * unit)...(highest + (neuronSize / 2 + 2 * gap + noteSpace) * unit)
        return figure
    }

    /// Dark or white text, whichever has the higher contrast ratio (L₁ + 0.05) / (L₂ + 0.05) against the fill
    /// (WCAG 2; L the relative luminance of the linearised sRGB colour).
    static func labelColor(on fill: Color) -> Color {
        func linear(_ channel: Double) -> Double {
            channel <= 0.04045 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        let dark = Color(gray: 0.1)
        func relativeLuminance(_ color: Color) -> Double {
            0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
        }
        let fillLuminance = relativeLuminance(fill)
        let againstWhite = 1.05 / (fillLuminance + 0.05)
        let againstDark = (fillLuminance + 0.05) / (relativeLuminance(dark) + 0.05)
        return againstDark >= againstWhite ? dark : .white
    }
}
