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

/// Data-to-page mapping of one axes (both axes together).
struct DataTransform: Equatable {
    let x: AxisMapping
    let y: AxisMapping

    /// Page point of a data point, or nil when either coordinate has no position.
    func point(_ dataX: Double, _ dataY: Double) -> PagePoint? {
        let px = x.position(dataX)
        let py = y.position(dataY)
        guard px.isFinite, py.isFinite else { return nil }
        return PagePoint(x: px, y: py)
    }
}
