extension Trajectory {
    /// An optimizer's path as the figures draw it.
    ///
    /// - Parameters:
    ///   - path: The path computed by ``TestFunction/trajectory(from:optimizer:steps:)`` or by hand.
    ///   - name: Legend text; nil keeps the path's own name.
    ///   - color: Explicit colour; nil takes the next colour of the theme's cycle.
    ///   - style: Explicit line style; nil lets the figure choose.
    ///   - endMarker: Explicit shape at the last point; nil lets the figure choose.
    public init(_ path: OptimizationTrajectory, name: String? = nil, color: Color? = nil, style: LineStyle? = nil,
                endMarker: Marker? = nil) {
        self.init(name: name ?? path.name, points: path.points, color: color, style: style, endMarker: endMarker)
    }
}
