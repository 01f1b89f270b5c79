/// What a diverging run met first.
public enum DivergenceCause: String, Sendable, Hashable, Codable, CustomStringConvertible {
    case loss, gradient, parameter, validationLoss

    public var description: String {
        switch self {
        case .loss: return "the training loss became NaN or infinite"
        case .gradient: return "a gradient became NaN or infinite"
        case .parameter: return "a parameter became NaN or infinite"
        case .validationLoss: return "the validation loss became NaN or infinite"
        }
    }
}
