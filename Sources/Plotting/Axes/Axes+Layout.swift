import Foundation

extension Axes {
    // MARK: - Limits

    /// The view limits this axes would choose alone: fixed limits if set, else the data extent widened by the
    /// theme's margin (in the scale's transformed space, so log axes get equal margins in decades).
    func automaticLimits() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        var bounds = DataBounds()
        for artist in artists { bounds.formUnion(artist.dataBounds(xScale: xScale, yScale: yScale)) }
        let tight = artists.contains { $0.wantsTightLimits }
        let margin = tight ? 0 : theme.dataMargin
        let x = Self.limits(fixed: xLimits, low: bounds.minX, high: bounds.maxX, present: bounds.hasX,
                            scale: xScale, margin: margin)
        let y = Self.limits(fixed: yLimits, low: bounds.minY, high: bounds.maxY, present: bounds.hasY,
                            scale: yScale, margin: margin)
        return (x, y)
    }

    /// View limits of one axis: fixed limits if usable, else the data extent widened by `margin` of its width
    /// on each side. Both go through ``nonsingular(_:_:expansion:absoluteExpansion:relative:)`` in the scale's
    /// transformed space, so a degenerate log range widens by a decade each way.
    static func limits(fixed: ClosedRange<Double>?, low: Double, high: Double, present: Bool, scale: Scale,
                       margin: Double) -> ClosedRange<Double> {
        let logarithmic = scale == .log10
        if let fixed, fixed.lowerBound.isFinite, fixed.upperBound.isFinite, !logarithmic || fixed.lowerBound > 0 {
            let (a, b) = nonsingular(clampedTransformed(scale.transform(fixed.lowerBound), scale),
                                     clampedTransformed(scale.transform(fixed.upperBound), scale), relative: !logarithmic)
            return scale.inverse(a)...scale.inverse(b)
        }
        guard present else { return logarithmic ? 1...10 : 0...1 }
        let (a, b) = nonsingular(clampedTransformed(scale.transform(low), scale),
                                 clampedTransformed(scale.transform(high), scale), relative: !logarithmic)
        let padding = (b - a) * margin
        // Padding data near the largest doubles would overflow to infinity (and later crash a tick locator
        // converting log₁₀(∞) to an Int); the limits stay inside the range the axis can show.
        let lower = clampedTransformed(a - padding, scale), upper = clampedTransformed(b + padding, scale)
        return scale.inverse(lower)...scale.inverse(max(upper, lower))
    }

    /// The largest magnitude, in the scale's transformed space, that limits may reach: ±10³⁰⁰ on a linear axis
    /// (so that differences and tick steps stay finite), 10^±300 on a log axis.
    static func clampedTransformed(_ value: Double, _ scale: Scale) -> Double {
        let bound = scale == .log10 ? 300.0 : 1e300
        guard !value.isNaN else { return 0 }
        return min(max(value, -bound), bound)
    }

    // MARK: - Ticks

    /// Ticks and labels for an axis spanning `limits` over `length` logical units.
    ///
    /// - Parameters:
    ///   - scale: The axis scale.
    ///   - limits: The view limits.
    ///   - length: Axis length on the page.
    ///   - spacing: Desired length per tick interval.
    ///
    /// - Note: The target count is one tick per `spacing`, between 3 and 10; like matplotlib's `nbins='auto'`
    ///   (at most 9 intervals), a tall or wide axis does not fill up with labels.
    static func ticks(scale: Scale, limits: ClosedRange<Double>, length: Double, spacing: Double,
                      locator: (any TickLocator)? = nil, formatter: (any TickLabelFormatter)? = nil) -> AxisTicks {
        let target = min(max(3, Int(length / spacing) + 1), 10)
        let tolerance = (limits.upperBound - limits.lowerBound) * 1e-9
        let locator: any TickLocator = locator ?? (scale == .log10 ? LogLocator() : ExtendedWilkinsonLocator())
        let formatter = formatter ?? DefaultTickLabelFormatter(scale: scale)
        let positions = locator.tickPositions(lower: limits.lowerBound, upper: limits.upperBound, targetCount: target)
        func inView(_ value: Double) -> Bool {
            value >= limits.lowerBound - tolerance && value <= limits.upperBound + tolerance
        }
        var result = AxisTicks()
        // The log locator already keeps to the view (its minor ticks included), as it always did.
        result.major = scale == .log10 && locator is LogLocator ? positions.major : positions.major.filter(inView)
        result.minor = scale == .log10 && locator is LogLocator ? positions.minor : positions.minor.filter(inView)
        let (labels, multiplier) = formatter.labels(for: result.major)
        result.labels = labels.map(RichText.init)
        result.multiplier = multiplier.map(RichText.init)
        return result
    }

    // MARK: - Decorations

    /// The x-axis label unless a shared x axis shows it on the panel below (matplotlib's `label_outer`).
    var shownXLabel: String? { hidesXTickLabels ? nil : xLabel }
    /// The y-axis label unless a shared y axis shows it on the panel to the left.
    var shownYLabel: String? { hidesYTickLabels ? nil : yLabel }

    /// Space needed around the plotting area for ticks, tick labels, axis labels, title and colour bar.
    ///
    /// - Parameters:
    ///   - canvas: Used to measure text.
    ///   - plot: The current estimate of the plotting area (for labels that overhang its ends).
    ///   - xTicks: x ticks as they will be drawn.
    ///   - yTicks: y ticks as they will be drawn.
    ///   - transform: Maps the current limits onto `plot`.
    func decorationInsets(canvas: Canvas, plot: PageRect, xTicks: AxisTicks, yTicks: AxisTicks,
                          transform: DataTransform) -> Insets {
        var insets = Insets()
        if hidesAxes {
            if let title { insets.top = canvas.height(of: RichText(title), size: theme.titleSize) + theme.titlePadding }
            return insets
        }
        let tickOut = theme.ticksOutward ? theme.tickLength : 0
        let labelHeight = canvas.height(of: RichText("0"), size: theme.tickLabelSize)

        insets.bottom = tickOut + 2
        if !hidesXTickLabels && !xTicks.labels.isEmpty {
            let tallest = xTicks.labels.map { canvas.height(of: $0, size: theme.tickLabelSize) }.max() ?? labelHeight
            insets.bottom += theme.tickLabelPadding + tallest
            // The first and last labels are centred on their ticks and may overhang the plot's ends.
            for (value, label) in zip(xTicks.major, xTicks.labels) {
                let half = canvas.width(of: label, size: theme.tickLabelSize) / 2
                let position = transform.x.position(value)
                insets.left = max(insets.left, half - (position - plot.minX))
                insets.right = max(insets.right, half - (plot.maxX - position))
            }
        }
        if let xLabel = shownXLabel {
            insets.bottom += theme.axisLabelPadding + canvas.height(of: RichText(xLabel), size: theme.axisLabelSize)
        } else if xTicks.multiplier != nil && !hidesXTickLabels {
            insets.bottom += theme.axisLabelPadding + labelHeight
        }

        var left = tickOut + 2
        if !hidesYTickLabels && !yTicks.labels.isEmpty {
            let widest = yTicks.labels.map { canvas.width(of: $0, size: theme.tickLabelSize) }.max() ?? 0
            left += theme.tickLabelPadding + widest
            insets.top = max(insets.top, labelHeight / 2)
            insets.bottom = max(insets.bottom, labelHeight / 2)
        }
        if let yLabel = shownYLabel {
            left += theme.axisLabelPadding + canvas.height(of: RichText(yLabel), size: theme.axisLabelSize)
        }
        insets.left = max(insets.left, left)

        if legendLocation == .best, !legendGoesOutside, let legend = resolvedLegend, !legend.entries.isEmpty {
            let (width, height) = legend.size(canvas: canvas, theme: theme)
            let obstacles = LegendObstacles(artists: artists, transform: transform, canvas: canvas, theme: theme)
            legendGoesOutside = Legend.bestLocation(width: width, height: height, in: plot, avoiding: obstacles)
                .badness > 0
        }
        let legendAbove = legendSpaceAbove(canvas: canvas)
        var top = legendAbove > 0 ? legendAbove + 2 : 0
        if let title {
            top += theme.titlePadding + canvas.height(of: RichText(title), size: theme.titleSize)
        }
        if let multiplier = yTicks.multiplier, !hidesYTickLabels {
            top = max(top, 4 + canvas.height(of: multiplier, size: theme.tickLabelSize))
        }
        insets.top = max(insets.top, top)
        if let colorBar {
            insets.right = max(insets.right, colorBar.requiredWidth(canvas: canvas, theme: theme, plotHeight: plot.height))
        }
        if effectiveLegendLocation == .outsideRight, let legend = resolvedLegend {
            insets.right = max(insets.right, Legend.outsideGap + legend.size(canvas: canvas, theme: theme).width + 2)
        }
        return insets
    }

    /// Height a legend above the plotting area (and above the title) takes with its gaps, 0 for any other legend.
    func legendSpaceAbove(canvas: Canvas) -> Double {
        guard effectiveLegendLocation == .outsideTop, let legend = resolvedLegend, !legend.entries.isEmpty else { return 0 }
        return legend.size(canvas: canvas, theme: theme).height + Legend.outsideGap / 2 + 4
    }

    // MARK: - Drawing

    /// Says in the plot's lower left corner how many points a log axis left out (values ≤ 0 have no place on
    /// it), so that a curve with gaps is not read as complete.
    private func drawLogScaleNote(on canvas: Canvas, transform: DataTransform) {
        let hidden = artists.reduce(0) { $0 + $1.pointsHiddenByLogScale(xScale: xScale, yScale: yScale) }
        guard hidden > 0, let anchor = TextArtist.anchor(x: 0.01, y: 0.015, coordinates: .axesFraction, transform: transform) else { return }
        let note = "\(hidden) value\(hidden == 1 ? "" : "s") ≤ 0 not shown (log scale)"
        canvas.draw(RichText(note), size: theme.annotationSize * 0.85, color: Color(gray: 0.4), at: anchor,
                    horizontal: .left, vertical: .bottom)
    }

    /// Draws the axes: background, grid, data, frame, ticks, labels, title, legend and colour bar.
    func draw(on canvas: Canvas, plot: PageRect, transform: DataTransform, xTicks: AxisTicks, yTicks: AxisTicks) {
        if !hidesAxes {
            canvas.newPath()
            canvas.rectangle(plot)
            canvas.setColor(theme.axesBackground)
            canvas.fill()
            if showGrid ?? theme.showGrid { drawGrid(on: canvas, plot: plot, transform: transform, xTicks: xTicks, yTicks: yTicks) }
        }

        canvas.save()
        canvas.clip(to: plot)
        for artist in artists where artist.isClipped {
            artist.draw(on: canvas, transform: transform, clipRect: plot, theme: theme)
        }
        canvas.restore()
        for artist in artists where !artist.isClipped {
            artist.draw(on: canvas, transform: transform, clipRect: plot, theme: theme)
        }
        drawLogScaleNote(on: canvas, transform: transform)

        if !hidesAxes {
            drawFrameAndTicks(on: canvas, plot: plot, transform: transform, xTicks: xTicks, yTicks: yTicks)
        }
        let titleHeight = title.map { theme.titlePadding + canvas.height(of: RichText($0), size: theme.titleSize) } ?? 0
        if let title {
            canvas.draw(RichText(title), size: theme.titleSize, color: theme.textColor,
                        at: PagePoint(x: plot.minX + plot.width / 2, y: plot.minY - theme.titlePadding),
                        horizontal: .center, vertical: .bottom)
        }
        if let legend = resolvedLegend {
            let obstacles = LegendObstacles(artists: artists, transform: transform, canvas: canvas, theme: theme)
            legend.draw(on: canvas, plot: plot, obstacles: obstacles, theme: theme, raisedBy: titleHeight)
        }
        if let colorBar {
            colorBar.draw(on: canvas, beside: plot, theme: theme)
        }
    }

    private func drawGrid(on canvas: Canvas, plot: PageRect, transform: DataTransform, xTicks: AxisTicks,
                          yTicks: AxisTicks) {
        func lines(_ xs: [Double], _ ys: [Double], color: Color) {
            guard !xs.isEmpty || !ys.isEmpty else { return }
            canvas.newPath()
            for value in xs {
                let x = transform.x.position(value)
                guard x.isFinite else { continue }
                canvas.move(to: PagePoint(x: x, y: plot.minY))
                canvas.line(to: PagePoint(x: x, y: plot.maxY))
            }
            for value in ys {
                let y = transform.y.position(value)
                guard y.isFinite else { continue }
                canvas.move(to: PagePoint(x: plot.minX, y: y))
                canvas.line(to: PagePoint(x: plot.maxX, y: y))
            }
            canvas.setColor(color)
            canvas.setLineWidth(theme.gridLineWidth)
            canvas.stroke()
        }
        if theme.showMinorGrid { lines(xTicks.minor, yTicks.minor, color: theme.minorGridColor) }
        lines(xTicks.major, yTicks.major, color: theme.gridColor)
    }

    private func drawFrameAndTicks(on canvas: Canvas, plot: PageRect, transform: DataTransform, xTicks: AxisTicks,
                                   yTicks: AxisTicks) {
        canvas.newPath()
        canvas.rectangle(plot)
        canvas.setColor(theme.axisLineColor)
        canvas.setLineWidth(theme.axisLineWidth)
        canvas.stroke()

        let direction = theme.ticksOutward ? 1.0 : -1.0
        func ticks(_ values: [Double], length: Double) {
            canvas.newPath()
            for value in values {
                let x = transform.x.position(value)
                guard x.isFinite else { continue }
                canvas.move(to: PagePoint(x: x, y: plot.maxY))
                canvas.line(to: PagePoint(x: x, y: plot.maxY + direction * length))
            }
            canvas.stroke()
        }
        func yTickMarks(_ values: [Double], length: Double) {
            canvas.newPath()
            for value in values {
                let y = transform.y.position(value)
                guard y.isFinite else { continue }
                canvas.move(to: PagePoint(x: plot.minX, y: y))
                canvas.line(to: PagePoint(x: plot.minX - direction * length, y: y))
            }
            canvas.stroke()
        }
        canvas.setLineWidth(theme.tickWidth)
        ticks(xTicks.major, length: theme.tickLength)
        ticks(xTicks.minor, length: theme.minorTickLength)
        yTickMarks(yTicks.major, length: theme.tickLength)
        yTickMarks(yTicks.minor, length: theme.minorTickLength)

        let tickOut = theme.ticksOutward ? theme.tickLength : 0
        var labelsBottom = plot.maxY + tickOut + 2
        if !hidesXTickLabels {
            let y = plot.maxY + tickOut + theme.tickLabelPadding
            for (value, label) in zip(xTicks.major, xTicks.labels) {
                let x = transform.x.position(value)
                guard x.isFinite else { continue }
                canvas.draw(label, size: theme.tickLabelSize, color: theme.textColor, at: PagePoint(x: x, y: y),
                            horizontal: .center, vertical: .top)
                labelsBottom = max(labelsBottom, y + canvas.height(of: label, size: theme.tickLabelSize))
            }
        }
        var labelsLeft = plot.minX - tickOut - 2
        if !hidesYTickLabels {
            let x = plot.minX - tickOut - theme.tickLabelPadding
            for (value, label) in zip(yTicks.major, yTicks.labels) {
                let y = transform.y.position(value)
                guard y.isFinite else { continue }
                canvas.draw(label, size: theme.tickLabelSize, color: theme.textColor, at: PagePoint(x: x, y: y),
                            horizontal: .right, vertical: .center)
                labelsLeft = min(labelsLeft, x - canvas.width(of: label, size: theme.tickLabelSize))
            }
            if let multiplier = yTicks.multiplier {
                canvas.draw(multiplier, size: theme.tickLabelSize, color: theme.textColor,
                            at: PagePoint(x: plot.minX, y: plot.minY - 4), horizontal: .left, vertical: .bottom)
            }
        }
        if let multiplier = xTicks.multiplier, !hidesXTickLabels {
            canvas.draw(multiplier, size: theme.tickLabelSize, color: theme.textColor,
                        at: PagePoint(x: plot.maxX, y: labelsBottom + theme.axisLabelPadding),
                        horizontal: .right, vertical: .top)
        }
        if let xLabel = shownXLabel {
            canvas.draw(RichText(xLabel), size: theme.axisLabelSize, color: theme.textColor,
                        at: PagePoint(x: plot.minX + plot.width / 2, y: labelsBottom + theme.axisLabelPadding),
                        horizontal: .center, vertical: .top)
        }
        if let yLabel = shownYLabel {
            canvas.draw(RichText(yLabel), size: theme.axisLabelSize, color: theme.textColor,
                        at: PagePoint(x: labelsLeft - theme.axisLabelPadding, y: plot.minY + plot.height / 2),
                        horizontal: .center, vertical: .bottom, rotation: Double.pi / 2)
        }
    }
}
