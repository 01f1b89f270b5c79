import Foundation

/// How ``Figure/lossCurves(_:title:xLabel:yLabel:logarithmic:lineWidth:width:height:theme:)`` tells a noisy
/// curve (training loss under dropout, SGD on small batches) from a smooth one, and the trend it draws over it.
///
/// Markers sampled from a noisy series sit on random spikes and vanish in the curve's own zig-zag, and the
/// zig-zag hides whatever is drawn under it; over a faint raw line, a moving average shows the trend and
/// carries the markers where they can be seen.
enum NoisyCurveSmoothing {
    /// A curve is noisy when its values stray from their moving average by more than this share of the
    /// plot's y span on average (on the axis scale). Smooth loss curves measure below 0.2 %, a validation loss
    /// that wobbles about 0.5 %, a dropout training loss about 4 %: its markers vanish in the zig-zag.
    static let noiseThreshold = 0.015

    /// The window of the moving average: about a twenty-fifth of the curve, odd, at least 5 points.
    static func window(count: Int) -> Int {
        let width = max(5, count / 25)
        return width % 2 == 0 ? width + 1 : width
    }

    /// The centred moving average of `values` on the axis scale (log₁₀ on a log axis, so spikes do not pull
    /// the trend up): mean_i = (1/|W_i|) Σ_{j ∈ W_i} s(y_j), W_i the finite (and, on a log axis, positive)
    /// values within half a window of i, and the result s⁻¹(mean_i). Points with no usable value stay NaN.
    static func movingAverage(_ values: [Double], window: Int, logarithmic: Bool) -> [Double] {
        let usable = values.map { scaled($0, logarithmic: logarithmic) }
        let half = window / 2
        // A running sum would be O(n) but drifts in the last digits; windows are short (n / 25), so O(n · w).
        return values.indices.map { index in
            guard usable[index] != nil else { return .nan }
            let neighbours = usable[max(0, index - half)...min(values.count - 1, index + half)].compactMap { $0 }
            let mean = neighbours.reduce(0, +) / Double(neighbours.count)
            return logarithmic ? pow(10, mean) : mean
        }
    }

    /// s(y): the value on the axis scale, nil when it cannot be drawn there.
    static func scaled(_ value: Double, logarithmic: Bool) -> Double? {
        guard value.isFinite, !logarithmic || value > 0 else { return nil }
        return logarithmic ? log10(value) : value
    }

    /// The moving average when `values` are noisy: when (1/n) Σ |s(y_i) − s(m_i)| > ``noiseThreshold`` × `span`,
    /// m the moving average and the sum over the n usable points. Nil when the curve is smooth or too short to
    /// tell (fewer than four windows).
    /// - Parameter span: the y span of the plot on the axis scale (largest minus smallest s(y) of all curves).
    static func trend(of values: [Double], logarithmic: Bool, span: Double) -> [Double]? {
        let width = window(count: values.count)
        guard values.count >= 4 * width, span > 0 else { return nil }
        let smoothed = movingAverage(values, window: width, logarithmic: logarithmic)
        let residuals = zip(values, smoothed).compactMap { value, mean -> Double? in
            guard let raw = scaled(value, logarithmic: logarithmic), let trend = scaled(mean, logarithmic: logarithmic) else { return nil }
            return abs(raw - trend)
        }
        guard !residuals.isEmpty else { return nil }
        let meanResidual = residuals.reduce(0, +) / Double(residuals.count)
        return meanResidual > noiseThreshold * span ? smoothed : nil
    }

    /// The y span of `curves` on the axis scale, the values above each curve's cap left out.
    static func span(of curves: [[Double]], caps: [Double?], logarithmic: Bool) -> Double {
        var low = Double.infinity, high = -Double.infinity
        for (values, cap) in zip(curves, caps) {
            for value in values where cap.map({ value <= $0 }) ?? true {
                guard let scaledValue = scaled(value, logarithmic: logarithmic) else { continue }
                low = min(low, scaledValue)
                high = max(high, scaledValue)
            }
        }
        return high > low ? high - low : 0
    }
}
