/// Why a document could not be written; the message names the block, figure, file or line at fault.
public struct ReportError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A human-readable explanation, e.g. `reference to missing figure 'loss' (prose 2 in section "Training")`.
    public let message: String

    /// Creates an error.
    /// - Parameter message: the explanation, naming what is at fault.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
