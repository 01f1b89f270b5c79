/// The result of a gradient check: analytic and numerical gradients side by side, tensor by tensor.
public struct GradientCheckReport: Sendable, Hashable {
    /// One checked tensor.
    public struct Entry: Sendable, Hashable {
        /// What was differentiated, e.g. "layer 0 (Dense 2→3, tanh) weight".
        public var name: String
        /// The back-propagated gradient.
        public var analytic: [Double]
        /// The central-difference gradient.
        public var numeric: [Double]
        /// `‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖)`.
        public var relativeError: Double
    }

    /// The checked tensors.
    public var entries: [Entry]

    /// The largest relative error over all entries.
    public var maximumRelativeError: Double { entries.map(\.relativeError).max() ?? 0 }
}
