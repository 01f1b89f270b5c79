import Foundation

/// The files a running program read whose bytes can change its results: data sets, included Markdown, images.
///
/// Every library read of a user's file goes through ``contents(of:)``, so whoever runs an experiment can ask
/// afterwards exactly which files it depended on (a results cache keys on their contents; a summary lists them).
/// It lives in the lowest module because data sets are read here and every other module can see it.
public enum InputFileLedger {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []

    /// Reads `url` and records its standardized path; returns `nil` (and records nothing) when it cannot be read.
    public static func contents(of url: URL) -> Data? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        record(url)
        return data
    }

    /// Records that the program depends on the file at `url`.
    public static func record(_ url: URL) {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        lock.lock()
        paths.insert(path)
        lock.unlock()
    }

    /// Forgets every recorded file: for a long-lived process that runs an experiment again, and for tests that
    /// stand for a new process.
    public static func removeAll() {
        lock.lock()
        paths.removeAll()
        lock.unlock()
    }

    /// The recorded files' absolute paths, sorted (so anything built from them is deterministic).
    public static var recordedPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths.sorted()
    }
}
