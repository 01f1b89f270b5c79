import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder a report is published to, replaced as a whole or not at all, and only if `report` wrote it.
///
/// A run writes into a fresh staging folder beside the destination (same file system, so renames are atomic).
/// Only when the run has succeeded does `publish()` swap it in; a run that fails calls `discard()` and the
/// previous report stays exactly as it was. On Linux the swap is one `renameat2(RENAME_EXCHANGE)` call, so no
/// reader ever sees the destination missing or half-written.
///
/// Every published folder holds a marker file, ``markerName``. An existing destination without it is not
/// replaced: it may be an experiment's own sources (`--output experiments`) or anything else of the user's.
/// Folders written before markers existed (only `report.md`, `report.html` and `figures/*.png`) are
/// recognised by their contents and replaced, marked, on the next run.
public struct OutputFolder {
    /// Where the finished report lives, e.g. `output/adam-vs-sgd`.
    public let destination: URL
    /// Where the run writes; a sibling of `destination` that starts empty.
    public let staging: URL
    /// A second sibling for what the run needs besides the report (crash logs); removed with the staging folder.
    public let scratch: URL

    /// The file that marks a folder as written by `report`.
    public static let markerName = ".written-by-report"
    /// Its contents: fixed, so that two runs of the same experiment give byte-identical folders.
    static let markerText = "This folder was written by `report run`, which replaces it as a whole on the next run.\n"

    /// Checks that `destination` may be written, removes what killed runs left beside it, and creates an empty
    /// staging folder next to it (creating the parent folder if needed).
    /// - Throws: ``ReportFailure`` with one sentence naming the folder and what is wrong with it.
    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        try Self.checkDestination(destination)
        let shownParent = destination.deletingLastPathComponent().relativePath
        if let blocker = Self.firstFileAbove(parent) {
            throw ReportFailure("cannot create the output folder \(shownParent): \(blocker.path) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ReportFailure("cannot create the output folder \(shownParent): \(Self.reason(error))")
        }
        guard access(parent.path, W_OK) == 0 else {
            throw ReportFailure("cannot write to the output folder \(shownParent): \(String(cString: strerror(errno)).lowercased())")
        }
        Self.removeAbandonedStagingFolders(in: parent)
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        staging = parent.appendingPathComponent(".\(self.destination.lastPathComponent).staging-\(suffix)", isDirectory: true)
        scratch = parent.appendingPathComponent(staging.lastPathComponent + "-scratch", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw ReportFailure("cannot write to the output folder \(shownParent): \(Self.reason(error))")
        }
    }

    /// Marks the staging folder and replaces `destination` with it.
    public func publish() throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: scratch)
        do {
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            // Checked again: the destination may have appeared, or changed, while the experiment ran.
            try Self.checkDestination(destination)
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
        } catch let failure as ReportFailure {
            throw failure
        } catch {
            throw ReportFailure("cannot publish \(destination.relativePath): \(Self.reason(error))")
        }
    }

    /// Deletes the staging folder and everything the failed run wrote there.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        try? FileManager.default.removeItem(at: scratch)
    }

    // MARK: - What may be replaced

    /// The nearest existing ancestor of `folder` (or `folder` itself) when it is a file rather than a folder.
    static func firstFileAbove(_ folder: URL) -> URL? {
        var candidate = folder
        while candidate.path != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) {
                return isDirectory.boolValue ? nil : candidate
            }
            candidate = candidate.deletingLastPathComponent()
        }
        return nil
    }

    /// Refuses a destination that is not a folder `report` wrote, or that lies inside, or holds, source code.
    /// - Parameter given: the destination as the user spelled it (messages show that spelling).
    static func checkDestination(_ given: URL) throws {
        let fileManager = FileManager.default
        let destination = given.standardizedFileURL
        let resolved = destination.resolvingSymlinksInPath()
        // Up to the first folder that is certainly not a source folder of its own: the working folder, a
        // package root, the home or temporary folder (which may hold stray .swift files of their own).
        let stops = Set([fileManager.currentDirectoryPath, fileManager.temporaryDirectory.path, NSHomeDirectory(), "/"]
            .map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path })
        var ancestor = resolved.deletingLastPathComponent()
        while !stops.contains(ancestor.path) {
            if let reason = sourceFolderReason(ancestor) {
                throw ReportFailure("""
                    refusing to write \(given.relativePath): \(ancestor.relativePath) \(reason), and a report is \
                    never written inside a source folder; choose another --output
                    """)
            }
            if fileManager.fileExists(atPath: ancestor.appendingPathComponent("Package.swift").path) { break }
            ancestor = ancestor.deletingLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: destination.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw ReportFailure("refusing to replace \(given.relativePath): it is a file, not a report folder; move it away or choose another --output")
        }
        if let reason = sourceFolderReason(destination) {
            throw ReportFailure("refusing to replace \(given.relativePath): it \(reason); choose another --output")
        }
        if fileManager.fileExists(atPath: destination.appendingPathComponent(markerName).path) { return }
        if isUnmarkedReport(destination) { return }
        throw ReportFailure("""
            refusing to replace \(given.relativePath): it was not written by report (it has no \(markerName) \
            file); move it away or choose another --output
            """)
    }

    /// Why `folder` counts as a source folder, or nil: it holds Swift files besides a package manifest, or it
    /// is a Swift package's `Sources`, `Tests` or `experiments` folder.
    static func sourceFolderReason(_ folder: URL) -> String? {
        let fileManager = FileManager.default
        if let names = try? fileManager.contentsOfDirectory(atPath: folder.path),
           names.contains(where: { $0.hasSuffix(".swift") && $0 != "Package.swift" }) {
            return "holds Swift source files"
        }
        let manifest = folder.deletingLastPathComponent().appendingPathComponent("Package.swift")
        if ["Sources", "Tests", "experiments"].contains(folder.lastPathComponent), fileManager.fileExists(atPath: manifest.path) {
            return "is the \(folder.lastPathComponent) folder of a Swift package"
        }
        return nil
    }

    /// A report written before markers existed: only `report.md`, `report.html` and `figures/` of PNGs.
    private static func isUnmarkedReport(_ folder: URL) -> Bool {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path),
              names.contains("report.md") || names.contains("report.html") else { return false }
        for name in names {
            switch name {
            case "report.md", "report.html":
                continue
            case "figures":
                let figures = (try? fileManager.contentsOfDirectory(atPath: folder.appendingPathComponent(name).path)) ?? ["?"]
                guard figures.allSatisfy({ $0.hasSuffix(".png") }) else { return false }
            default:
                return false
            }
        }
        return true
    }

    // MARK: - Leftovers

    /// Removes staging folders (`.NAME.staging-PID-N`, with their `-scratch` and `-previous` siblings) whose
    /// `report` process no longer runs: a `report` killed outright cannot clean up after itself.
    static func removeAbandonedStagingFolders(in parent: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(".") {
            guard let range = name.range(of: ".staging-") else { continue }
            let pidText = name[range.upperBound...].prefix { $0.isNumber }
            guard let pid = Int32(pidText), !ProcessLiveness.isReportRunning(pid) else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// The short reason inside a Foundation error ("permission denied", "no space left on device").
    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))).lowercased() }
        switch nsError.code {
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteFileExistsError: return "a file of that name exists"
        case NSFileWriteOutOfSpaceError: return "no space left on device"
        case NSFileWriteVolumeReadOnlyError: return "read-only file system"
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
        default: return nsError.localizedDescription
        }
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
