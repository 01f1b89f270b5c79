import Foundation

/// What ``Document/write(to:context:htmlSizeBudget:)`` wrote.
public struct WrittenReport: Sendable, Equatable {
    /// `report.md`.
    public var markdownFile: URL
    /// `report.html`.
    public var htmlFile: URL
    /// `figures/<name>.png` in document order, then the images prose links to (`figures/included/…`).
    public var figureFiles: [URL]
    /// The size of `report.html` in bytes.
    public var htmlByteCount: Int
    /// The budget it was checked against, in bytes.
    public var htmlSizeBudget: Int
    /// What the author should know but does not stop the report, e.g. a named value no prose uses.
    public var warnings: [String] = []

    /// Whether the HTML is larger than its budget (the CLI should warn; the file is still written).
    public var htmlExceedsBudget: Bool { htmlByteCount > htmlSizeBudget }

    /// A warning to print when the HTML is over budget, `nil` otherwise.
    public var sizeWarning: String? {
        guard htmlExceedsBudget else { return nil }
        return "report.html is \(Self.megabytes(htmlByteCount)), above the budget of \(Self.megabytes(htmlSizeBudget)); "
            + "smaller or fewer figures keep the handout easy to share"
    }

    /// Formats a byte count in megabytes with one decimal, e.g. `5.2 MB`.
    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
