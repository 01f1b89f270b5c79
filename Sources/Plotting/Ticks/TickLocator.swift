/// Where the ticks of one axis go (matplotlib's `Locator`): ``Axes/xLocator`` and ``Axes/yLocator`` take one;
/// what the ticks say is a separate ``TickLabelFormatter``.
///
/// ```swift
/// axes.yLocator = FixedTickLocator(major: [0, 0.25, 0.5, 0.75, 1])
/// ```
public protocol TickLocator: Sendable {
    /// Major tick positions (labelled) and minor ones (unlabelled) for the view `lower…upper`.
    ///
    /// - Parameters:
    ///   - lower: The smaller end of the view.
    ///   - upper: The larger end of the view.
    ///   - targetCount: About how many major ticks fit the axis's length (3–10, from the theme's spacing).
    /// - Returns: Positions in data units; the axes drops those outside the view.
    func tickPositions(lower: Double, upper: Double, targetCount: Int) -> (major: [Double], minor: [Double])
}

extension ExtendedWilkinsonLocator: TickLocator {
    /// ``ticks(lower:upper:targetCount:)`` as major ticks, with no minor ones: the default of a linear axis.
    public func tickPositions(lower: Double, upper: Double, targetCount: Int) -> (major: [Double], minor: [Double]) {
        (ticks(lower: lower, upper: upper, targetCount: targetCount), [])
    }
}

extension LogLocator: TickLocator {
    /// ``ticks(lower:upper:targetCount:)``: the default of a logarithmic axis.
    public func tickPositions(lower: Double, upper: Double, targetCount: Int) -> (major: [Double], minor: [Double]) {
        ticks(lower: lower, upper: upper, targetCount: targetCount)
    }
}

/// Ticks at given positions, whatever the view (those outside it are not drawn).
public struct FixedTickLocator: TickLocator {
    public var major: [Double]
    public var minor: [Double]

    /// - Parameters:
    ///   - major: Labelled tick positions.
    ///   - minor: Unlabelled tick positions.
    public init(major: [Double], minor: [Double] = []) {
        self.major = major
        self.minor = minor
    }

    public func tickPositions(lower: Double, upper: Double, targetCount: Int) -> (major: [Double], minor: [Double]) {
        (major, minor)
    }
}
