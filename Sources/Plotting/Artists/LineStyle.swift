/// How a line is stroked: solid or a dash pattern.
public enum LineStyle: Sendable, Hashable {
    case solid
    case dashed
    case dotted
    case dashDot
    /// On/off lengths in multiples of the line width.
    case pattern([Double])

    /// Solid, dashed, dash-dot, dotted, then long dashes: styles that stay apart in grey and at small sizes,
    /// given in turn to series that differ only by colour otherwise.
    public static let distinguishableCycle: [LineStyle] = [.solid, .dashed, .dashDot, .dotted, .pattern([7, 2.5])]

    /// Dash lengths in logical units for a line of the given width (empty for solid).
    ///
    /// - Note: Lengths scale with the width, as matplotlib's do, so thick dashed lines keep their rhythm.
    func dashes(lineWidth: Double) -> [Double] {
        let unit = max(lineWidth, 0.5)
        switch self {
        case .solid: return []
        case .dashed: return [3.7 * unit, 1.6 * unit]
        case .dotted: return [1 * unit, 1.65 * unit]
        case .dashDot: return [6.4 * unit, 1.6 * unit, 1 * unit, 1.6 * unit]
        case .pattern(let lengths): return lengths.map { $0 * unit }
        }
    }
}
