import Foundation

/// How `report run` asked the experiment to cache its stages (carried in ``RunContext/stageCache``).
public struct StageCacheSettings: Sendable, Equatable {
    /// The cache's root folder (``StageCache``).
    public var directory: URL
    /// The digest of the experiment's code as stages see it (comments and unreachable string text left out).
    public var codeDigest: String
    /// The digest of the library build the experiment is linked against.
    public var libraryDigest: String
    /// Recompute every stage, ignoring stored results (the new results are still stored).
    public var fresh: Bool
    /// Print, per stage, whether it was reused or why it ran.
    public var explain: Bool

    public init(directory: URL, codeDigest: String, libraryDigest: String, fresh: Bool = false, explain: Bool = false) {
        self.directory = directory
        self.codeDigest = codeDigest
        self.libraryDigest = libraryDigest
        self.fresh = fresh
        self.explain = explain
    }
}
