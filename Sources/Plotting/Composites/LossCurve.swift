/// One run's loss (or metric) per step or epoch, optionally with a band such as mean ± std over seeds.
public struct LossCurve: Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// Lower and upper edges of a shaded band around the curve.
    public var band: (lower: [Double], upper: [Double])?
    public var style: LineStyle
    /// Curves with the same `series` share a colour (for example "Adam" train solid and validation dashed);
    /// nil gives the curve a colour of its own.
    public var series: String?
    public var color: Color?
    /// A symbol repeated along the curve (about a dozen per curve), so that curves whose colours print as the
    /// same grey stay apart by shape.
    public var marker: Marker = .none
    /// Where the run diverged (an x value, e.g. the epoch), if it did: ``Figure/lossCurves(_:title:xLabel:yLabel:logarithmic:lineWidth:width:height:theme:)``
    /// marks the place, names it in the legend and keeps the curve's overflowing values out of the limits.
    public var divergedAt: Double?
    /// How the legend says it, e.g. "diverged at epoch 3 (step 41)"; nil says "diverged".
    public var divergenceNote: String?

    /// - Parameters:
    ///   - name: Legend text.
    ///   - x: Step or epoch of each value; nil uses 0, 1, 2, ….
    ///   - y: The values (non-finite values break the line, for diverged runs).
    ///   - band: Optional lower and upper edges of a shaded band.
    ///   - style: `.dashed` for validation curves by convention.
    ///   - series: Shared colour key.
    ///   - color: Explicit colour (overrides the series colour).
    ///   - divergedAt: The x value where the run diverged, if it did.
    ///   - divergenceNote: The legend's words for it, e.g. "diverged at epoch 3 (step 41)".
    public init(name: String, x: [Double]? = nil, y: [Double], band: (lower: [Double], upper: [Double])? = nil,
                style: LineStyle = .solid, series: String? = nil, color: Color? = nil,
                divergedAt: Double? = nil, divergenceNote: String? = nil) {
        self.name = name
        self.divergedAt = divergedAt
        self.divergenceNote = divergenceNote
        self.x = x ?? y.indices.map(Double.init)
        self.y = y
        self.band = band
        self.style = style
        self.series = series
        self.color = color
    }

    /// The mean of several runs (one array per seed) with a band of ± one standard deviation.
    ///
    /// mean_t = (1/n_t) Σᵢ y_{i,t},  std_t = √((1/n_t) Σᵢ (y_{i,t} − mean_t)²)  (population std, as numpy's
    /// default), where the sums run over the n_t runs that reached step t.
    /// - Note: A run with any non-finite value (a diverged run) is left out entirely: one NaN would otherwise
    ///   erase the band. Runs of different lengths are not cut to the shortest: each step averages the runs that
    ///   reached it, so the curve is as long as the longest kept run. Use ``divergedRuns(_:)`` to say which
    ///   runs were left out.
    public static func meanAndStandardDeviation(name: String, x: [Double]? = nil, runs: [[Double]],
                                               style: LineStyle = .solid, series: String? = nil) -> LossCurve {
        let kept = runs.filter { $0.allSatisfy(\.isFinite) }
        let length = kept.map(\.count).max() ?? 0
        var mean = [Double](repeating: .nan, count: length)
        var deviation = [Double](repeating: .nan, count: length)
        for step in 0..<length {
            let values = kept.filter { step < $0.count }.map { $0[step] }
            let count = Double(values.count)
            let average = values.reduce(0, +) / count
            mean[step] = average
            deviation[step] = (values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / count).squareRoot()
        }
        return LossCurve(name: name, x: x.map { Array($0.prefix(length)) }, y: mean,
                         band: (zip(mean, deviation).map { $0 - $1 }, zip(mean, deviation).map { $0 + $1 }),
                         style: style, series: series)
    }

    /// The indices of the runs ``meanAndStandardDeviation(name:x:runs:style:series:)`` leaves out because they
    /// hold a non-finite value.
    public static func divergedRuns(_ runs: [[Double]]) -> [Int] {
        runs.indices.filter { !runs[$0].allSatisfy(\.isFinite) }
    }
}
