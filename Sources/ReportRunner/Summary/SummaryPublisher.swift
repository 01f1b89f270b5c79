import Foundation

/// Writes `summary.json`, `summary.md` and `index.html` into an output folder, each replaced whole (written to a
/// temporary file beside it and renamed), so a reader never sees half a summary.
public enum SummaryPublisher {
    public static func write(_ summary: RunSummary, to outputFolder: URL) throws {
        try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        let files: [(String, Data)] = [
            (RunSummary.fileName, try summary.encoded()),
            ("summary.md", Data(SummaryMarkdown(summary: summary).text().utf8)),
            ("index.html", Data(IndexPage(summary: summary, outputFolder: outputFolder).html().utf8)),
        ]
        for (name, data) in files {
            try data.write(to: outputFolder.appendingPathComponent(name), options: .atomic)
        }
    }
}
