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

    /// Measuring passes at most, each one Chromium print of the instrumented copy.
    static let maximumPasses = 5

    /// Prints `html` to `pdf`, fitting figures to the gaps they would leave (see ``PrintedFigureFitting``).
    ///
    /// The first pass prints an instrumented copy of `html`: an empty block right before and right after each
    /// `<figure>` with an id, ids on each picture's image and caption, and an empty link to each of them at the
    /// end of the body, so that Chromium writes a named destination for every one (it does so only for link
    /// targets; empty blocks beside a figure do not change the layout, checked on every shipped report). Each
    /// pass that closes a gap adds a print-only `max-height` for the shrunk images and prints again while
    /// figures can be shrunk, at most ``maximumPasses`` passes; the pass with the fewest pages and, among those,
    /// the least blank at the ends of pages before moved figures is printed from a copy of `html` with only its
    /// stylesheet added. `html` itself is never changed.
    /// The PDF's creation and modification dates are fixed, so the same input gives the same bytes.
    ///
    /// On the shipped reports (scripts/page-fill.py, mean over all pages but the last of the share of the text
    /// block content reaches down to; in brackets the harsher count of inked rows) this moves adam-vs-sgd from
    /// 87.7 % (74.6 %) on 6 pages to 97.9 % (82.8 %) on 5, gallery 90.1 → 93.6 % (76.7 → 80.1 %), optimizers
    /// 83.5 % (72.7 %) on 9 pages → 93.4 % (81.0 %) on 8; regularization (92.2 %) and backpropagation (95.0 %)
    /// have no gap a picture can close and print as before. The passes cost one Chromium print each (1–5 s):
    /// `--pdf` takes 5–17 s per report instead of about 6 s.
    /// - Throws: ``ReportFailure`` naming the file when Chromium fails or writes nothing.
    public func print(_ html: URL, to pdf: URL) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("report-print-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))",
                                    isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try String(contentsOf: html, encoding: .utf8)
        var best: [String: Double] = [:]
        if let page = PrintedPage(stylesheetOf: source) {
            best = try fittedHeights(source, page: page, folder: folder, name: html.lastPathComponent)
        }
        let printed = folder.appendingPathComponent("printed.pdf")
        if best.isEmpty {
            try printOnce(html, to: printed, profile: folder.appendingPathComponent("profile"), name: html.lastPathComponent)
        } else {
            let copy = folder.appendingPathComponent("fitted.html")
            try PrintedFigureMarkup.withImageHeights(source, best).write(to: copy, atomically: true, encoding: .utf8)
            try printOnce(copy, to: printed, profile: folder.appendingPathComponent("profile"), name: html.lastPathComponent)
        }
        let data = PrintedPDF.withFixedDates(try Data(contentsOf: printed))
        try data.write(to: pdf)
    }

    /// The image heights of the best measuring pass (empty when no figure needs shrinking).
    func fittedHeights(_ source: String, page: PrintedPage, folder: URL, name: String) throws -> [String: Double] {
        let markup = PrintedFigureMarkup(source)
        var heights: [String: Double] = [:]
        var original: [String: Double] = [:]
        var best: (pages: Int, gaps: Double, heights: [String: Double])?
        for pass in 0..<Self.maximumPasses {
            let copy = folder.appendingPathComponent("measure-\(pass).html")
            let printed = folder.appendingPathComponent("measure-\(pass).pdf")
            try PrintedFigureMarkup.withImageHeights(markup.instrumented, heights).write(to: copy, atomically: true, encoding: .utf8)
            try printOnce(copy, to: printed, profile: folder.appendingPathComponent("profile"), name: name)
            // A PDF this reader does not understand leaves the report printed as it is, unfitted.
            guard let layout = try? PrintedPDF(Data(contentsOf: printed)) else { return best?.heights ?? [:] }
            let fitting = PrintedFigureFitting(contentHeight: layout.pageHeight - page.topMargin - page.bottomMargin,
                                               textWidth: layout.pageWidth - page.leftMargin - page.rightMargin)
            let figures = markup.figures(in: layout)
            for figure in figures where original[figure.id] == nil {
                if let height = figure.imageHeight { original[figure.id] = height }
            }
            let gaps = fitting.movedFigureGaps(figures)
            // A pass may not improve yet (the measured image height includes the line box under the image, so
            // a first shrink can fall short); the next one starts from it, and the best pass is kept.
            if best.map({ (layout.pageCount, gaps) < ($0.pages, $0.gaps) }) ?? true {
                best = (layout.pageCount, gaps, heights)
            }
            guard let next = fitting.nextHeights(figures, heights: heights, original: original) else { break }
            heights = next
        }
        return best?.heights ?? [:]
    }

    /// One Chromium print of `html` to `pdf`.
    private func printOnce(_ html: URL, to pdf: URL, profile: URL, name: String) throws {
        try? FileManager.default.removeItem(at: pdf)
        let arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
            html.absoluteURL.absoluteString,
        ]
        let outcome = try CommandRunner.run(executable, arguments, captureOutput: true, quiet: true)
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        guard outcome.succeeded, size > 0 else {
            throw ReportFailure("Chromium (\(executable)) could not print \(name) to a PDF (\(outcome.summary))")
        }
    }
}
