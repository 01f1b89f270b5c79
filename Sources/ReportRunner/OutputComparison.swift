import Foundation
import Plotting
import Report

/// `report diff OLD NEW`: what changed between two output folders (main's and a PR's): metrics with deltas and
/// the gates they cross, figures that changed (with a difference image), added and removed.
public struct OutputComparison {
    /// A metric whose printed value changed, or that appeared or disappeared.
    public struct MetricChange {
        public let experiment: String
        public let label: String
        public let old: MetricResult?
        public let new: MetricResult?
        /// new − old, when both are numbers.
        public var delta: Double? {
            guard let old = old?.value, let new = new?.value else { return nil }
            return new - old
        }
        /// The gate held before (or did not exist) and is missed now.
        public var regressed: Bool { new?.passed == false && old?.passed != false }
        /// The gate was missed before and holds now.
        public var fixed: Bool { old?.passed == false && new?.passed == true }
    }

    /// A figure whose bytes changed, or that appeared or disappeared.
    public struct FigureChange {
        public enum Kind: String { case changed, added, removed }
        public let experiment: String
        /// Relative to the report folder, e.g. `figures/loss-curves.png`.
        public let path: String
        public let kind: Kind
        public let oldPNG: Data?
        public let newPNG: Data?
        /// Red where pixels differ, for a changed figure of unchanged size.
        public let differencePNG: Data?
        /// The share of pixels that differ visibly (more than a rounding step), for a changed figure.
        public let differingPixelFraction: Double?
    }

    public let oldFolder: URL
    public let newFolder: URL
    public let metricChanges: [MetricChange]
    public let figureChanges: [FigureChange]
    public let addedExperiments: [String]
    public let removedExperiments: [String]
    /// Experiments that passed in OLD (or are new) and fail in NEW, with the reason.
    public let newlyFailing: [(name: String, reason: String)]
    public let unchangedMetricCount: Int

    /// Whether NEW is worse past a gate: a gate that held is missed, or an experiment that passed fails.
    public var regressed: Bool { !newlyFailing.isEmpty || metricChanges.contains(where: \.regressed) }

    /// Compares two output folders.
    /// - Throws: ``ReportFailure`` when a folder has neither `summary.json` nor report folders with `results.json`.
    public init(old oldFolder: URL, new newFolder: URL) throws {
        self.oldFolder = oldFolder
        self.newFolder = newFolder
        let old = try Self.summary(of: oldFolder), new = try Self.summary(of: newFolder)
        let oldByName = Dictionary(old.experiments.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newByName = Dictionary(new.experiments.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        addedExperiments = newByName.keys.filter { oldByName[$0] == nil }.sorted()
        removedExperiments = oldByName.keys.filter { newByName[$0] == nil }.sorted()
        var metricChanges: [MetricChange] = []
        var figureChanges: [FigureChange] = []
        var newlyFailing: [(name: String, reason: String)] = []
        var unchanged = 0
        for name in Set(oldByName.keys).union(newByName.keys).sorted() {
            let before = oldByName[name], after = newByName[name]
            if let after, after.status == .failed, before?.status != .failed {
                newlyFailing.append((name, after.failure?.message ?? "failed"))
            }
            let labels = (before?.metrics ?? []).map(\.label) + (after?.metrics ?? []).map(\.label)
            var seen = Set<String>()
            for label in labels where seen.insert(label).inserted {
                let oldMetric = before?.metrics.first { $0.label == label }
                let newMetric = after?.metrics.first { $0.label == label }
                if oldMetric?.text == newMetric?.text && oldMetric?.passed == newMetric?.passed {
                    unchanged += 1
                } else {
                    metricChanges.append(MetricChange(experiment: name, label: label, old: oldMetric, new: newMetric))
                }
            }
            figureChanges += Self.figureChanges(of: name, old: before, in: oldFolder, new: after, in: newFolder)
        }
        self.metricChanges = metricChanges
        self.figureChanges = figureChanges
        self.newlyFailing = newlyFailing
        unchangedMetricCount = unchanged
    }

    private static func figureChanges(of name: String, old: ExperimentSummary?, in oldFolder: URL,
                                      new: ExperimentSummary?, in newFolder: URL) -> [FigureChange] {
        func data(_ summary: ExperimentSummary?, _ folder: URL, _ path: String) -> Data? {
            guard let report = summary?.reportFolder else { return nil }
            return FileManager.default.contents(atPath: folder.appendingPathComponent(report + "/" + path).path)
        }
        let oldFigures = Dictionary((old?.figures ?? []).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let newFigures = Dictionary((new?.figures ?? []).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [FigureChange] = []
        for path in Set(oldFigures.keys).union(newFigures.keys).sorted() {
            let before = oldFigures[path], after = newFigures[path]
            guard before?.sha256 != after?.sha256 else { continue }
            let oldPNG = before == nil ? nil : data(old, oldFolder, path)
            let newPNG = after == nil ? nil : data(new, newFolder, path)
            var difference: Data?
            var fraction: Double?
            if let oldPNG, let newPNG, let oldImage = try? RasterImage(pngData: oldPNG),
               let newImage = try? RasterImage(pngData: newPNG) {
                let comparison = PixelDifference(old: oldImage, new: newImage)
                difference = comparison.image?.pngData()
                fraction = comparison.changedFraction
            }
            let kind: FigureChange.Kind = before == nil ? .added : after == nil ? .removed : .changed
            changes.append(FigureChange(experiment: name, path: path, kind: kind, oldPNG: oldPNG, newPNG: newPNG,
                                        differencePNG: difference, differingPixelFraction: fraction))
        }
        return changes
    }

    /// The folder's `summary.json`, or, for the output of single `report run`s, one made from the report
    /// folders that hold a `results.json`.
    static func summary(of folder: URL) throws -> RunSummary {
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(RunSummary.fileName).path) {
            return try RunSummary.read(from: folder)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var experiments: [ExperimentSummary] = []
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasSuffix(".failed") {
            let reportFolder = folder.appendingPathComponent(name, isDirectory: true)
            guard let results = try ExperimentResults.read(from: reportFolder) else { continue }
            experiments.append(ExperimentSummary(
                name: name, title: results.title, status: results.gatesHeld ? .passed : .failed, failure: nil,
                parameters: results.parameters, diverged: results.diverged, metrics: results.metrics,
                figures: ExperimentRunner.figureRecords(in: reportFolder, listed: results.figures),
                reportFolder: name, lastPassingReportFolder: nil, variants: nil, timings: nil))
        }
        guard !experiments.isEmpty else {
            throw ReportFailure("\(folder.relativePath) holds no summary.json and no reports with results.json; give two output folders of `report run`")
        }
        return RunSummary(experiments: experiments)
    }
}

extension OutputComparison {
    /// Writes `diff.md`, `diff.html` and the difference images into `folder`, replacing it whole.
    public func write(to folder: URL) throws {
        let output = try OutputFolder(destination: folder)
        do {
            try ComparisonPage(comparison: self).write(to: output.staging)
            try output.publish()
        } catch {
            output.discard()
            throw error
        }
    }
}
