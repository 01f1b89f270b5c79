import Foundation

/// The start and end markers of optimizer paths, placed so that none hides another.
///
/// Each marker goes at its point unless a marker placed before it (or a fixed occupant such as the
/// minimum's star) already covers that place; then it moves to the first free place on rings around its
/// point (eight directions, starting up-right, rings one marker apart) and a thin leader line joins it to
/// the point it marks. A marker whose point lies outside the plotting area is drawn just inside the place
/// where its path leaves the area, with a short arrow from it to the frame pointing the way the path went on.
///
/// Two markers collide when their centres are closer than ¾ of the mean of their sizes; identical markers
/// at the same place (paths sharing a start) are drawn once.
struct PathMarkersArtist: Artist {
    struct Item {
        var x: Double
        var y: Double
        var marker: Marker
        var size: Double
        var fill: Color
        var edge: Color?
        /// The data point before (`x`, `y`) on the path, to find where the path leaves the plotting area.
        var previous: (x: Double, y: Double)?
    }

    var items: [Item]
    /// Places taken before any item (data x, y and size), e.g. the minimum's star drawn after this artist.
    var occupants: [(x: Double, y: Double, size: Double)]
    /// The legend row for the first item (the shared start marker), if labelled.
    var label: String?

    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds { DataBounds() }

    /// Markers are drawn whole even at the frame, so they are not clipped (their places are kept inside).
    var isClipped: Bool { false }

    var legendEntry: LegendEntry? {
        guard let label, let first = items.first else { return nil }
        return LegendEntry(label: label, symbol: .marker(first.marker, color: first.fill, size: first.size,
                                                         edge: first.edge))
    }

    func obstacles(transform: DataTransform) -> [[PagePoint]] {
        items.compactMap { transform.point($0.x, $0.y).map { [$0] } }
    }

    /// Where the segment from `inside` towards `outside` crosses the frame `rect`.
    static func exit(from inside: PagePoint, towards outside: PagePoint, of rect: PageRect) -> PagePoint? {
        Geometry.clip(inside, outside, to: rect).map { $0.1 }
    }

    /// The page places of all items: (centre, true point, outward direction when the path left the frame).
    func placements(transform: DataTransform, frame: PageRect) -> [(center: PagePoint, point: PagePoint,
                                                                   exitDirection: PagePoint?)?] {
        var taken: [(center: PagePoint, size: Double, marker: Marker?, fill: Color?)] = occupants.compactMap { occupant in
            transform.point(occupant.x, occupant.y).map { ($0, occupant.size, nil, nil) }
        }
        var result: [(center: PagePoint, point: PagePoint, exitDirection: PagePoint?)?] = []
        for item in items {
            guard var point = transform.point(item.x, item.y), point.x.isFinite, point.y.isFinite else {
                result.append(nil)
                continue
            }
            var direction: PagePoint?
            if !frame.contains(point) {
                guard let previous = item.previous.flatMap({ transform.point($0.x, $0.y) }), frame.contains(previous),
                      let exit = Self.exit(from: previous, towards: point, of: frame) else {
                    result.append(nil)
                    continue
                }
                let dx = point.x - previous.x, dy = point.y - previous.y
                let length = (dx * dx + dy * dy).squareRoot()
                let unit = length > 0 ? PagePoint(x: dx / length, y: dy / length) : PagePoint(x: 0, y: 0)
                direction = unit
                let back = item.size / 2 + Self.arrowLength
                point = PagePoint(x: exit.x - unit.x * back, y: exit.y - unit.y * back)
            }
            if taken.contains(where: { $0.marker == item.marker && $0.fill == item.fill && distance($0.center, point) < 0.5 }) {
                result.append(nil)
                continue
            }
            var center = point
            let collides = { (candidate: PagePoint) in
                taken.contains { distance($0.center, candidate) < 0.75 * ($0.size + item.size) / 2 }
            }
            if collides(point) {
                search: for ring in 1...6 {
                    let radius = Double(ring) * (item.size + 3)
                    for step in 0..<8 {
                        let angle = Double.pi / 4 - Double(step) * Double.pi / 4
                        let candidate = PagePoint(x: point.x + radius * cos(angle), y: point.y - radius * sin(angle))
                        if !collides(candidate) && frame.insetBy(-item.size / 2).contains(candidate) {
                            center = candidate
                            break search
                        }
                    }
                }
            }
            taken.append((center, item.size, item.marker, item.fill))
            result.append((center, point, direction))
        }
        return result
    }

    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme) {
        let placed = placements(transform: transform, frame: clipRect)
        for (item, placement) in zip(items, placed) {
            guard let placement else { continue }
            if distance(placement.center, placement.point) > 0.5 {
                canvas.newPath()
                canvas.move(to: placement.point)
                canvas.line(to: placement.center)
                canvas.setColor(Color(gray: 0.15))
                canvas.setLineWidth(0.9)
                canvas.stroke()
            }
            if let direction = placement.exitDirection {
                let start = PagePoint(x: placement.center.x + direction.x * item.size / 2,
                                      y: placement.center.y + direction.y * item.size / 2)
                drawArrow(from: start, direction: direction, color: item.fill, on: canvas)
            }
            PolylinePainter.drawMarker(item.marker, at: placement.center, size: item.size, fill: item.fill,
                                       edge: item.edge, edgeWidth: 0.8, on: canvas)
        }
    }

    /// Length of the arrow from an end marker to where its path leaves the frame.
    static let arrowLength = 15.0

    /// A short arrow from `point` the way the path went on, its tip on the frame.
    private func drawArrow(from point: PagePoint, direction: PagePoint, color: Color, on canvas: Canvas) {
        let length = Self.arrowLength, headLength = 7.0, headHalfWidth = 3.5
        let tip = PagePoint(x: point.x + direction.x * length, y: point.y + direction.y * length)
        let base = PagePoint(x: tip.x - direction.x * headLength, y: tip.y - direction.y * headLength)
        canvas.newPath()
        canvas.move(to: point)
        canvas.line(to: base)
        canvas.setColor(color)
        canvas.setLineWidth(1.8)
        canvas.stroke()
        canvas.move(to: tip)
        canvas.line(to: PagePoint(x: base.x - direction.y * headHalfWidth, y: base.y + direction.x * headHalfWidth))
        canvas.line(to: PagePoint(x: base.x + direction.y * headHalfWidth, y: base.y - direction.x * headHalfWidth))
        canvas.closePath()
        canvas.fill()
    }

    private func distance(_ a: PagePoint, _ b: PagePoint) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
}
