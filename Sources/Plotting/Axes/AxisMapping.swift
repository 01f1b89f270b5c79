/// Maps data values on one axis to page positions: `lower` goes to `start`, `upper` to `end`, linearly in the
/// scale's transformed space.
struct AxisMapping: Equatable {
    let scale: Scale
    let lower: Double
    let upper: Double
    let start: Double
    let end: Double
    private let transformedLower: Double
    private let factor: Double

    init(scale: Scale, lower: Double, upper: Double, start: Double, end: Double) {
        self.scale = scale
        self.lower = lower
        self.upper = upper
        self.start = start
        self.end = end
        transformedLower = scale.transform(lower)
        factor = (end - start) / (scale.transform(upper) - transformedLower)
    }

    /// Page position of `value`; NaN when the value has no position (non-finite, or ≤ 0 on a log axis).
    func position(_ value: Double) -> Double {
        start + (scale.transform(value) - transformedLower) * factor
    }
}
