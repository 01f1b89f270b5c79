import Foundation

/// What a run found, as data: `results.json` in every report folder, beside `report.md`.
///
/// The experiment writes it (see `Experiment.main()`); `report` reads it to decide whether the gates held, to
/// build `summary.json` and the index, to aggregate a sweep, and to compare two output folders.
public struct ExperimentResults: Codable, Sendable, Equatable {
    /// The file name inside the report folder.
    public static let fileName = "results.json"

    /// The document's title.
    public var title: String
    /// The `--set` values the run used (sorted by name); the defaults are not listed.
    public var parameters: [ParameterSetting]
    /// Every metric of the document's metric tables, in document order.
    public var metrics: [MetricResult]
    /// The sequences the run recorded for aggregation.
    public var series: [RecordedSeries]
    /// Whether the run diverged: a recorded sequence or a metric with a gate is not finite.
    public var diverged: Bool
    /// The figure files, relative to the report folder, in document order.
    public var figures: [String]

    public init(title: String, parameters: [ParameterSetting], metrics: [MetricResult], series: [RecordedSeries],
                diverged: Bool, figures: [String]) {
        self.title = title
        self.parameters = parameters
        self.metrics = metrics
        self.series = series
        self.diverged = diverged
        self.figures = figures
    }

    /// Whether every gate held.
    public var gatesHeld: Bool { metrics.allSatisfy { $0.passed != false } }

    /// The metrics whose gate failed.
    public var failedGates: [MetricResult] { metrics.filter { $0.passed == false } }

    /// Sorted keys and a fixed layout, so the same run writes the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads `results.json` from a report folder, or `nil` when there is none (a hand-written experiment).
    /// - Throws: when the file exists but is not valid.
    public static func read(from folder: URL) throws -> ExperimentResults? {
        let file = folder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        do {
            return try JSONDecoder().decode(ExperimentResults.self, from: data)
        } catch {
            throw ReportError("\(file.path) is not a valid results file: \(error)")
        }
    }
}
