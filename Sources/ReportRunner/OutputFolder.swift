import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder a report is published to, replaced as a whole or not at all.
///
/// A run writes into a fresh staging folder beside the destination (same file system, so renames are atomic).
/// Only when the run has succeeded does `publish()` swap it in; a run that fails calls `discard()` and the
/// previous report stays exactly as it was. On Linux the swap is one `renameat2(RENAME_EXCHANGE)` call, so no
/// reader ever sees the destination missing or half-written.
public struct OutputFolder {
    /// Where the finished report lives, e.g. `output/adam-vs-sgd`.
    public let destination: URL
    /// Where the run writes; a sibling of `destination` that starts empty.
    public let staging: URL

    /// Creates an empty staging folder next to `destination` (creating the parent folder if needed).
    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        staging = parent.appendingPathComponent(".\(self.destination.lastPathComponent).staging-\(suffix)", isDirectory: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
    }

    /// Replaces `destination` with the staging folder.
    public func publish() throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: destination.path) else {
            try fileManager.moveItem(at: staging, to: destination)
            return
        }
        if Self.exchange(staging.path, destination.path) {
            try fileManager.removeItem(at: staging)
            return
        }
        let previous = staging.deletingLastPathComponent()
            .appendingPathComponent(staging.lastPathComponent + "-previous", isDirectory: true)
        try fileManager.moveItem(at: destination, to: previous)
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            try? fileManager.moveItem(at: previous, to: destination)
            throw error
        }
        try fileManager.removeItem(at: previous)
    }

    /// Deletes the staging folder and everything the failed run wrote there.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Swaps two paths atomically with `renameat2(…, RENAME_EXCHANGE)` where the C library and file system offer
    /// it; returns `false` otherwise, and the caller falls back to two renames.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        // Swift's Glibc module does not declare renameat2 (it needs _GNU_SOURCE), so look it up at run time.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // A null handle is glibc's RTLD_DEFAULT: search every loaded library.
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameAt2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameAt2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
        return false
        #endif
    }
}
