/// The role of a parameter tensor, which decides whether weight decay applies to it.
public enum ParameterKind: Sendable, Hashable, Codable {
    /// A weight matrix: L2 weight decay and the per-layer gradient norms of the history apply to it.
    case weight
    /// A bias vector (not decayed).
    case bias
    /// BatchNorm's scale γ (not decayed).
    case scale
    /// BatchNorm's shift β (not decayed).
    case shift
}
