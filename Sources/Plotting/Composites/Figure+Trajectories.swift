extension Figure {
    /// Optimizer paths over the contour lines of a function of two variables: each path in its own colour and
    /// line style (solid, dashed, dash-dot, dotted in turn, on a white halo), a circle at its start and a shape
    /// at its end (diamond, square, triangle up, triangle down, cross in turn; the legend shows it), the minimum marked
    /// by a star. A trajectory's own `style` and `endMarker` take precedence.
    ///
    /// ```swift
    /// let figure = Figure.optimizerTrajectories(
    ///     [Trajectory(name: "SGD", points: sgdPath), Trajectory(name: "Adam", points: adamPath)],
    ///     over: { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) },
    ///     xRange: -2...2, yRange: -1...3, minimum: [1, 1], title: "Rosenbrock")
    /// ```
    ///
    /// - Parameters:
    ///   - trajectories: The paths; non-finite points (divergence) break the line, and the end marker goes on
    ///     the last finite point.
    ///   - function: f(x, y), sampled on a `gridSize` × `gridSize` grid over the rectangle.
    ///   - xRange: The x interval shown.
    ///   - yRange: The y interval shown.
    ///   - minimum: Where the minimum lies, marked with a star.
    ///   - minimumLabel: Legend text of the minimum.
    ///   - levels: Contour levels (logarithmic suits steep valleys such as Rosenbrock's).
    ///   - filled: Fill the bands between levels (lightly) under the lines.
    ///   - gridSize: Samples per side.
    ///   - separatePanels: One small panel per trajectory instead of one shared panel.
    ///   - title: Figure title (single panel: the panel's title).
    ///   - xLabel: x-axis label.
    ///   - yLabel: y-axis label.
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func optimizerTrajectories(
        _ trajectories: [Trajectory], over function: (Double, Double) -> Double, xRange: ClosedRange<Double>,
        yRange: ClosedRange<Double>, minimum: SIMD2<Double>? = nil, minimumLabel: String? = nil,
        levels: ContourLevels = .logarithmic(count: 30), filled: Bool = false, gridSize: Int = 300,
        separatePanels: Bool = false, title: String? = nil, xLabel: String = "x", yLabel: String = "y",
        width: Double = 800, height: Double = 500, theme: Theme = Theme()
    ) -> Figure {
        let grid = ScalarGrid(xRange: xRange, yRange: yRange, columns: gridSize, rows: gridSize, function: function)
        let colors = trajectories.enumerated().map { $0.element.color ?? theme.cycleColor($0.offset) }
        // Line styles and end shapes differ as well as colours, so paths stay apart in grey; each path in a
        // panel of its own needs no such help and stays solid.
        let cycle = LineStyle.distinguishableCycle
        let lineStyles = trajectories.enumerated().map { index, path in
            path.style ?? (separatePanels ? .solid : cycle[index % cycle.count])
        }
        let shapes: [Marker] = [.diamond, .square, .triangleUp, .triangleDown, .cross]
        let endMarkers = trajectories.enumerated().map { $0.element.endMarker ?? shapes[$0.offset % shapes.count] }
        let panelCount = separatePanels ? max(trajectories.count, 1) : 1
        let columns = separatePanels ? min(panelCount, 3) : 1
        let rows = (panelCount + columns - 1) / columns
        let figure = Figure(width: width, height: height, rows: rows, columns: columns, sharedX: separatePanels,
                            sharedY: separatePanels, theme: theme)
        if separatePanels || rows > 1 { figure.title = title }
        // The contour colour map is faded towards white so the paths stand out on top of it.
        let contourMap = Colormap(samples: theme.colormap.samples.map { $0.mixed(with: .white, fraction: 0.15) })
        for panel in 0..<(rows * columns) {
            let axes = figure.allAxes[panel]
            guard panel < panelCount else {
                axes.hidesAxes = true
                continue
            }
            if filled {
                axes.contourFilled(grid, levels: levels, colormap: contourMap.reversed.faded(0.75))
            }
            axes.contour(grid, levels: levels, colormap: contourMap, lineWidth: separatePanels ? 0.8 : 1.0)
            let shown = (separatePanels ? [panel] : Array(trajectories.indices)).filter { $0 < trajectories.count }
            // White halos lift the paths off the contour lines, also in grey; all halos go first so that no
            // halo hides another path.
            for index in shown {
                axes.plot(trajectories[index].x, trajectories[index].y, color: .white,
                          lineWidth: 3.8)
            }
            for index in shown {
                let path = trajectories[index]
                axes.add(LineArtist(x: path.x, y: path.y, label: path.name, color: colors[index], lineWidth: 1.8,
                                    style: lineStyles[index], marker: .none, markerSize: 0, markerEvery: 1,
                                    legendMarker: endMarkers[index]))
                if separatePanels { axes.title = path.name }
            }
            // Markers after all lines, so that a later path never hides where an earlier one starts or ends.
            for index in shown {
                let path = trajectories[index]
                if let startX = path.x.first, let startY = path.y.first {
                    axes.scatter([startX], [startY], color: colors[index], marker: .circle, size: 10, edgeColor: .white)
                }
            }
            for index in shown {
                if let end = trajectories[index].lastFinitePoint {
                    axes.scatter([end.x], [end.y], color: colors[index], marker: endMarkers[index],
                                 size: 12, edgeColor: .black)
                }
            }
            if let minimum {
                axes.scatter([minimum.x], [minimum.y], label: minimumLabel ?? "minimum", color: Color(hex: 0xFFD700),
                             marker: .star, size: 17, edgeColor: .black)
            }
            axes.xLimits = xRange
            axes.yLimits = yRange
            axes.xLabel = xLabel
            axes.yLabel = yLabel
            if !separatePanels {
                axes.title = title
                axes.legend()
            }
        }
        return figure
    }
}

extension Colormap {
    /// The map blended towards white by `amount` (0 unchanged, 1 white), for light backgrounds.
    func faded(_ amount: Double) -> Colormap {
        Colormap(samples: samples.map { $0.mixed(with: .white, fraction: amount) })
    }
}
