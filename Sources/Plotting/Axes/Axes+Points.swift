extension Axes {
    /// ``scatter(_:_:label:color:colors:marker:size:edgeColor:)`` of points given as `SIMD2<Double>`, the point
    /// type the figures and the training engine share.
    ///
    /// - Parameters:
    ///   - points: The points.
    ///   - label: Legend text.
    ///   - color: One colour for all points; nil takes the next colour of the cycle.
    ///   - colors: A colour per point.
    ///   - marker: The marker shape.
    ///   - size: Marker size in logical units; nil uses the theme's.
    ///   - edgeColor: Marker outline; nil draws none.
    public func scatter(_ points: [SIMD2<Double>], label: String? = nil, color: Color? = nil, colors: [Color]? = nil,
                        marker: Marker = .circle, size: Double? = nil, edgeColor: Color? = Color.white) {
        scatter(points.map(\.x), points.map(\.y), label: label, color: color, colors: colors, marker: marker, size: size,
                edgeColor: edgeColor)
    }
}
