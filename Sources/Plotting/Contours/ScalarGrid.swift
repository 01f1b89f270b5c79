/// Values of a function of two variables on a rectangular grid: `values[row * x.count + column]` is the value
/// at (`x[column]`, `y[row]`), row 0 at the smallest y.
public struct ScalarGrid: Sendable, Codable {
    public let x: [Double]
    public let y: [Double]
    public let values: [Double]

    /// - Parameters:
    ///   - x: Increasing x coordinates of the columns (at least 2).
    ///   - y: Increasing y coordinates of the rows (at least 2).
    ///   - values: `x.count × y.count` values, row by row.
    public init(x: [Double], y: [Double], values: [Double]) {
        precondition(x.count >= 2 && y.count >= 2, "a grid needs at least 2 × 2 points")
        precondition(values.count == x.count * y.count, "values must have x.count × y.count entries")
        self.x = x
        self.y = y
        self.values = values
    }

    /// Samples `function` at `columns × rows` evenly spaced points covering the rectangle, edges included.
    ///
    /// - Parameters:
    ///   - xRange: The x interval.
    ///   - yRange: The y interval.
    ///   - columns: Samples along x.
    ///   - rows: Samples along y.
    ///   - function: f(x, y); non-finite results are allowed and leave holes.
    public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int = 200, rows: Int = 200,
                function: (Double, Double) -> Double) {
        let xs = ScalarGrid.linspace(xRange, count: max(columns, 2))
        let ys = ScalarGrid.linspace(yRange, count: max(rows, 2))
        // Written in place: appending checked capacity and uniqueness for every one of the 90,000 values of a
        // 300 × 300 grid, a third of the sampling time.
        let values = [Double](unsafeUninitializedCapacity: xs.count * ys.count) { buffer, initialized in
            var index = 0
            for yValue in ys {
                for xValue in xs {
                    (buffer.baseAddress! + index).initialize(to: function(xValue, yValue))
                    index += 1
                }
            }
            initialized = index
        }
        self.init(x: xs, y: ys, values: values)
    }

    /// Samples a batched function at `columns × rows` evenly spaced points covering the rectangle, edges
    /// included: `function` receives every point at once, row by row from the smallest y, and returns one value
    /// per point. For models that predict a batch far faster than one point at a time (a network: one matrix
    /// product instead of 22,500).
    public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int = 200, rows: Int = 200,
                batch function: ([SIMD2<Double>]) -> [Double]) {
        let xs = ScalarGrid.linspace(xRange, count: max(columns, 2))
        let ys = ScalarGrid.linspace(yRange, count: max(rows, 2))
        var points: [SIMD2<Double>] = []
        points.reserveCapacity(xs.count * ys.count)
        for yValue in ys {
            for xValue in xs { points.append(SIMD2(xValue, yValue)) }
        }
        let values = function(points)
        precondition(values.count == points.count, "the batched function returned \(values.count) values for \(points.count) points")
        self.init(x: xs, y: ys, values: values)
    }

    /// `count` evenly spaced values from the lower to the upper bound, both included.
    public static func linspace(_ range: ClosedRange<Double>, count: Int) -> [Double] {
        guard count > 1 else { return [range.lowerBound] }
        let step = (range.upperBound - range.lowerBound) / Double(count - 1)
        return (0..<count).map { index in
            index == count - 1 ? range.upperBound : range.lowerBound + Double(index) * step
        }
    }

    /// The value at a grid point.
    public subscript(column: Int, row: Int) -> Double { values[row * x.count + column] }

    /// Smallest and largest finite value (nil when there is none).
    public var finiteRange: ClosedRange<Double>? {
        var low = Double.infinity
        var high = -Double.infinity
        for value in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        return low <= high ? low...high : nil
    }

    /// Smallest finite positive value (for logarithmic levels).
    var smallestPositive: Double? {
        values.filter { $0.isFinite && $0 > 0 }.min()
    }

    /// Bilinear interpolation at (px, py) given as fractional column and row indices.
    func interpolate(column: Double, row: Double) -> Double {
        let i = min(max(Int(column), 0), x.count - 2)
        let j = min(max(Int(row), 0), y.count - 2)
        let fx = column - Double(i)
        let fy = row - Double(j)
        let v00 = self[i, j], v10 = self[i + 1, j], v01 = self[i, j + 1], v11 = self[i + 1, j + 1]
        return (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy
    }
}
