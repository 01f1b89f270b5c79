extension Figure {
    /// ``networkDiagram(layerSizes:layerNames:neuronLabels:neuronNotes:edgeLabels:edgeLabelPosition:maximumShown:title:width:height:theme:)``
    /// of a network's dense layers: its input size, then each dense layer's output size.
    ///
    /// - Parameters:
    ///   - network: The network.
    ///   - layerNames: Text under each column of neurons.
    ///   - neuronLabels: Text inside the neurons, per layer.
    ///   - maximumShown: Neurons drawn per layer before the middle is elided.
    ///   - title: Figure title.
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func networkDiagram<Scalar>(
        of network: Sequential<Scalar>, layerNames: [String]? = nil, neuronLabels: [[String]]? = nil,
        maximumShown: Int = 8, title: String? = nil, width: Double = 800, height: Double = 500, theme: Theme = Theme()
    ) -> Figure {
        let dense = network.denseLayers
        let sizes = (dense.first.map { [$0.weights.columns] } ?? []) + dense.map { $0.weights.rows }
        return networkDiagram(layerSizes: sizes, layerNames: layerNames, neuronLabels: neuronLabels,
                              maximumShown: maximumShown, title: title, width: width, height: height, theme: theme)
    }
}
