/// Space taken by an axes' decorations on each side of its plotting area.
struct Insets {
    var left = 0.0
    var right = 0.0
    var top = 0.0
    var bottom = 0.0
}
