/// The horizontal alignment of a table column.
public enum ColumnAlignment: Sendable, Equatable {
    case left
    case center
    case right
}
