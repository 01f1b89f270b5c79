/// The path of an optimizer on a ``TestFunction``.
public struct OptimizationTrajectory: Sendable, Hashable, Codable {
    /// The optimizer's name, for legends.
    public var name: String
    /// The points visited, the start first.
    public var points: [SIMD2<Double>]
    /// f at each point.
    public var values: [Double]
    /// The step at which the point left the finite numbers, if it did.
    public var divergedAtStep: Int?

    /// Creates a trajectory.
    public init(name: String, points: [SIMD2<Double>], values: [Double], divergedAtStep: Int? = nil) {
        self.name = name
        self.points = points
        self.values = values
        self.divergedAtStep = divergedAtStep
    }

    /// The x coordinates of the points.
    public var xs: [Double] { points.map(\.x) }
    /// The y coordinates of the points.
    public var ys: [Double] { points.map(\.y) }

    /// The Euclidean distance ‖p_last − target‖ from the last point reached to `target` (for example a minimum);
    /// NaN for an empty path.
    public func distanceFromEnd(to target: SIMD2<Double>) -> Double {
        guard let last = points.last else { return .nan }
        let difference = last - target
        return (difference * difference).sum().squareRoot()
    }
}
