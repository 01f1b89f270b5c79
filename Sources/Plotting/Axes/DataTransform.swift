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
