/// A contour polyline in data coordinates.
public struct ContourLine: Sendable, Equatable {
    public var x: [Double]
    public var y: [Double]
    /// The line returns to its first point (a loop inside the grid) rather than ending on the grid's border.
    public var isClosed: Bool
}
