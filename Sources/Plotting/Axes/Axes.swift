/// One plotting area of a ``Figure``: its data (artists), scales, limits, labels and legend.
///
/// Add data with `plot`, `scatter`, `fillBetween`, …; everything is laid out and drawn when the figure renders.
/// Series without an explicit colour take the next colour of the theme's cycle.
///
/// ```swift
/// let figure = Figure()
/// let axes = figure.axes
/// axes.plot(steps, losses, label: "Adam")
/// axes.yScale = .log10
/// axes.title = "损失曲线 Loss curve"
/// try figure.writePNG(to: url)
/// ```
public final class Axes {
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var xScale: Scale = .linear
    public var yScale: Scale = .linear
    /// Fixed x limits; nil autoscales to the data plus the theme's margin.
    public var xLimits: ClosedRange<Double>?
    /// Fixed y limits; nil autoscales to the data plus the theme's margin.
    public var yLimits: ClosedRange<Double>?
    /// Overrides the theme's grid setting for this axes.
    public var showGrid: Bool?
    /// Draws the legend at this location when set (``legend(location:)`` sets it).
    public var legendLocation: LegendLocation?
    /// Forces one data unit to take the same length on both axes (for geometry such as contour circles).
    public var equalAspect = false
    /// Hides all ticks, labels and the frame (for diagrams).
    public var hidesAxes = false

    /// Where the x ticks go; nil uses ``ExtendedWilkinsonLocator`` on a linear axis and ``LogLocator`` on a log one.
    public var xLocator: (any TickLocator)?
    /// Where the y ticks go; nil as for ``xLocator``.
    public var yLocator: (any TickLocator)?
    /// What the x ticks say; nil uses ``DefaultTickLabelFormatter`` for the axis's scale.
    public var xFormatter: (any TickLabelFormatter)?
    /// What the y ticks say; nil as for ``xFormatter``.
    public var yFormatter: (any TickLabelFormatter)?

    /// Fixed x ticks with their labels (categories), replacing the locator's.
    public var customXTicks: [(position: Double, label: String)]?
    /// Fixed y ticks with their labels, replacing the locator's.
    public var customYTicks: [(position: Double, label: String)]?

    var artists: [Artist] = []
    /// Data that cannot be drawn as given (x and y of different lengths), one sentence each naming the
    /// series; rendering the figure throws ``PlottingError/invalidData(_:)`` with them.
    var inputProblems: [String] = []
    var colorBar: ColorBarSpecification?
    /// Set by layout when a `.best` legend would cover data wherever it went inside the plotting area.
    var legendGoesOutside = false
    /// Set by layout: no panel stands to the right of this one (an outside legend may go to the right).
    var isInLastColumn = true
    var hidesXTickLabels = false
    var hidesYTickLabels = false
    private var nextColorIndex = 0
    /// The figure's theme, fixed when the figure creates its axes.
    public let theme: Theme

    init(theme: Theme) {
        self.theme = theme
    }

    /// The next colour of the theme's cycle (what a series without an explicit colour gets).
    public func nextColor() -> Color {
        defer { nextColorIndex += 1 }
        return theme.cycleColor(nextColorIndex)
    }

    func add(_ artist: Artist) { artists.append(artist) }

    /// Where the legend is drawn: `legendLocation`, with `.best` moved outside when layout found no free place.
    var effectiveLegendLocation: LegendLocation? {
        guard legendLocation == .best, legendGoesOutside else { return legendLocation }
        return isInLastColumn ? .outsideRight : .outsideTop
    }

    var resolvedLegend: Legend? {
        effectiveLegendLocation.map { Legend(entries: artists.compactMap(\.legendEntry), location: $0) }
    }
}
