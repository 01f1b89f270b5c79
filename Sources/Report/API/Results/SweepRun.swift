import Foundation
import Plotting

/// The run that aggregates a sweep (`report run … --set seed=0...9`): every variant has run and written its
/// report and `results.json`; this run builds the page that compares them.
public struct SweepRun {
    /// One finished variant of the sweep.
    public struct Variant {
        /// The parameters that make this variant (the swept ones and any fixed `--set`).
        public let parameters: [ParameterSetting]
        /// What the variant found.
        public let results: ExperimentResults
        /// Its report folder relative to the sweep's report, e.g. `variants/seed=3`.
        public let folder: String

        /// `seed=3`, or `learningRate=0.1, seed=3`.
        public var label: String { parameters.map(\.text).joined(separator: ", ") }

        /// The recorded sequence `name`, or `nil` when the variant did not record it.
        public func series(named name: String) -> RecordedSeries? {
            results.series.first { $0.name == name }
        }
    }

    /// The facts of the aggregating run.
    public let context: RunContext
    /// The variants, in sweep order.
    public let variants: [Variant]

    public init(context: RunContext, variants: [Variant]) {
        self.context = context
        self.variants = variants
    }

    /// Reads the variants named in `context.sweepVariants`, relative to `root` (the aggregating run's output).
    /// - Throws: ``ReportError`` naming a variant folder without valid `results.json`.
    public init(context: RunContext, relativeTo root: URL) throws {
        let variants = try context.sweepVariants.map { folder -> Variant in
            guard let results = try ExperimentResults.read(from: root.appendingPathComponent(folder, isDirectory: true)) else {
                throw ReportError("sweep variant \(folder) has no \(ExperimentResults.fileName)")
            }
            return Variant(parameters: results.parameters, results: results, folder: folder)
        }
        self.init(context: context, variants: variants)
    }

    /// Mean ± one standard deviation of the sequence `seriesName` over the variants, with diverged variants left
    /// out (see ``LossCurve/meanAndStandardDeviation(name:x:runs:style:series:)``).
    /// - Returns: the curve, and the variants that were left out because they diverged, for the note beside it.
    public func band(of seriesName: String, name: String, style: LineStyle = .solid,
                     series: String? = nil) -> (curve: LossCurve, leftOut: [Variant]) {
        let recorded = variants.compactMap { variant in variant.series(named: seriesName).map { (variant, $0) } }
        let leftOut = recorded.filter { $0.1.diverged }.map(\.0)
        let curve = LossCurve.meanAndStandardDeviation(name: name, runs: recorded.map { $0.1.doubles },
                                                       style: style, series: series)
        return (curve, leftOut)
    }

    /// The page a sweep gets when its experiment does not write its own: a table of the variants with their
    /// metrics, and links to their reports; diverged variants are marked.
    public func overviewDocument(title: String? = nil) -> Document {
        let labels = variants.first?.results.metrics.map(\.label) ?? []
        let divergedCount = variants.filter(\.results.diverged).count
        let columns = [
            TableColumn<Variant>("Variant") { $0.label },
            TableColumn<Variant>("Status") { variant in
                variant.results.diverged ? "diverged" : variant.results.gatesHeld ? "passed" : "gate failed"
            },
        ] + labels.map { label in
            TableColumn<Variant>(label, alignment: .right) { variant in
                variant.results.metrics.first { $0.label == label }?.text ?? ""
            }
        }
        let links = variants.map { "- [\($0.label)](\($0.folder)/report.html)" }.joined(separator: "\n")
        return Document(title: title ?? "\(context.experimentName): \(variants.count) variants") {
            Section("Variants") {
                if divergedCount > 0 {
                    Callout(.warning, "\(divergedCount) of \(variants.count) variants diverged (a value became infinite or not a number).")
                }
                Table(name: "variants", caption: "One row per run of the experiment.", rows: variants, columns: columns)
                Prose("The variants' own reports:\n\n" + links)
            }
        }
    }
}
