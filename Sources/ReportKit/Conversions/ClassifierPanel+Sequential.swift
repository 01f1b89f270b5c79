extension Figure.ClassifierPanel {
    /// What a binary classifier's single output means.
    public enum Output: Sendable {
        /// The output is a logit z (trained with ``Loss/binaryCrossEntropyWithLogits``): P = σ(z).
        case logit
        /// The output is already the probability (a sigmoid output layer).
        case probability
    }

    /// A panel of a network with two inputs and one output, evaluated on all grid points as one batch.
    ///
    /// - Parameters:
    ///   - title: Panel title.
    ///   - network: The trained network (inputs x₁, x₂).
    ///   - output: Whether the output is a logit or a probability.
    public init<Scalar: TrainingScalar>(title: String, network: Sequential<Scalar>, output: Output = .logit) {
        self.init(title: title) { points in
            var storage: [Scalar] = []
            storage.reserveCapacity(2 * points.count)
            for point in points { storage += [Scalar(point.x), Scalar(point.y)] }
            let outputs = network.predict(Matrix(rows: points.count, columns: 2, storage: storage))
            return (0..<points.count).map { row in
                let value = Double(outputs[row, 0])
                return output == .logit ? Activation.sigmoid.value(at: value) : value
            }
        }
    }
}

extension Figure {
    /// ``decisionBoundaries(_:points:labels:xRange:yRange:resolution:classNames:probabilityLabel:title:width:height:theme:)``
    /// over a data set: its first two inputs as the points, its first target as the class.
    ///
    /// - Parameters:
    ///   - panels: The classifiers, one panel each.
    ///   - data: The points drawn over the fields.
    ///   - xRange: The x interval shown.
    ///   - yRange: The y interval shown.
    ///   - resolution: Samples per side of the probability field.
    ///   - classNames: Legend text of class 0 and class 1.
    ///   - probabilityLabel: Label of the colour bar.
    ///   - title: Figure title.
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func decisionBoundaries<Scalar>(
        _ panels: [ClassifierPanel], data: Dataset<Scalar>, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
        resolution: Int = 150, classNames: [String] = ["class 0", "class 1"], probabilityLabel: String = "$P$(class 1)",
        title: String? = nil, width: Double = 800, height: Double = 500, theme: Theme = Theme()
    ) -> Figure {
        decisionBoundaries(panels, points: data.inputPoints, labels: data.firstTargets, xRange: xRange, yRange: yRange,
                           resolution: resolution, classNames: classNames, probabilityLabel: probabilityLabel,
                           title: title, width: width, height: height, theme: theme)
    }
}
