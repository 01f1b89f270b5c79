import Foundation

/// Stroking of data polylines: breaks at points without a position, clipping against a rectangle a little
/// larger than the plotting area, and markers.
enum PolylinePainter {
    /// Adds the polyline to the current path, starting a new sub-path after every nil point and wherever the
    /// line leaves `bounds`.
    static func addPath(_ points: [PagePoint?], to canvas: Canvas, bounds: PageRect) {
        var previous: PagePoint?
        var penDown = false
        for point in points {
            guard let current = point else {
                previous = nil
                penDown = false
                continue
            }
            if let last = previous {
                if bounds.contains(last) && bounds.contains(current) {
                    if !penDown { canvas.move(to: last) }
                    canvas.line(to: current)
                    penDown = true
                } else if let (start, end) = Geometry.clip(last, current, to: bounds) {
                    if !penDown || start != last { canvas.move(to: start) }
                    canvas.line(to: end)
                    penDown = end == current
                } else {
                    penDown = false
                }
            } else if bounds.contains(current) {
                // A lone point still starts a sub-path so that a following segment joins it.
                penDown = false
            }
            previous = current
        }
    }

    /// The polyline with points removed while every removed point stays within `tolerance` of the kept line
    /// (Ramer–Douglas–Peucker: keep the point farthest from the chord if it is farther than the tolerance,
    /// and recurse on both halves).
    ///
    /// - Note: Used for lines and dense contour lines, where a tolerance of a fraction of a pixel saves much
    ///   of the rasteriser's work without a visible change.
    static func simplified(_ points: [PagePoint], tolerance: Double) -> [PagePoint] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        let squaredTolerance = tolerance * tolerance
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            let a = points[first], b = points[last]
            let dx = b.x - a.x, dy = b.y - a.y
            let squaredLength = dx * dx + dy * dy
            var farthest = first
            // The squared distance to the chord is cross² / |b − a|²; the divisor is the same for every point
            // of the span, so the farthest point is found by cross² alone and divided once.
            var farthestMeasure = -1.0
            if squaredLength == 0 {
                for index in (first + 1)..<last {
                    let p = points[index]
                    let squaredDistance = (p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)
                    if squaredDistance > farthestMeasure {
                        farthestMeasure = squaredDistance
                        farthest = index
                    }
                }
            } else {
                for index in (first + 1)..<last {
                    let p = points[index]
                    let cross = dx * (p.y - a.y) - dy * (p.x - a.x)
                    if cross * cross > farthestMeasure {
                        farthestMeasure = cross * cross
                        farthest = index
                    }
                }
            }
            let farthestDistance = squaredLength == 0 ? farthestMeasure : farthestMeasure / squaredLength
            if farthestDistance > squaredTolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return points.indices.compactMap { keep[$0] ? points[$0] : nil }
    }

    /// The segments of `run` whose vertical extent meets `rows`, each kept whole, with a break (nil) wherever
    /// segments were left out; the whole run when `rows` is nil.
    ///
    /// - Note: A band of a raster figure (see `Canvas.visibleRect`) strokes only what can reach its rows.
    ///   With `rows` widened by more than half the line width, a left-out segment, and the join or cap at its
    ///   ends, lies wholly outside the band, and the kept segments are stroked exactly as without the band.
    static func segments(of run: [PagePoint], reaching rows: ClosedRange<Double>?) -> [PagePoint?] {
        guard let rows, run.count > 1 else { return run }
        var result: [PagePoint?] = []
        var previousKept = false
        for index in 1..<run.count {
            let a = run[index - 1], b = run[index]
            let kept = min(a.y, b.y) <= rows.upperBound && max(a.y, b.y) >= rows.lowerBound
            if kept {
                if !previousKept {
                    if !result.isEmpty { result.append(nil) }
                    result.append(a)
                }
                result.append(b)
            }
            previousKept = kept
        }
        return result
    }

    /// `simplified(_:tolerance:)` applied to each unbroken run of a polyline, keeping the breaks.
    static func simplifiedRuns(_ points: [PagePoint?], tolerance: Double) -> [PagePoint?] {
        var result: [PagePoint?] = []
        result.reserveCapacity(points.count)
        var run: [PagePoint] = []
        for point in points {
            if let point {
                run.append(point)
            } else {
                result += simplified(run, tolerance: tolerance).map { Optional($0) }
                result.append(nil)
                run.removeAll(keepingCapacity: true)
            }
        }
        result += simplified(run, tolerance: tolerance).map { Optional($0) }
        return result
    }

    /// Draws one marker centred at `center`; `size` is the marker's diameter.
    static func drawMarker(_ marker: Marker, at center: PagePoint, size: Double, fill: Color, edge: Color?,
                           edgeWidth: Double, on canvas: Canvas) {
        let radius = size / 2
        switch marker {
        case .none:
            return
        case .circle:
            canvas.circle(center: center, radius: radius)
        case .square:
            canvas.rectangle(PageRect(x: center.x - radius * 0.9, y: center.y - radius * 0.9,
                                      width: radius * 1.8, height: radius * 1.8))
        case .diamond:
            canvas.move(to: PagePoint(x: center.x, y: center.y - radius * 1.1))
            canvas.line(to: PagePoint(x: center.x + radius * 0.8, y: center.y))
            canvas.line(to: PagePoint(x: center.x, y: center.y + radius * 1.1))
            canvas.line(to: PagePoint(x: center.x - radius * 0.8, y: center.y))
            canvas.closePath()
        case .triangleUp:
            canvas.move(to: PagePoint(x: center.x, y: center.y - radius * 1.1))
            canvas.line(to: PagePoint(x: center.x + radius * 0.95, y: center.y + radius * 0.6))
            canvas.line(to: PagePoint(x: center.x - radius * 0.95, y: center.y + radius * 0.6))
            canvas.closePath()
        case .triangleDown:
            canvas.move(to: PagePoint(x: center.x, y: center.y + radius * 1.1))
            canvas.line(to: PagePoint(x: center.x + radius * 0.95, y: center.y - radius * 0.6))
            canvas.line(to: PagePoint(x: center.x - radius * 0.95, y: center.y - radius * 0.6))
            canvas.closePath()
        case .star:
            // Five outer points on radius r and five inner on 0.4r, starting at the top.
            for index in 0..<10 {
                let angle = -Double.pi / 2 + Double(index) * Double.pi / 5
                let r = index.isMultiple(of: 2) ? radius * 1.15 : radius * 0.46
                let point = PagePoint(x: center.x + r * cos(angle), y: center.y + r * sin(angle))
                if index == 0 { canvas.move(to: point) } else { canvas.line(to: point) }
            }
            canvas.closePath()
        case .cross, .plus:
            let diagonal = marker == .cross
            let r = radius * (diagonal ? 0.8 : 1.0)
            canvas.setColor(fill)
            canvas.setLineWidth(max(edgeWidth, size / 5))
            canvas.setDash([])
            if diagonal {
                canvas.move(to: PagePoint(x: center.x - r, y: center.y - r))
                canvas.line(to: PagePoint(x: center.x + r, y: center.y + r))
                canvas.move(to: PagePoint(x: center.x - r, y: center.y + r))
                canvas.line(to: PagePoint(x: center.x + r, y: center.y - r))
            } else {
                canvas.move(to: PagePoint(x: center.x - r, y: center.y))
                canvas.line(to: PagePoint(x: center.x + r, y: center.y))
                canvas.move(to: PagePoint(x: center.x, y: center.y - r))
                canvas.line(to: PagePoint(x: center.x, y: center.y + r))
            }
            canvas.stroke()
            return
        }
        canvas.fillAndStroke(fill: fill, stroke: edge, lineWidth: edgeWidth)
    }
}
