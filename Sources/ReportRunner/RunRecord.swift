import Foundation
import Report

/// What the last successful run of an experiment into one output folder was made from, and what it wrote.
///
/// When every input is unchanged — the experiment's source files byte for byte, every file it read, the
/// library, the compiler, the `report` executable, the options and context it passed, the BLAS environment —
/// and the published folder still holds exactly what that run wrote, running again would write the same
/// bytes, so `report run` does nothing. Any difference, or a record that cannot be read, means a real run
/// (whose stages may still come from the ``StageCache``).
public struct RunRecord: Codable, Equatable {
    /// The digest of the inputs (``inputsDigest(…)``).
    public var inputs: String
    /// The files the experiment read (absolute path → SHA-256 at the time of the run).
    public var filesRead: [String: String]
    /// The digest of the published folder (``treeDigest(of:)``).
    public var output: String
    /// The stages the run measured, in order, for `--explain`.
    public var stages: [String]

    /// Where the record of `experiment` published to `destination` lives.
    public static func location(experiment: URL, destination: URL, cacheDirectory: URL) -> URL {
        let name = ContentDigest.sha256(experiment.standardizedFileURL.path + "\n" + destination.standardizedFileURL.path)
        return cacheDirectory.appendingPathComponent("runs/\(name)")
    }

    public static func load(from url: URL) -> RunRecord? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(RunRecord.self, from: data)
    }

    public func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: url)
    }

    /// The current SHA-256 of each file (path → digest, "missing" when it cannot be read).
    public static func digests(of paths: [String]) -> [String: String] {
        var digests: [String: String] = [:]
        for path in paths { digests[path] = ContentDigest.sha256(ofFileAt: URL(fileURLWithPath: path)) ?? "missing" }
        return digests
    }

    /// The digest of everything that decides a run's output.
    /// - Parameters:
    ///   - sources: the experiment's source files (name → SHA-256), taken before it was compiled;
    ///   - filesRead: the files it read (path → SHA-256);
    ///   - settings: the other inputs as name → value (library digest, compiler identity, arguments…).
    public static func inputsDigest(sources: [String: String], filesRead: [String: String], settings: [String: String]) -> String {
        var lines = ["report run record 1"]
        for name in sources.keys.sorted() {
            lines.append("source \(name) \(sources[name]!)")
        }
        for path in filesRead.keys.sorted() {
            lines.append("read \(path) \(filesRead[path]!)")
        }
        for name in settings.keys.sorted() {
            lines.append("\(name)\u{1F}\(settings[name]!)")
        }
        return ContentDigest.sha256(lines.joined(separator: "\n"))
    }

    /// The digest of every file under `folder` (relative path and content), or `nil` when it does not exist.
    public static func treeDigest(of folder: URL) -> String? {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return nil
        }
        var lines: [String] = []
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(file.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(root.path.count))
            lines.append("\(relative) \(ContentDigest.sha256(ofFileAt: file) ?? "unreadable")")
        }
        guard !lines.isEmpty else { return nil }
        return ContentDigest.sha256(lines.sorted().joined(separator: "\n"))
    }
}
