/// Maps data values to 0…1 for a colour map, linearly or in log₁₀.
public struct ColorNormalization: Sendable {
    public var lower: Double
    public var upper: Double
    public var scale: Scale

    public init(lower: Double, upper: Double, scale: Scale = .linear) {
        self.lower = lower
        self.upper = upper
        self.scale = scale
    }

    /// (T(v) − T(lower)) / (T(upper) − T(lower)) with T the scale's transform; NaN where undefined.
    public func fraction(_ value: Double) -> Double {
        let a = scale.transform(lower)
        let b = scale.transform(upper)
        guard b != a else { return 0.5 }
        return (scale.transform(value) - a) / (b - a)
    }
}
