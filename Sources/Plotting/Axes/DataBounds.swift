/// The extent of data along x and y, ignoring values an axis cannot show (non-finite, or ≤ 0 on a log axis).
struct DataBounds {
    var minX = Double.infinity
    var maxX = -Double.infinity
    var minY = Double.infinity
    var maxY = -Double.infinity

    var hasX: Bool { minX <= maxX }
    var hasY: Bool { minY <= maxY }

    mutating func include(x: Double, scale: Scale) {
        guard x.isFinite, scale != .log10 || x > 0 else { return }
        minX = min(minX, x)
        maxX = max(maxX, x)
    }

    mutating func include(y: Double, scale: Scale) {
        guard y.isFinite, scale != .log10 || y > 0 else { return }
        minY = min(minY, y)
        maxY = max(maxY, y)
    }

    /// Includes a point only when both coordinates are usable, so a NaN y does not widen x.
    mutating func include(x: Double, y: Double, xScale: Scale, yScale: Scale) {
        guard x.isFinite, y.isFinite, xScale != .log10 || x > 0, yScale != .log10 || y > 0 else { return }
        include(x: x, scale: xScale)
        include(y: y, scale: yScale)
    }

    mutating func formUnion(_ other: DataBounds) {
        minX = min(minX, other.minX)
        maxX = max(maxX, other.maxX)
        minY = min(minY, other.minY)
        maxY = max(maxY, other.maxY)
    }
}
