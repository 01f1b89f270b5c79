/// Clipping of segments and polygons in page space, so that no coordinate handed to Cairo is huge: Cairo
/// stores coordinates in 24.8 fixed point, and a value such as 10³⁰⁰ mapped to the page would overflow.
enum Geometry {
    /// The part of the segment a→b inside `rect` (Liang–Barsky), or nil when it misses.
    ///
    /// With p(t) = a + t(b − a), each rectangle side gives a bound on t; the segment survives on
    /// [t₀, t₁] = [max of entering bounds, min of leaving bounds] if t₀ ≤ t₁.
    static func clip(_ a: PagePoint, _ b: PagePoint, to rect: PageRect) -> (PagePoint, PagePoint)? {
        let dx = b.x - a.x
        let dy = b.y - a.y
        var t0 = 0.0
        var t1 = 1.0
        let edges: [(Double, Double)] = [
            (-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y),
        ]
        for (p, q) in edges {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 {
                    if t > t1 { return nil }
                    t0 = max(t0, t)
                } else {
                    if t < t0 { return nil }
                    t1 = min(t1, t)
                }
            }
        }
        return (PagePoint(x: a.x + t0 * dx, y: a.y + t0 * dy), PagePoint(x: a.x + t1 * dx, y: a.y + t1 * dy))
    }

    /// The polygon clipped to `rect` (Sutherland–Hodgman, one rectangle side at a time).
    static func clip(polygon: [PagePoint], to rect: PageRect) -> [PagePoint] {
        var points = polygon
        let sides: [(PagePoint) -> Bool] = [
            { $0.x >= rect.minX }, { $0.x <= rect.maxX }, { $0.y >= rect.minY }, { $0.y <= rect.maxY },
        ]
        let crossings: [(PagePoint, PagePoint) -> PagePoint] = [
            { a, b in intersection(a, b, x: rect.minX) }, { a, b in intersection(a, b, x: rect.maxX) },
            { a, b in intersection(a, b, y: rect.minY) }, { a, b in intersection(a, b, y: rect.maxY) },
        ]
        for side in 0..<4 {
            guard !points.isEmpty else { break }
            var output: [PagePoint] = []
            output.reserveCapacity(points.count + 4)
            var previous = points[points.count - 1]
            for current in points {
                let currentInside = sides[side](current)
                let previousInside = sides[side](previous)
                if currentInside {
                    if !previousInside { output.append(crossings[side](previous, current)) }
                    output.append(current)
                } else if previousInside {
                    output.append(crossings[side](previous, current))
                }
                previous = current
            }
            points = output
        }
        return points
    }

    private static func intersection(_ a: PagePoint, _ b: PagePoint, x: Double) -> PagePoint {
        let t = (x - a.x) / (b.x - a.x)
        return PagePoint(x: x, y: a.y + t * (b.y - a.y))
    }

    private static func intersection(_ a: PagePoint, _ b: PagePoint, y: Double) -> PagePoint {
        let t = (y - a.y) / (b.y - a.y)
        return PagePoint(x: a.x + t * (b.x - a.x), y: y)
    }

    /// Whether the segment a→b touches `rect`.
    static func segmentIntersects(_ a: PagePoint, _ b: PagePoint, _ rect: PageRect) -> Bool {
        clip(a, b, to: rect) != nil
    }
}
