extension Figure {
    /// One classifier to show in ``decisionBoundaries(_:points:labels:xRange:yRange:resolution:title:width:height:theme:)``.
    public struct ClassifierPanel {
        public var title: String
        /// P(class 1 | point) in 0…1 for every point of the sampling grid at once, in the grid's order (row by
        /// row from the smallest y), so that a model can evaluate them as one batch.
        public var probabilities: ([SIMD2<Double>]) -> [Double]

        /// - Parameters:
        ///   - title: Panel title (e.g. "under-fitting: 1 hidden unit").
        ///   - probability: The model's probability of class 1 at (x, y).
        public init(title: String, probability: @escaping (Double, Double) -> Double) {
            self.init(title: title, probabilities: { points in points.map { probability($0.x, $0.y) } })
        }

        /// - Parameters:
        ///   - title: Panel title.
        ///   - probabilities: The model's probability of class 1 at each of the points, in their order.
        public init(title: String, probabilities: @escaping ([SIMD2<Double>]) -> [Double]) {
            self.title = title
            self.probabilities = probabilities
        }

        /// The probability field over the rectangle, `resolution` samples per side.
        func grid(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, resolution: Int) -> ScalarGrid {
            let xs = ScalarGrid.linspace(xRange, count: max(resolution, 2))
            let ys = ScalarGrid.linspace(yRange, count: max(resolution, 2))
            let points = ys.flatMap { y in xs.map { x in SIMD2(x, y) } }
            let values = probabilities(points)
            precondition(values.count == points.count,
                         "a classifier panel returned \(values.count) probabilities for \(points.count) points")
            return ScalarGrid(x: xs, y: ys, values: values)
        }

        /// The probabilities already sampled on a grid (for instance by a cached training stage, or in one
        /// batch by ``ScalarGrid/init(xRange:yRange:columns:rows:batch:)``); the figure draws this grid as is.
        /// - Parameters:
        ///   - title: Panel title.
        ///   - probabilities: P(class 1) on a grid covering the figure's ranges.
        public init(title: String, probabilities: ScalarGrid) {
            self.title = title
            self.sampled = probabilities
            self.probabilities = { points in
                // Nearest grid point, for callers that still ask point by point.
                points.map { point in
                    probabilities[Self.nearestIndex(of: point.x, in: probabilities.x),
                                  Self.nearestIndex(of: point.y, in: probabilities.y)]
                }
            }
        }

        /// The grid given to ``init(title:probabilities:)``, drawn instead of sampling ``probabilities``.
        public private(set) var sampled: ScalarGrid?

        static func nearestIndex(of value: Double, in coordinates: [Double]) -> Int {
            let step = (coordinates[coordinates.count - 1] - coordinates[0]) / Double(coordinates.count - 1)
            return min(max(Int(((value - coordinates[0]) / step).rounded()), 0), coordinates.count - 1)
        }
    }

    /// Decision regions of one or more 2-D binary classifiers over their data: the probability of class 1
    /// as an opaque field from pale blue to rose (``Colormap/classProbability``: lightness falls with the
    /// probability, so the field reads the same in grey), the boundary p = 0.5 as a black line, and the
    /// points by label: class 0 as dark blue circles, class 1 as dark red triangles, both with a white edge,
    /// apart in shape and in grey. The colour bar shows exactly the field's colours. The legend goes where it
    /// hides no point, above the panel when there is no such place inside.
    /// Several panels side by side show under- and over-fitting.
    ///
    /// - Note: The probability field is a smoothed image in SVG and PDF as well, as in PNG (a heat map, see
    ///   ``Axes/heatmap(_:colormap:range:scale:opacity:smooth:showColorBar:colorBarLabel:)``); the boundary
    ///   line, the points and all text are vector paths.
    /// ```swift
    /// let figure = Figure.decisionBoundaries(
    ///     [.init(title: "MLP 2-16-1") { x, y in model.probability(x, y) }],
    ///     points: inputs, labels: targets, xRange: -1.5...2.5, yRange: -1...1.5)
    /// ```
    ///
    /// - Parameters:
    ///   - panels: The classifiers, one panel each.
    ///   - points: Data points.
    ///   - labels: Class of each point (0 or 1; values ≥ 0.5 count as 1).
    ///   - xRange: The x interval shown.
    ///   - yRange: The y interval shown.
    ///   - resolution: Samples per side of the probability field.
    ///   - classNames: Legend text of class 0 and class 1 (e.g. `["类别 0", "类别 1"]` in a Chinese handout).
    ///   - probabilityLabel: Label of the colour bar.
    ///   - title: Figure title.
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func decisionBoundaries(
        _ panels: [ClassifierPanel], points: [SIMD2<Double>], labels: [Double],
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, resolution: Int = 150,
        classNames: [String] = ["class 0", "class 1"], probabilityLabel: String = "$P$(class 1)", title: String? = nil,
        width: Double = 800, height: Double = 500, theme: Theme = Theme()
    ) -> Figure {
        precondition(classNames.count == 2, "A binary classifier has two class names, got \(classNames.count)")
        let figure = Figure(width: width, height: height, columns: max(panels.count, 1), sharedY: panels.count > 1,
                            theme: theme)
        figure.title = title
        let classColors = [Color(hex: 0x2166AC), Color(hex: 0x67001F)]
        let edgeColors = [Color.white, Color.white]
        for (index, panel) in panels.enumerated() {
            let axes = figure.allAxes[index]
            let grid = panel.sampled ?? panel.grid(xRange: xRange, yRange: yRange, resolution: resolution)
            axes.heatmap(grid, colormap: Colormap.classProbability, range: 0...1, smooth: true,
                         showColorBar: index == panels.count - 1, colorBarLabel: probabilityLabel)
            axes.contour(grid, levels: .values([0.5]), color: Color(gray: 0.1), lineWidth: 1.6)
            for classIndex in 0...1 {
                let members = points.indices.filter { (labels[$0] >= 0.5 ? 1 : 0) == classIndex }
                // Different shapes keep the classes apart when the figure is printed in grey.
                axes.scatter(members.map { points[$0].x }, members.map { points[$0].y }, label: classNames[classIndex],
                             color: classColors[classIndex], marker: classIndex == 0 ? .circle : .triangleUp,
                             size: classIndex == 0 ? 6.5 : 7.5, edgeColor: edgeColors[classIndex])
            }
            axes.title = panel.title
            axes.xLimits = xRange
            axes.yLimits = yRange
            axes.xLabel = "$x₁$"
            axes.yLabel = index == 0 ? "$x₂$" : nil
            if index == 0 { axes.legend(location: .best) }
        }
        return figure
    }
}
