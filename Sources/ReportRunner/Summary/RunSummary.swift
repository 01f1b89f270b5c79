import Foundation
import Report

/// `<output>/summary.json`: what a run of many experiments found, for machines (CI, `report diff`,
/// `report merge`). The schema is documented in `docs/summary-json.md` and `docs/summary.schema.json`.
///
/// Everything in it is a function of the inputs, so two runs of the same tree write the same bytes; timings and
/// cache use, which change run to run, are included only with `--timings`.
public struct RunSummary: Codable, Equatable {
    /// The file name in the output folder.
    public static let fileName = "summary.json"
    /// Raised when a field changes meaning or is removed.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// `passed` when every experiment ran and every gate held, `failed` otherwise.
    public var status: ExperimentSummary.Status
    public var counts: Counts
    /// `I/N` for the summary of one shard (`--shard I/N`); absent for a full run or a merge.
    public var shard: String?
    /// One entry per experiment, sorted by name.
    public var experiments: [ExperimentSummary]

    public struct Counts: Codable, Equatable {
        public var total: Int
        public var passed: Int
        public var failed: Int

        public init(total: Int, passed: Int, failed: Int) {
            self.total = total
            self.passed = passed
            self.failed = failed
        }
    }

    public init(experiments: [ExperimentSummary], shard: String? = nil) {
        let sorted = experiments.sorted { $0.name < $1.name }
        let passed = sorted.filter { $0.status == .passed }.count
        schemaVersion = Self.currentSchemaVersion
        status = passed == sorted.count ? .passed : .failed
        counts = Counts(total: sorted.count, passed: passed, failed: sorted.count - passed)
        self.shard = shard
        self.experiments = sorted
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads `summary.json` from an output folder.
    /// - Throws: ``ReportFailure`` naming the file when it is missing or invalid.
    public static func read(from outputFolder: URL) throws -> RunSummary {
        let file = outputFolder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ReportFailure("\(file.relativePath) does not exist: is \(outputFolder.relativePath) the output of `report run` with several experiments?")
        }
        do {
            let summary = try JSONDecoder().decode(RunSummary.self, from: data)
            guard summary.schemaVersion == currentSchemaVersion else {
                throw ReportFailure("\(file.relativePath) has schema version \(summary.schemaVersion); this report reads version \(currentSchemaVersion)")
            }
            return summary
        } catch let failure as ReportFailure {
            throw failure
        } catch {
            throw ReportFailure("\(file.relativePath) is not a valid summary: \(error)")
        }
    }
}
