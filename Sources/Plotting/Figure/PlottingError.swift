/// Why a figure could not be written.
public enum PlottingError: Error, CustomStringConvertible {
    /// Cairo reported an error status.
    case cairo(String)
    /// The PNG data could not be decoded.
    case invalidPNG
    /// The data given to the figure cannot be drawn as asked, e.g. x and y of different lengths; the message
    /// names the series.
    case invalidData(String)

    public var description: String {
        switch self {
        case .cairo(let message): return "Cairo error: \(message)"
        case .invalidPNG: return "invalid PNG data"
        case .invalidData(let message): return message
        }
    }
}
