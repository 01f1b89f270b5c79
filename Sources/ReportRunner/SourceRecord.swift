import Foundation

/// The commit and the uncommitted-changes flag the appendix records, judged only on the files that make the
/// report: the experiment's folder, and the library sources (`Sources/`, `Package.swift`) it was built from when
/// they are in the same repository.
///
/// A whole-repository `git status` made every report change when someone added an unrelated untracked folder,
/// and `HEAD` changes with every unrelated commit; neither changes a number in the report.
public struct SourceRecord: Equatable {
    /// The last commit that changed one of the files, or `nil` outside a git repository.
    public let commit: String?
    /// Whether one of the files differs from that commit (modified, added, deleted or untracked).
    public let isDirty: Bool

    /// Asks git about `experimentDirectory` and, when it is in the same repository, `packageRoot`'s sources.
    public static func of(experimentDirectory: URL, packageRoot: URL) -> SourceRecord {
        let directory = experimentDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        guard let topLevel = CommandRunner.probe("git", ["-C", directory, "rev-parse", "--show-toplevel"]) else {
            return SourceRecord(commit: nil, isDirty: false)
        }
        let top = URL(fileURLWithPath: topLevel).resolvingSymlinksInPath().path
        var paths = [directory]
        let root = packageRoot.standardizedFileURL.resolvingSymlinksInPath().path
        if root == top || root.hasPrefix(top + "/") {
            paths += [root + "/Sources", root + "/Package.swift"]
        }
        let pathspecs = paths.map { path -> String in
            path == top ? "." : String(path.dropFirst(top.count + 1))
        }
        let commit = CommandRunner.probe("git", ["-C", top, "log", "-1", "--format=%H", "--"] + pathspecs)
            .flatMap { $0.isEmpty ? nil : $0 }
            ?? CommandRunner.probe("git", ["-C", top, "rev-parse", "HEAD"])
        let status = CommandRunner.probe("git", ["-C", top, "status", "--porcelain", "--untracked-files=all", "--"] + pathspecs)
        return SourceRecord(commit: commit, isDirty: !(status ?? "").isEmpty)
    }
}
