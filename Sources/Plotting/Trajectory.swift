/// The path of an optimizer over a function of two parameters.
public struct Trajectory: Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// Explicit colour; nil takes the next colour of the theme's cycle.
    public var color: Color?

    /// - Parameters:
    ///   - name: Legend text (the optimizer).
    ///   - x: First parameter after each step, starting point included.
    ///   - y: Second parameter after each step.
    ///   - color: Explicit colour.
    public init(name: String, x: [Double], y: [Double], color: Color? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.color = color
    }

    /// - Parameters:
    ///   - name: Legend text.
    ///   - points: (x, y) after each step, starting point included.
    ///   - color: Explicit colour.
    public init(name: String, points: [(x: Double, y: Double)], color: Color? = nil) {
        self.init(name: name, x: points.map(\.x), y: points.map(\.y), color: color)
    }

    /// The last point with both coordinates finite (where a diverging run was last seen).
    var lastFinitePoint: (x: Double, y: Double)? {
        for index in stride(from: min(x.count, y.count) - 1, through: 0, by: -1)
        where x[index].isFinite && y[index].isFinite {
            return (x[index], y[index])
        }
        return nil
    }
}
