import Foundation

extension Figure {
    /// A loss surface z = f(x, y) in 3-D, shaded and coloured by height, with an optional descent path on it
    /// (start circle, end star), as in the notes' loss-landscape pictures. The surface hides the parts of the
    /// path behind it.
    ///
    /// - Note: The start and end markers are drawn on top even where the surface hides their point, so that
    ///   a path ending in a hidden pocket still shows where it ends.
    ///
    /// ```swift
    /// let figure = Figure.lossSurface(over: { x, y in x * x + 3 * y * y }, xRange: -2...2, yRange: -2...2,
    ///                                 path: Trajectory(name: "SGD", points: steps))
    /// ```
    ///
    /// - Parameters:
    ///   - function: The loss f(x, y).
    ///   - xRange: The x interval.
    ///   - yRange: The y interval.
    ///   - path: A descent path drawn on the surface at height f(x, y).
    ///   - logarithmic: Plot log₁₀ f (for steep surfaces; f must be positive).
    ///   - gridSize: Samples per side (each cell becomes one shaded quadrilateral).
    ///   - azimuth: View angle about the vertical, in degrees.
    ///   - elevation: View angle above the horizontal, in degrees.
    ///   - title: Panel title.
    ///   - labels: Axis labels (x, y, height).
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func lossSurface(
        over function: (Double, Double) -> Double, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
        path: Trajectory? = nil, logarithmic: Bool = false, gridSize: Int = 48, azimuth: Double = -50,
        elevation: Double = 35, title: String? = nil, labels: (x: String, y: String, z: String) = ("$w₁$", "$w₂$", "loss"),
        width: Double = 800, height: Double = 500, theme: Theme = Theme()
    ) -> Figure {
        let grid = ScalarGrid(xRange: xRange, yRange: yRange, columns: gridSize, rows: gridSize, function: function)
        func lift(_ value: Double) -> Double { logarithmic ? (value > 0 ? log10(value) : .nan) : value }
        let heights = grid.values.map(lift)
        let finite = heights.filter(\.isFinite)
        let range = (finite.min() ?? 0)...(finite.max() ?? 1)
        let figure = Figure(width: width, height: height, theme: theme)
        let axes = figure.axes
        axes.hidesAxes = true
        axes.showGrid = false
        axes.equalAspect = true
        axes.title = title
        // Steps longer than a grid cell are split into cell-sized pieces on the surface, so that the surface
        // hides exactly the pieces behind it (see `SurfaceArtist`).
        let pathData = path.map { path -> (x: [Double], y: [Double], z: [Double]) in
            let cellX = (xRange.upperBound - xRange.lowerBound) / Double(max(gridSize - 1, 1))
            let cellY = (yRange.upperBound - yRange.lowerBound) / Double(max(gridSize - 1, 1))
            var xs: [Double] = [], ys: [Double] = []
            for index in 0..<min(path.x.count, path.y.count) {
                if index > 0, path.x[index].isFinite, path.y[index].isFinite, path.x[index - 1].isFinite,
                   path.y[index - 1].isFinite {
                    let dx = path.x[index] - path.x[index - 1], dy = path.y[index] - path.y[index - 1]
                    let pieces = min(Int((max(abs(dx) / cellX, abs(dy) / cellY)).rounded(.up)), 1000)
                    for piece in stride(from: 1, to: max(pieces, 1), by: 1) {
                        let fraction = Double(piece) / Double(pieces)
                        xs.append(path.x[index - 1] + fraction * dx)
                        ys.append(path.y[index - 1] + fraction * dy)
                    }
                }
                xs.append(path.x[index])
                ys.append(path.y[index])
            }
            return (x: xs, y: ys, z: zip(xs, ys).map { lift(function($0, $1)) })
        }
        axes.add(SurfaceArtist(grid: grid, heights: heights, heightRange: range, path: pathData,
                               pathColor: path?.color ?? Color(hex: 0xD62728), azimuth: azimuth * Double.pi / 180,
                               elevation: elevation * Double.pi / 180, relativeHeight: 0.75,
                               colormap: theme.colormap, labels: labels, logarithmic: logarithmic))
        return figure
    }
}
