/// Why a data set could not be split into training, validation and test sets.
public enum DatasetSplitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A fraction is not in [0, 1) (or is NaN). `name` is `"validation"` or `"test"`.
    case fractionOutOfRange(name: String, value: Double)
    /// The validation and test fractions together take the whole set.
    case fractionsLeaveNoTrainingSamples(validationFraction: Double, testFraction: Double)
    /// After rounding, no sample is left for training (the set is too small for these fractions).
    case noTrainingSamples(count: Int, validationCount: Int, testCount: Int)

    public var description: String {
        switch self {
        case let .fractionOutOfRange(name, value):
            return "\(name) fraction \(value) is not in [0, 1)"
        case let .fractionsLeaveNoTrainingSamples(validationFraction, testFraction):
            return "validation fraction \(validationFraction) and test fraction \(testFraction) add up to 1 or more, leaving no samples for training"
        case let .noTrainingSamples(count, validationCount, testCount):
            return "splitting \(count) samples into \(validationCount) for validation and \(testCount) for test leaves none for training"
        }
    }
}
