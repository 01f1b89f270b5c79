import Foundation
import Report

/// The parts of a run that come from the tools rather than the experiment: the library build, the compiler
/// and the `report` executable itself, each identified without starting a process.
public struct BuildInputs {
    public let layout: ToolLayout
    /// ``LibraryDigest`` of the ReportKit build.
    public let libraryDigest: String
    /// The `swiftc` on `PATH`.
    public let compiler: SwiftCompiler
    /// Its version line, for the appendix. Asked of `swiftc --version` (about 0.08 s) on another thread
    /// when not memoised, while the caller asks git about the sources; reading it waits for the answer.
    public var swiftVersion: String {
        versionAnswer.done.wait()
        return versionAnswer.line
    }
    private final class VersionAnswer: @unchecked Sendable {
        var line = "unknown"
        let done = DispatchGroup()
    }
    private let versionAnswer = VersionAnswer()
    /// Path, size and modification time of the running `report`: a rebuilt `report` may compile or run
    /// experiments differently, so it invalidates the record of the last run (not the stage results).
    public let toolIdentity: String

    public init(layout: ToolLayout, cacheDirectory: URL) throws {
        self.layout = layout
        libraryDigest = try LibraryDigest.digest(of: layout, cacheDirectory: cacheDirectory)
        let compiler = try SwiftCompiler.located(), answer = versionAnswer
        self.compiler = compiler
        answer.done.enter()
        BackgroundWork.start {
            answer.line = compiler.versionLine(cacheDirectory: cacheDirectory)
            answer.done.leave()
        }
        var status = stat()
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        stat(executable, &status)
        toolIdentity = "\(executable) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }
}
