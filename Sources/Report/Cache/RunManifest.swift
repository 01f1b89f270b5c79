import Foundation

/// What a finished experiment tells `report` about itself (written to ``RunContext/inputListFile``): the files
/// it read and the stages it measured, so the record of the whole run can cover them.
public struct RunManifest: Codable, Equatable {
    /// Every file the program read through ``InputFileLedger`` (absolute path → SHA-256 of its content when
    /// the program finished).
    public var filesRead: [String: String]
    /// The measured stages' names, in order.
    public var stages: [String]

    public init(filesRead: [String: String], stages: [String]) {
        self.filesRead = filesRead
        self.stages = stages
    }
}
