/// Where a legend sits inside the plotting area.
public enum LegendLocation: Sendable, CaseIterable {
    /// The candidate position (in the order below) that covers the fewest data points and line segments; when
    /// every one of them would cover data, outside the plotting area (``outsideRight`` for a panel in the last
    /// column of its figure, else ``outsideTop``).
    case best
    case upperRight, upperLeft, lowerLeft, lowerRight, right, centerLeft, centerRight, lowerCenter, upperCenter, center
    /// Outside the plotting area, to the right of its top; the axes makes room for it.
    case outsideRight
    /// Outside the plotting area, entries in one row centred above it (below the title); the axes makes room.
    case outsideTop

    /// Candidates for `best`, in matplotlib's order of preference (used to break ties).
    static let candidates: [LegendLocation] = [
        .upperRight, .upperLeft, .lowerLeft, .lowerRight, .right, .centerLeft, .centerRight, .lowerCenter,
        .upperCenter, .center,
    ]
}
