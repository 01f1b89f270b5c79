/// The path of an optimizer over a function of two parameters.
public struct Trajectory: Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// Explicit colour; nil takes the next colour of the theme's cycle.
    public var color: Color?
    /// Explicit line style; nil lets the figure choose (``Figure/optimizerTrajectories(_:over:xRange:yRange:minimum:minimumLabel:levels:filled:gridSize:separatePanels:title:xLabel:yLabel:width:height:theme:)``
    /// cycles through ``LineStyle/distinguishableCycle``).
    public var style: LineStyle?
    /// Explicit shape at the last point; nil lets the figure choose.
    public var endMarker: Marker?

    /// - Parameters:
    ///   - name: Legend text (the optimizer).
    ///   - x: First parameter after each step, starting point included.
    ///   - y: Second parameter after each step.
    ///   - color: Explicit colour.
    ///   - style: Explicit line style.
    ///   - endMarker: Explicit shape at the last point.
    public init(name: String, x: [Double], y: [Double], color: Color? = nil, style: LineStyle? = nil,
                endMarker: Marker? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.color = color
        self.style = style
        self.endMarker = endMarker
    }

    /// - Parameters:
    ///   - name: Legend text.
    ///   - points: The point after each step, starting point included (`SIMD2<Double>`, the point type the
    ///     training engine's trajectories use too).
    ///   - color: Explicit colour.
    ///   - style: Explicit line style.
    ///   - endMarker: Explicit shape at the last point.
    public init(name: String, points: [SIMD2<Double>], color: Color? = nil, style: LineStyle? = nil,
                endMarker: Marker? = nil) {
        self.init(name: name, x: points.map(\.x), y: points.map(\.y), color: color, style: style,
                  endMarker: endMarker)
    }

    /// The last point with both coordinates finite (where a diverging run was last seen).
    var lastFinitePoint: SIMD2<Double>? {
        for index in stride(from: min(x.count, y.count) - 1, through: 0, by: -1)
        where x[index].isFinite && y[index].isFinite {
            return SIMD2(x[index], y[index])
        }
        return nil
    }
}
