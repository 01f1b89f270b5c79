extension ScalarGrid {
    /// Samples a test function on `columns × rows` evenly spaced points of the rectangle, edges included.
    ///
    /// - Parameters:
    ///   - function: The function; its window (``TestFunction/xRange``, ``TestFunction/yRange``) is used when
    ///     no range is given.
    ///   - xRange: The x interval.
    ///   - yRange: The y interval.
    ///   - columns: Samples along x.
    ///   - rows: Samples along y.
    public init(_ function: TestFunction, xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                columns: Int = 200, rows: Int = 200) {
        self.init(xRange: xRange ?? function.xRange, yRange: yRange ?? function.yRange, columns: columns, rows: rows,
                  function: function.plotted)
    }
}

extension TestFunction {
    /// f(x, y) in the form the figures sample: two coordinates rather than one point.
    public var plotted: (Double, Double) -> Double {
        let value = self.value
        return { x, y in value(SIMD2(x, y)) }
    }
}
