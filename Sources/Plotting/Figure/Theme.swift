/// Every visual default of a figure, as one value: no global state, pass another `Theme` to change the look.
///
/// Lengths are in logical units. A figure 800 × 500 units wide at device scale 2 gives a 1600 × 1000 pixel PNG,
/// which is matplotlib's 8 × 5 in at 200 dpi; one unit is then 1/100 in (0.72 pt), so matplotlib's 10 pt text
/// is about 13.9 units here.
///
/// - Note: Text is drawn in `fontFamily`, and characters it lacks in `fallbackFontFamily`, found glyph by
///   glyph (Cairo's toy text API does not fall back by itself). The default main font is "DejaVu Sans"
///   (Debian `fonts-dejavu-core`: Latin, Greek, the true minus sign U+2212 and mathematical symbols at their
///   Latin widths); Chinese comes from "Noto Sans CJK SC" (`fonts-noto-cjk`). With the CJK font first, ±, ·,
///   × and ≤ were drawn as full-width glyphs (≤ as ⩽). Naming the fonts keeps output byte-identical across runs.
public struct Theme: Sendable {
    /// The font family for all text, resolved through fontconfig.
    public var fontFamily = "DejaVu Sans"
    /// The font for characters `fontFamily` lacks (Debian `fonts-noto-cjk`).
    public var fallbackFontFamily = "Noto Sans CJK SC"
    /// The font for math in figure text (`$σ(wx + b)$`): the one the handout's stylesheet names first for
    /// MathML (Debian `fonts-dejavu-extra`), so a formula in a figure looks like the same formula in the prose.
    public var mathFontFamily = "DejaVu Math TeX Gyre"
    public var tickLabelSize = 13.0
    public var axisLabelSize = 14.0
    public var titleSize = 16.0
    public var figureTitleSize = 17.0
    public var legendTextSize = 13.5
    public var annotationSize = 12.5

    public var textColor = Color(gray: 0.1)
    public var background = Color.white
    /// Fill of the plotting area (inside the axes box).
    public var axesBackground = Color.white
    public var axisLineColor = Color(gray: 0.15)

    /// Colours given to successive series that do not name one (matplotlib's tab10).
    public var colorCycle = Color.tab10
    /// The map for contours, heat maps and colour bars.
    public var colormap = Colormap.viridis

    public var lineWidth = 2.0
    public var markerSize = 7.0
    public var axisLineWidth = 1.1
    public var tickLength = 5.0
    public var minorTickLength = 2.8
    public var tickWidth = 1.1
    /// Ticks point out of the plotting area so they never hide data.
    public var ticksOutward = true
    /// Space between a tick and its label.
    public var tickLabelPadding = 4.0
    /// Space between tick labels and the axis label.
    public var axisLabelPadding = 6.0
    public var titlePadding = 8.0
    /// Space kept free around the whole figure.
    public var figurePadding = 10.0
    /// Space between neighbouring panels of a grid (beyond their own labels).
    public var panelSpacing = 18.0

    public var showGrid = true
    public var gridColor = Color(gray: 0.69, alpha: 0.45)
    public var gridLineWidth = 0.9
    /// Light grid at the minor ticks of logarithmic axes (matplotlib's `which="both"`).
    public var showMinorGrid = true
    public var minorGridColor = Color(gray: 0.69, alpha: 0.22)

    /// Fractional padding added to each side of autoscaled data limits (matplotlib's 0.05).
    public var dataMargin = 0.05
    /// Roughly how many logical units one tick interval should take on x and on y.
    public var xTickSpacing = 80.0
    public var yTickSpacing = 40.0

    public var legendBackground = Color(gray: 1, alpha: 0.85)
    public var legendBorder = Color(gray: 0.8)
    public var legendPadding = 8.0
    public var legendLineLength = 28.0
    /// Opacity of fill-between bands.
    public var bandOpacity = 0.22

    /// A theme with matplotlib-like defaults at the sizes above.
    public init() {}

    /// The n-th colour of the cycle (wrapping around).
    public func cycleColor(_ index: Int) -> Color {
        colorCycle[((index % colorCycle.count) + colorCycle.count) % colorCycle.count]
    }
}
