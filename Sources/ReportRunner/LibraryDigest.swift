import Foundation
import Report

/// The SHA-256 of the library build an experiment is compiled and linked against: `libReportKit.so` and the
/// Swift modules an experiment imports (their inlinable code is compiled into the experiment).
///
/// By content, not by modification time: rebuilding the library with no change to its code gives the same
/// bytes and so keeps the cache; any change to its code changes the bytes. Hashing ~30 MB takes ~50 ms, so the
/// digest is remembered under the files' identities (device, inode, size, modification and change times, to
/// the nanosecond). Any write to a file changes its change time, which user programs cannot set back, so a
/// remembered digest is never used for different bytes.
public enum LibraryDigest {
    /// The modules `import ReportKit` brings in.
    public static let moduleNames = ["ReportKit", "Report", "NeuralNetworks", "Plotting", "MathML"]

    /// The files the digest covers, in a fixed order.
    public static func files(in layout: ToolLayout) -> [URL] {
        [layout.libraryDirectory.appendingPathComponent("libReportKit.so")]
            + moduleNames.map { layout.libraryDirectory.appendingPathComponent("Modules/\($0).swiftmodule") }
    }

    /// The digest, read from `cacheDirectory` when the files are the ones it was computed from.
    /// - Throws: `ReportFailure` when a file is missing.
    public static func digest(of layout: ToolLayout, cacheDirectory: URL) throws -> String {
        let files = files(in: layout)
        var identities: [String] = []
        for file in files {
            var status = stat()
            guard stat(file.path, &status) == 0 else {
                throw ReportFailure("\(file.path) is missing: build every product with `swift build -c release`")
            }
            identities.append("\(file.path) \(status.st_dev) \(status.st_ino) \(status.st_size) "
                + "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)")
        }
        let memo = cacheDirectory.appendingPathComponent("library/\(ContentDigest.sha256(identities.joined(separator: "\n")))")
        if let known = try? String(contentsOf: memo, encoding: .utf8), known.count == 64 {
            return known
        }
        var parts: [String] = []
        for file in files {
            guard let digest = ContentDigest.sha256(ofFileAt: file) else {
                throw ReportFailure("cannot read \(file.path)")
            }
            parts.append("\(file.lastPathComponent) \(digest)")
        }
        let digest = ContentDigest.sha256(parts.joined(separator: "\n"))
        try? AtomicFile.write(Data(digest.utf8), to: memo)
        return digest
    }
}
