/// A polyline through data points, optionally with markers; breaks wherever a point has no position.
struct LineArtist: Artist {
    var x: [Double]
    var y: [Double]
    var label: String?
    var color: Color
    var lineWidth: Double
    var style: LineStyle
    var marker: Marker
    var markerSize: Double
    /// Markers drawn only at every n-th point (1 = all), so dense series keep readable markers.
    var markerEvery: Int
    /// The index of the first marker; markers then stand at `markerPhase + k · markerEvery`. Curves that meet
    /// get different phases, so their markers do not stack.
    var markerPhase = 0
    /// Whether this artist draws its markers; false when a markers-only artist drawn above every line does
    /// (the legend still shows the marker).
    var drawsMarkers = true
    /// A marker shown in the legend only (with a black edge), such as the end marker of an optimizer path.
    var legendMarker: Marker? = nil
    /// Values of y above this are drawn but do not widen the axis limits (the overflowing last values of a
    /// diverged run, which would otherwise flatten every other curve against the bottom).
    var yBoundsCap: Double? = nil
    /// A line width of 0 draws markers only.
    var drawsLine: Bool { lineWidth > 0 }

    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds {
        var bounds = DataBounds()
        for index in 0..<min(x.count, y.count) {
            if let yBoundsCap, y[index] > yBoundsCap { continue }
            bounds.include(x: x[index], y: y[index], xScale: xScale, yScale: yScale)
        }
        return bounds
    }

    func pointsHiddenByLogScale(xScale: Scale, yScale: Scale) -> Int {
        Self.countHiddenByLogScale(x: x, y: y, xScale: xScale, yScale: yScale)
    }

    func pagePoints(_ transform: DataTransform) -> [PagePoint?] {
        (0..<min(x.count, y.count)).map { transform.point(x[$0], y[$0]) }
    }

    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme) {
        let points = pagePoints(transform)
        if drawsLine {
            canvas.newPath()
            // Points closer than a fifth of a device pixel to the simplified line change nothing visible.
            PolylinePainter.addPath(PolylinePainter.simplifiedRuns(points, tolerance: 0.1), to: canvas,
                                    bounds: clipRect.insetBy(-2 * lineWidth - 10))
            canvas.setColor(color)
            canvas.setLineWidth(lineWidth)
            canvas.setDash(style.dashes(lineWidth: lineWidth))
            canvas.setRoundCaps(style == .solid)
            canvas.stroke()
            canvas.setDash([])
            canvas.setRoundCaps(false)
            // A point with no drawable neighbour (a one-point series, or one between NaNs) makes no line
            // segment; without a dot it would vanish. matplotlib draws nothing there, which hides data.
            if marker == .none || !drawsMarkers {
                for (index, point) in points.enumerated() {
                    guard let point, index == 0 || points[index - 1] == nil,
                          index == points.count - 1 || points[index + 1] == nil, clipRect.contains(point) else { continue }
                    PolylinePainter.drawMarker(.circle, at: point, size: max(2.6 * lineWidth, 3), fill: color, edge: nil,
                                               edgeWidth: 0, on: canvas)
                }
            }
        }
        if marker != .none && drawsMarkers {
            let visible = clipRect.insetBy(-markerSize)
            let every = max(markerEvery, 1)
            for (index, point) in points.enumerated() where index >= markerPhase && (index - markerPhase) % every == 0 {
                guard let point, visible.contains(point) else { continue }
                PolylinePainter.drawMarker(marker, at: point, size: markerSize, fill: color,
                                           edge: marker.isStroked ? nil : Color.white, edgeWidth: 0.8, on: canvas)
            }
        }
    }

    var legendEntry: LegendEntry? {
        label.map {
            if let legendMarker {
                return LegendEntry(label: $0, symbol: .lineWithEndMarker(color: color, width: lineWidth, style: style,
                                                                         marker: legendMarker))
            }
            return LegendEntry(label: $0, symbol: .line(color: color, width: lineWidth, style: style, marker: marker,
                                                        markerSize: markerSize))
        }
    }

    func obstacles(transform: DataTransform) -> [[PagePoint]] {
        var polylines: [[PagePoint]] = [[]]
        for point in pagePoints(transform) {
            if let point { polylines[polylines.count - 1].append(point) } else if !polylines[polylines.count - 1].isEmpty {
                polylines.append([])
            }
        }
        return polylines.filter { !$0.isEmpty }
    }
}
