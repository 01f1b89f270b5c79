import Foundation
import XCTest

/// The built `report` executable, run as a user would run it.
///
/// End-to-end tests use the optimised build (`swift build -c release`, which the README's test command runs
/// first): experiments link against the `libReportKit.so` beside it, and a debug library trains ~12× slower.
struct ReportExecutable {
    /// How one run of `report` ended.
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let path = packageRoot.appendingPathComponent(".build/release/report")

    /// Runs `report` with `arguments` in `directory` and waits for it.
    /// - Parameter environment: variables set for this run on top of the tests' own.
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL = packageRoot) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: path.path) else {
            throw MissingExecutable(path: path.path)
        }
        let process = Process()
        process.executableURL = path
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // Help text wraps at the terminal width; pin it so the literal help in the tests holds everywhere.
        process.environment = ProcessInfo.processInfo.environment.merging(["COLUMNS": "80"].merging(environment) { _, given in given }) { _, pinned in pinned }
        let outputFile = try TemporaryFolder.make().appendingPathComponent("stdout")
        let errorFile = outputFile.deletingLastPathComponent().appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        // Files, not pipes: a chatty child cannot fill a pipe buffer and stall while nobody reads it.
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: try String(contentsOf: outputFile, encoding: .utf8),
            standardError: try String(contentsOf: errorFile, encoding: .utf8)
        )
    }
}

/// The end-to-end tests fail, not skip, without the optimised build: skipping would let `swift test` pass with
/// none of them run.
struct MissingExecutable: Error, CustomStringConvertible {
    let path: String
    var description: String { "missing \(path): run `swift build -c release` first (the README's test command does)" }
}

/// Fresh folders under the system's temporary directory.
enum TemporaryFolder {
    /// A fresh folder in the temporary directory, removed when the test process exits (tests that capture a
    /// run's output or fail half-way do not clean up after themselves: a full run left about 190 folders).
    static func make() throws -> URL {
        _ = removeAtExit
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("report-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        made.add(folder)
        return folder
    }

    private final class Made: @unchecked Sendable {
        private let lock = NSLock()
        private var folders: [URL] = []
        func add(_ folder: URL) { lock.withLock { folders.append(folder) } }
        func removeAll() {
            lock.withLock {
                for folder in folders { try? FileManager.default.removeItem(at: folder) }
                folders = []
            }
        }
    }
    private static let made = Made()
    private static let removeAtExit: Void = {
        atexit { TemporaryFolder.made.removeAll() }
    }()

    /// Writes `files` (path relative to `root` → contents), creating folders as needed.
    static func write(_ files: [String: String], under root: URL) throws {
        for (path, contents) in files {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    /// Every regular file below `root`, as relative path → contents.
    static func snapshot(of root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        for case let file as URL in enumerator where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = try Data(contentsOf: file)
        }
        return files
    }
}
