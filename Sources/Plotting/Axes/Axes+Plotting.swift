extension Axes {
    /// Draws a line through the points (x[i], y[i]); non-finite points break the line.
    ///
    /// - Parameters:
    ///   - x: x values.
    ///   - y: y values, as many as `x` (otherwise rendering throws ``PlottingError/invalidData(_:)`` naming the series).
    ///   - label: Legend text; nil keeps the series out of the legend.
    ///   - color: Line colour; nil takes the next colour of the theme's cycle.
    ///   - lineWidth: Width in logical units; nil uses the theme's; 0 draws markers only.
    ///   - style: Solid or dashed.
    ///   - marker: Symbol at each point.
    ///   - markerSize: Marker diameter; nil uses the theme's.
    ///   - markerEvery: Draw a marker at every n-th point only.
    public func plot(_ x: [Double], _ y: [Double], label: String? = nil, color: Color? = nil,
                     lineWidth: Double? = nil, style: LineStyle = .solid, marker: Marker = .none,
                     markerSize: Double? = nil, markerEvery: Int = 1) {
        checkLengths(["x": x.count, "y": y.count], label: label)
        add(LineArtist(x: x, y: y, label: label, color: color ?? nextColor(), lineWidth: lineWidth ?? theme.lineWidth,
                       style: style, marker: marker, markerSize: markerSize ?? theme.markerSize,
                       markerEvery: markerEvery))
    }

    /// Draws `y` against 0, 1, 2, … (for per-step or per-epoch series).
    public func plot(_ y: [Double], label: String? = nil, color: Color? = nil, lineWidth: Double? = nil,
                     style: LineStyle = .solid) {
        plot(y.indices.map(Double.init), y, label: label, color: color, lineWidth: lineWidth, style: style)
    }

    /// Draws a marker at each point.
    ///
    /// - Parameters:
    ///   - x: x values.
    ///   - y: y values.
    ///   - label: Legend text.
    ///   - color: One colour for all points; nil takes the next colour of the cycle.
    ///   - colors: One colour per point (overrides `color`), e.g. by class.
    ///   - marker: The symbol.
    ///   - size: Marker diameter; nil uses the theme's.
    ///   - edgeColor: Outline colour (white outlines separate overlapping points).
    public func scatter(_ x: [Double], _ y: [Double], label: String? = nil, color: Color? = nil,
                        colors: [Color]? = nil, marker: Marker = .circle, size: Double? = nil,
                        edgeColor: Color? = Color.white) {
        checkLengths(["x": x.count, "y": y.count].merging(colors.map { ["colors": $0.count] } ?? [:]) { $1 }, label: label)
        add(ScatterArtist(x: x, y: y, label: label, color: color ?? (colors == nil ? nextColor() : .black),
                          colors: colors, marker: marker, size: size ?? theme.markerSize, edgeColor: edgeColor))
    }

    /// Shades the region between `lower` and `upper` over `x` (for example mean ± std of several seeds).
    ///
    /// - Parameters:
    ///   - x: x values.
    ///   - lower: Lower bound at each x.
    ///   - upper: Upper bound at each x.
    ///   - label: Legend text.
    ///   - color: Base colour; nil takes the next colour of the cycle.
    ///   - opacity: Opacity of the fill; nil uses the theme's band opacity.
    /// - Note: On a log y axis, lower bounds ≤ 0 are clipped to the bottom of the plot rather than dropped.
    public func fillBetween(_ x: [Double], lower: [Double], upper: [Double], label: String? = nil,
                            color: Color? = nil, opacity: Double? = nil) {
        checkLengths(["x": x.count, "lower": lower.count, "upper": upper.count], label: label)
        let base = color ?? nextColor()
        add(BandArtist(x: x, lower: lower, upper: upper, label: label,
                       color: base.withAlpha(opacity ?? theme.bandOpacity)))
    }

    /// A horizontal line across the plot at `y` (for example y = 0, or a target loss).
    public func horizontalLine(at y: Double, label: String? = nil, color: Color = Color(gray: 0.1),
                               lineWidth: Double = 0.8, style: LineStyle = .solid) {
        add(ReferenceLineArtist(orientation: .horizontal, value: y, label: label, color: color,
                                lineWidth: lineWidth, style: style))
    }

    /// A vertical line across the plot at `x`.
    public func verticalLine(at x: Double, label: String? = nil, color: Color = Color(gray: 0.1),
                             lineWidth: Double = 0.8, style: LineStyle = .solid) {
        add(ReferenceLineArtist(orientation: .vertical, value: x, label: label, color: color,
                                lineWidth: lineWidth, style: style))
    }

    /// Places text (with `^{…}`/`_{…}` markup) at a point.
    ///
    /// - Parameters:
    ///   - text: The text; `σ^{′}(x)`, `×10^{−3}` and Unicode such as `σ′(x)` or `10⁻³` render as written.
    ///   - x: Anchor x.
    ///   - y: Anchor y.
    ///   - coordinates: Data coordinates or fractions of the plotting area.
    ///   - size: Font size; nil uses the theme's annotation size.
    ///   - color: Text colour; nil uses the theme's.
    ///   - horizontal: Horizontal alignment to the anchor.
    ///   - vertical: Vertical alignment to the anchor.
    ///   - boxed: Puts a translucent white box behind the text.
    public func text(_ text: String, x: Double, y: Double, coordinates: Coordinates = .data, size: Double? = nil,
                     color: Color? = nil, horizontal: HorizontalAlignment = .left,
                     vertical: VerticalAlignment = .baseline, boxed: Bool = false) {
        add(TextArtist(text: RichText(text), x: x, y: y, coordinates: coordinates, size: size, color: color,
                       horizontal: horizontal, vertical: vertical, boxed: boxed))
    }

    /// Text with an arrow pointing at a data point.
    ///
    /// - Parameters:
    ///   - text: The label.
    ///   - x: Data x of the arrow tip.
    ///   - y: Data y of the arrow tip.
    ///   - textX: x of the label centre.
    ///   - textY: y of the label centre.
    ///   - coordinates: How `textX`/`textY` are measured.
    ///   - color: Colour of text and arrow.
    public func annotate(_ text: String, pointingAtX x: Double, y: Double, textX: Double, textY: Double,
                         coordinates: Coordinates = .data, color: Color? = nil) {
        add(ArrowArtist(text: RichText(text), target: (x, y), textPosition: (textX, textY),
                        coordinates: coordinates, color: color, size: nil))
    }

    /// Records a problem when the arrays of one series differ in length: drawing the common prefix would
    /// silently show a different series from the one asked for.
    func checkLengths(_ counts: [String: Int], label: String?) {
        guard Set(counts.values).count > 1 else { return }
        let name = label.map { "series \"\($0)\"" } ?? "series \(artists.count + 1) (unlabelled)"
        let listed = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key) values" }.joined(separator: ", ")
        inputProblems.append("\(name) has \(listed); they must be equally long")
    }

    /// Shows a legend of all labelled series.
    public func legend(location: LegendLocation = .best) {
        legendLocation = location
    }
}
