extension Figure {
    /// ``optimizerTrajectories(_:over:xRange:yRange:minimum:minimumLabel:levels:filled:gridSize:separatePanels:title:xLabel:yLabel:width:height:theme:)``
    /// for paths the engine computed on one of its test functions.
    ///
    /// ```swift
    /// let paths = TestFunction.rosenbrock.trajectories(from: [-1.5, 2], steps: 300, optimizers)
    /// let figure = Figure.optimizerTrajectories(paths, over: .rosenbrock, minimum: [1, 1], minimumLabel: "minimum (1, 1)")
    /// ```
    ///
    /// - Parameters:
    ///   - paths: The optimizers' paths, drawn in order.
    ///   - function: The function whose contours are drawn.
    ///   - xRange: The x interval shown; nil uses the function's window.
    ///   - yRange: The y interval shown; nil uses the function's window.
    ///   - minimum: The point marked with a star (often `function.minima.first`); nil marks none.
    ///   - minimumLabel: Legend text of the minimum.
    ///   - levels: Contour levels.
    ///   - filled: Fill the bands between levels under the lines.
    ///   - gridSize: Samples per side.
    ///   - separatePanels: One small panel per path instead of one shared panel.
    ///   - title: Figure title.
    ///   - xLabel: x-axis label.
    ///   - yLabel: y-axis label.
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func optimizerTrajectories(
        _ paths: [OptimizationTrajectory], over function: TestFunction, xRange: ClosedRange<Double>? = nil,
        yRange: ClosedRange<Double>? = nil, minimum: SIMD2<Double>? = nil, minimumLabel: String? = nil,
        levels: ContourLevels = .logarithmic(count: 30), filled: Bool = false, gridSize: Int = 300,
        separatePanels: Bool = false, title: String? = nil, xLabel: String = "x", yLabel: String = "y",
        width: Double = 800, height: Double = 500, theme: Theme = Theme()
    ) -> Figure {
        optimizerTrajectories(
            paths.map { Trajectory($0) }, over: function.plotted, xRange: xRange ?? function.xRange,
            yRange: yRange ?? function.yRange, minimum: minimum, minimumLabel: minimumLabel,
            levels: levels, filled: filled, gridSize: gridSize, separatePanels: separatePanels, title: title,
            xLabel: xLabel, yLabel: yLabel, width: width, height: height, theme: theme)
    }

    /// ``lossSurface(over:xRange:yRange:path:logarithmic:gridSize:azimuth:elevation:title:labels:width:height:theme:)``
    /// of one of the engine's test functions, with an optimizer's path on it.
    ///
    /// - Parameters:
    ///   - function: The surface's function.
    ///   - xRange: The x interval; nil uses the function's window.
    ///   - yRange: The y interval; nil uses the function's window.
    ///   - path: A path drawn on the surface.
    ///   - logarithmic: Plot log₁₀ f.
    ///   - gridSize: Samples per side.
    ///   - azimuth: View angle about the vertical, in degrees.
    ///   - elevation: View angle above the horizontal, in degrees.
    ///   - title: Panel title.
    ///   - labels: Axis labels (x, y, height).
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func lossSurface(
        of function: TestFunction, xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
        path: OptimizationTrajectory? = nil, logarithmic: Bool = false, gridSize: Int = 48, azimuth: Double = -50,
        elevation: Double = 35, title: String? = nil, labels: (x: String, y: String, z: String) = ("x", "y", "f(x, y)"),
        width: Double = 800, height: Double = 500, theme: Theme = Theme()
    ) -> Figure {
        lossSurface(over: function.plotted, xRange: xRange ?? function.xRange, yRange: yRange ?? function.yRange,
                    path: path.map { Trajectory($0) }, logarithmic: logarithmic, gridSize: gridSize, azimuth: azimuth,
                    elevation: elevation, title: title, labels: labels, width: width, height: height, theme: theme)
    }
}
