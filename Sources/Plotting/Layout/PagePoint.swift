/// A point in logical units on the page (y grows downwards).
struct PagePoint: Equatable {
    var x: Double
    var y: Double
}
