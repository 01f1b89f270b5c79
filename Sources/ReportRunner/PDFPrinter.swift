import Foundation

/// Prints a written `report.html` to `report.pdf` with headless Chromium (Debian's `chromium`), so the PDF is
/// exactly what a reader gets from the browser's print dialog with the stylesheet's print rules: A4 pages,
/// numbered "n / N", figures kept whole and scaled to the text block.
///
/// - Note: Chromium runs with a fresh profile in a temporary folder that is removed afterwards (a shared
///   profile is locked by any other Chromium and leaves files behind), without the sandbox (it refuses to run
///   as root with it, as in CI containers), and with no page header or footer of its own: the stylesheet's
///   `@page` rules number the pages.
public struct PDFPrinter {
    /// The Chromium executable.
    public let executable: String

    /// Names Chromium goes by on Debian, Ubuntu and elsewhere, in the order they are tried.
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// What to tell a user whose machine has no Chromium.
    public static let installHint = "--pdf prints report.html with headless Chromium, which is not installed; "
        + "install it with `./scripts/setup.sh --pdf` (Debian package 'chromium') or `sudo apt-get install chromium`"

    /// The printer using the first Chromium found on `PATH`.
    /// - Throws: ``ReportFailure`` saying how to install Chromium when none is found.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PDFPrinter {
        if let executable = find(environment: environment) { return PDFPrinter(executable: executable) }
        throw ReportFailure(installHint)
    }

    /// The path of the first Chromium on `PATH`, or nil.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in candidates {
            for directory in directories {
                let path = directory + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// Prints `html` to `pdf`.
    /// - Throws: ``ReportFailure`` naming the file when Chromium fails or writes nothing.
    public func print(_ html: URL, to pdf: URL) throws {
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("report-chromium-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))",
                                    isDirectory: true)
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: profile) }
        let arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
            html.absoluteURL.absoluteString,
        ]
        let outcome = try CommandRunner.run(executable, arguments, captureOutput: true, quiet: true)
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        guard outcome.succeeded, size > 0 else {
            throw ReportFailure("Chromium (\(executable)) could not print \(html.lastPathComponent) to "
                + "\(pdf.lastPathComponent) (\(outcome.summary))")
        }
    }
}
