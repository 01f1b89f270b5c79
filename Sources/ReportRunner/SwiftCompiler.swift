import Foundation
import Report

/// The `swiftc` on `PATH`: where it is, an identity that changes when it is replaced, and its version line.
///
/// `swiftc --version` takes 0.12–0.18 s on a busy machine, and `report` used to run it twice a run. The
/// version is now read once per compiler binary and kept in the cache folder under the binary's identity
/// (resolved path, size, modification time), which changes whenever the toolchain is installed anew.
public struct SwiftCompiler {
    /// The resolved path of the `swiftc` executable.
    public let path: String
    /// `path`, size and modification time of the binary.
    public let identity: String

    /// Finds `swiftc` in `PATH`.
    /// - Throws: `ReportFailure` when there is none.
    public static func located() throws -> SwiftCompiler {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in searchPath.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swiftc")
            guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
            let resolved = candidate.resolvingSymlinksInPath().path
            var status = stat()
            guard stat(resolved, &status) == 0 else { continue }
            let identity = "\(resolved) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
            return SwiftCompiler(path: candidate.path, identity: identity)
        }
        throw ReportFailure("swiftc is not on PATH; install the Swift toolchain (see README.md)")
    }

    /// The first line of `swiftc --version`, read once per compiler binary and kept under `cacheDirectory`.
    public func versionLine(cacheDirectory: URL) -> String {
        let file = cacheDirectory.appendingPathComponent("swiftc/\(ContentDigest.sha256(identity))")
        if let cached = try? String(contentsOf: file, encoding: .utf8), !cached.isEmpty {
            return cached
        }
        let line = CommandRunner.probe(path, ["--version"])?.components(separatedBy: .newlines).first ?? "unknown"
        if line != "unknown" {
            try? AtomicFile.write(Data(line.utf8), to: file)
        }
        return line
    }
}
