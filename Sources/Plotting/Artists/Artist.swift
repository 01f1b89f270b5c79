import Foundation

/// Something drawn inside an axes: it reports the data it covers, draws itself, and may appear in the legend.
protocol Artist {
    /// Data extent used for autoscaling (values the scales cannot show are skipped).
    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds
    /// Draws into the plotting area; the canvas is already clipped to it.
    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme)
    /// The legend row for this artist, if it has a label.
    var legendEntry: LegendEntry? { get }
    /// Page-space polylines the legend should avoid (single points are one-element polylines).
    func obstacles(transform: DataTransform) -> [[PagePoint]]
    /// Page rectangles the legend should avoid (bars, text).
    func obstacleAreas(transform: DataTransform, canvas: Canvas, theme: Theme) -> [PageRect]
    /// Page-space polylines the legend may cover when nothing better is free (contour lines of a background).
    func softObstacles(transform: DataTransform) -> [[PagePoint]]
    /// Images and contour fields fill their extent exactly, so the axes adds no margin around them.
    var wantsTightLimits: Bool { get }
    /// Text and annotations may extend past the plotting area; data may not.
    var isClipped: Bool { get }
    /// How many finite data points a log scale cannot show (a coordinate ≤ 0), for the note the axes prints.
    func pointsHiddenByLogScale(xScale: Scale, yScale: Scale) -> Int
}

extension Artist {
    var legendEntry: LegendEntry? { nil }
    func obstacles(transform: DataTransform) -> [[PagePoint]] { [] }
    func obstacleAreas(transform: DataTransform, canvas: Canvas, theme: Theme) -> [PageRect] { [] }
    func softObstacles(transform: DataTransform) -> [[PagePoint]] { [] }
    var wantsTightLimits: Bool { false }
    var isClipped: Bool { true }
    func pointsHiddenByLogScale(xScale: Scale, yScale: Scale) -> Int { 0 }

    /// Counts the points of `x` and `y` with finite coordinates of which one is ≤ 0 on a log axis.
    static func countHiddenByLogScale(x: [Double], y: [Double], xScale: Scale, yScale: Scale) -> Int {
        guard xScale == .log10 || yScale == .log10 else { return 0 }
        var count = 0
        for index in 0..<min(x.count, y.count) where x[index].isFinite && y[index].isFinite {
            if (xScale == .log10 && x[index] <= 0) || (yScale == .log10 && y[index] <= 0) { count += 1 }
        }
        return count
    }
}
