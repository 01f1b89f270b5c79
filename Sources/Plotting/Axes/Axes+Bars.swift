extension Axes {
    /// Draws bars of `heights` centred at `x`.
    ///
    /// - Parameters:
    ///   - x: Bar centres (use 0, 1, 2, … with ``categoryLabels(_:)`` for categories).
    ///   - heights: Bar heights (non-finite heights are skipped).
    ///   - width: Bar width in x units.
    ///   - baseline: Where bars start.
    ///   - label: Legend text.
    ///   - color: Fill colour; nil takes the next colour of the cycle.
    ///   - edgeColor: Outline colour.
    public func bar(_ x: [Double], _ heights: [Double], width: Double = 0.8, baseline: Double = 0,
                    label: String? = nil, color: Color? = nil, edgeColor: Color? = nil) {
        add(BarArtist(x: x, heights: heights, width: width, baseline: baseline, label: label,
                      color: color ?? nextColor(), edgeColor: edgeColor))
    }

    /// Replaces the x ticks by one label per category at 0, 1, 2, … (for bar charts).
    public func categoryLabels(_ labels: [String]) {
        customXTicks = labels.enumerated().map { (Double($0.offset), $0.element) }
    }
}
