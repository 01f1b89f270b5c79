/// The symbol drawn at each data point.
public enum Marker: Sendable, Hashable {
    case none
    case circle
    case square
    case diamond
    case triangleUp
    case triangleDown
    case star
    /// A diagonal cross (×), stroked.
    case cross
    /// An upright cross (+), stroked.
    case plus

    /// Whether the marker is drawn by stroking lines rather than filling a shape.
    var isStroked: Bool { self == .cross || self == .plus }
}
