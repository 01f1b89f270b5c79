/// A point in logical units on the page (y grows downwards).
struct PagePoint: Equatable {
    var x: Double
    var y: Double
}

/// An axis-aligned rectangle in logical page units.
struct PageRect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var maxX: Double { x + width }
    var minY: Double { y }
    var maxY: Double { y + height }

    func contains(_ point: PagePoint) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }

    func insetBy(_ amount: Double) -> PageRect {
        PageRect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}

/// Space taken by an axes' decorations on each side of its plotting area.
struct Insets {
    var left = 0.0
    var right = 0.0
    var top = 0.0
    var bottom = 0.0
}
