extension Figure {
    /// Loss curves of several runs in one panel, with a legend placed where it hides the least.
    ///
    /// ```swift
    /// let figure = Figure.lossCurves([
    ///     LossCurve(name: "SGD", y: sgdLosses),
    ///     LossCurve(name: "Adam", y: adamLosses),
    /// ], title: "损失曲线 Loss curve")
    /// ```
    ///
    /// - Parameters:
    ///   - curves: The runs; bands are drawn under all lines.
    ///   - title: Panel title.
    ///   - xLabel: x-axis label.
    ///   - yLabel: y-axis label.
    ///   - logarithmic: Log₁₀ y axis (losses spanning decades); bands are clipped at the bottom, and values ≤ 0
    ///     are left out with a note in the plot.
    ///   - lineWidth: Width of the curves.
    ///   - width: Page width in logical units.
    ///   - height: Page height in logical units.
    ///   - theme: The visual style.
    /// - Returns: The figure, ready for ``pngData()``.
    ///
    /// Markers are drawn above every line. A curve whose values zig-zag (straying from its moving average by more
    /// than 1.5 % of the plot's height on average, see ``NoisyCurveSmoothing``) is drawn thin and pale, with its moving
    /// average in full colour on top carrying its markers and legend entry (not a curve with a band, which
    /// is a mean over runs already).
    ///
    /// A curve with ``LossCurve/divergedAt`` is drawn up to its last finite value, marked there with × and a
    /// dashed vertical line at the point of divergence, and named "… — diverged …" in the legend (a run that
    /// diverged in its first epoch has no values, but still its mark and legend entry). Its values above
    /// ten times the largest value of the runs that did not diverge (on a linear axis: above that largest
    /// value plus the others' span) are drawn but do not widen the y limits, which would squash the other curves.
    public static func lossCurves(_ curves: [LossCurve], title: String? = nil, xLabel: String = "step",
                                  yLabel: String = "loss", logarithmic: Bool = true, lineWidth: Double = 1.7,
                                  width: Double = 800, height: Double = 500, theme: Theme = Theme()) -> Figure {
        let figure = Figure(width: width, height: height, theme: theme)
        let axes = figure.axes
        var seriesColors: [(key: String, color: Color)] = []
        var colors: [Color] = []
        for curve in curves {
            if let color = curve.color {
                colors.append(color)
            } else if let key = curve.series, let known = seriesColors.first(where: { $0.key == key }) {
                colors.append(known.color)
            } else {
                let color = axes.nextColor()
                if let key = curve.series { seriesColors.append((key, color)) }
                colors.append(color)
            }
        }
        for (curve, color) in zip(curves, colors) {
            if let band = curve.band {
                axes.fillBetween(curve.x, lower: band.lower, upper: band.upper, color: color)
            }
        }
        let caps = divergenceCaps(curves, logarithmic: logarithmic)
        // Lines first, markers after all of them: a curve drawn later (a noisy one above all) would otherwise
        // cover the markers of those before it.
        var markerArtists: [LineArtist] = []
        let span = NoisyCurveSmoothing.span(of: curves.map(\.y), caps: caps, logarithmic: logarithmic)
        for (index, (curve, color)) in zip(curves, colors).enumerated() {
            var label = curve.name
            if curve.divergedAt != nil {
                let note = curve.divergenceNote ?? "diverged"
                label = label.isEmpty ? note : "\(label) — \(note)"
            }
            axes.checkLengths(["x": curve.x.count, "y": curve.y.count], label: label)
            // A noisy curve: its raw values thin and pale, the moving average in full colour on top. Not for a
            // curve with a band: that is a mean over runs already, its spread drawn as the band.
            var shown = curve.y
            if curve.divergedAt == nil, curve.band == nil, let trend = NoisyCurveSmoothing.trend(of: curve.y, logarithmic: logarithmic, span: span) {
                axes.add(LineArtist(x: curve.x, y: curve.y, label: nil, color: color.mixed(with: .white, fraction: 0.6),
                                    lineWidth: lineWidth * 0.6, style: .solid, marker: .none, markerSize: 0,
                                    markerEvery: 1))
                shown = trend
            }
            // Markers every twelfth of the curve, offset per curve so that markers of curves that meet do not stack.
            let every = max(shown.count / 12, 1)
            var line = LineArtist(x: curve.x, y: shown, label: label, color: color, lineWidth: lineWidth,
                                  style: curve.style, marker: curve.marker, markerSize: 7.5, markerEvery: every)
            line.drawsMarkers = false
            line.yBoundsCap = caps[index]
            // The × of the legend matches the mark on the curve, which tells the run apart in greyscale too.
            if curve.divergedAt != nil { line.legendMarker = .cross }
            axes.add(line)
            if curve.marker != .none {
                var markers = line
                markers.label = nil
                markers.lineWidth = 0
                markers.drawsMarkers = true
                markers.markerPhase = (index * every / max(curves.count, 1)) % every
                markerArtists.append(markers)
            }
        }
        for markers in markerArtists { axes.add(markers) }
        for (index, (curve, color)) in zip(curves, colors).enumerated() {
            guard let divergedAt = curve.divergedAt else { continue }
            axes.verticalLine(at: divergedAt, color: color, lineWidth: 1, style: .dashed)
            let finite = zip(curve.x, curve.y).filter { $0.0.isFinite && $0.1.isFinite && (!logarithmic || $0.1 > 0) }
            if let last = finite.last {
                let y = caps[index].map { Swift.min(last.1, $0) } ?? last.1
                axes.scatter([last.0], [y], color: color, marker: .cross, size: 9, edgeColor: nil)
            }
        }
        axes.yScale = logarithmic ? .log10 : .linear
        axes.title = title
        axes.xLabel = xLabel
        axes.yLabel = yLabel
        if curves.count > 1 || curves.contains(where: { !$0.name.isEmpty }) { axes.legend() }
        return figure
    }

    /// For each diverged curve, the y value above which its points do not widen the limits (see
    /// ``lossCurves(_:title:xLabel:yLabel:logarithmic:lineWidth:width:height:theme:)``); nil for the others.
    /// When every run diverged, each curve's own first value stands in for the others' largest.
    static func divergenceCaps(_ curves: [LossCurve], logarithmic: Bool) -> [Double?] {
        func usable(_ values: [Double]) -> [Double] { values.filter { $0.isFinite && (!logarithmic || $0 > 0) } }
        let reference = usable(curves.filter { $0.divergedAt == nil }.flatMap(\.y))
        return curves.map { curve in
            guard curve.divergedAt != nil else { return nil }
            let basis = reference.isEmpty ? Array(usable(curve.y).prefix(1)) : reference
            guard let high = basis.max(), let low = basis.min() else { return nil }
            if logarithmic { return high * 10 }
            let span = high - low
            return high + (span > 0 ? span : Swift.max(abs(high), 1))
        }
    }
}
