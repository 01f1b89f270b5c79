/// Where a text or arrow position is measured.
public enum Coordinates: Sendable {
    /// Data coordinates of the axes.
    case data
    /// Fractions of the plotting area: (0, 0) bottom left, (1, 1) top right.
    case axesFraction
}
