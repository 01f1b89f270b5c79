import Foundation
import Report

/// One experiment's entry in `summary.json`.
public struct ExperimentSummary: Codable, Equatable {
    public enum Status: String, Codable {
        case passed
        case failed
    }

    /// The stage a failed run stopped at.
    public enum Stage: String, Codable {
        /// `swiftc` rejected the experiment.
        case compile
        /// A `--set` named an unknown parameter or a value of the wrong type.
        case parameters
        /// The experiment threw, exited non-zero, crashed or wrote no report.
        case run
        /// The report was written but a metric missed its gate.
        case gates
    }

    public struct Failure: Codable, Equatable {
        public var stage: Stage
        /// One or more sentences for the reader.
        public var message: String
        /// The last lines the compiler or the experiment printed (empty for a missed gate).
        public var outputTail: [String]

        public init(stage: Stage, message: String, outputTail: [String]) {
            self.stage = stage
            self.message = message
            self.outputTail = outputTail
        }
    }

    /// A figure of the report this run wrote.
    public struct FigureRecord: Codable, Equatable {
        /// Relative to the report folder, e.g. `figures/loss-curves.png`.
        public var path: String
        public var sha256: String
        public var bytes: Int
    }

    /// A variant of a sweep.
    public struct Variant: Codable, Equatable {
        public var parameters: [ParameterSetting]
        public var status: Status
        public var diverged: Bool
        public var metrics: [MetricResult]
        /// Relative to the output folder.
        public var report: String
    }

    /// How long the stages took; only with `--timings` (they change run to run).
    public struct Timings: Codable, Equatable {
        public var compileSeconds: Double
        public var runSeconds: Double
        /// Whether the compiled experiment came from the cache.
        public var compileCached: Bool
    }

    /// The experiment's folder name.
    public var name: String
    /// The report's title, when the experiment got far enough to have one.
    public var title: String?
    public var status: Status
    public var failure: Failure?
    /// The `--set` values of the run, sorted by name.
    public var parameters: [ParameterSetting]
    /// Whether the run (or a variant of the sweep) diverged.
    public var diverged: Bool
    /// The metrics of the report this run wrote, with their gates.
    public var metrics: [MetricResult]
    /// The figures of the report this run wrote, with SHA-256 digests.
    public var figures: [FigureRecord]
    /// The folder of the report this run wrote, relative to the output folder: `NAME` when it passed,
    /// `NAME.failed` when it failed (the full report for a missed gate, a failure page otherwise).
    public var reportFolder: String?
    /// `NAME` when this run failed and a previous passing report is kept there.
    public var lastPassingReportFolder: String?
    /// The variants, for a sweep.
    public var variants: [Variant]?
    public var timings: Timings?

    public init(name: String, title: String?, status: Status, failure: Failure?, parameters: [ParameterSetting],
                diverged: Bool, metrics: [MetricResult], figures: [FigureRecord], reportFolder: String?,
                lastPassingReportFolder: String?, variants: [Variant]?, timings: Timings?) {
        self.name = name
        self.title = title
        self.status = status
        self.failure = failure
        self.parameters = parameters
        self.diverged = diverged
        self.metrics = metrics
        self.figures = figures
        self.reportFolder = reportFolder
        self.lastPassingReportFolder = lastPassingReportFolder
        self.variants = variants
        self.timings = timings
    }

    /// `NAME/report.html` or `NAME.failed/report.html`.
    public var reportHTML: String? { reportFolder.map { $0 + "/report.html" } }
}
