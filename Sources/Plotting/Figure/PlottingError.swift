/// Why a figure could not be written.
public enum PlottingError: Error, CustomStringConvertible {
    /// Cairo reported an error status.
    case cairo(String)
    /// The PNG data could not be decoded.
    case invalidPNG

    public var description: String {
        switch self {
        case .cairo(let message): return "Cairo error: \(message)"
        case .invalidPNG: return "invalid PNG data"
        }
    }
}
