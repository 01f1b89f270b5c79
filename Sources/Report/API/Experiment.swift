import Foundation
import NeuralNetworks
import Plotting

/// An experiment: a `@main` type in `experiments/<name>/` that builds a handout.
///
/// ```swift
/// /// Adam against SGD on two moons.
/// @main
/// struct AdamVersusSGD: Experiment {
///     static func makeDocument(run: ExperimentRun) throws -> Document {
///         let history = run.measure("train") { … }
///         return Document(title: "Adam vs SGD", seed: 42) { … }
///     }
/// }
/// ```
///
/// `report run` compiles the folder and starts the program with the options of ``RunContext/commandLineArguments``
/// and `--output <staging folder>`; the `main()` below reads them, builds the document and writes it there.
public protocol Experiment {
    /// The settings `report run … --set name=value` may change; none by default. See ``Parameter``.
    static var parameters: [any ParameterDeclaration] { get }

    /// Trains, measures and describes: returns the document to write.
    /// - Parameter run: the run's facts and parameters, and a stopwatch for the stages the appendix lists.
    static func makeDocument(run: ExperimentRun) throws -> Document

    /// The page that compares the variants of a sweep (`--set seed=0...9`), written once every variant has run.
    /// The default is a table of the variants and their metrics; an experiment that records sequences
    /// (``ExperimentRun/record(_:_:)``) can draw them as mean ± standard deviation bands with
    /// ``SweepRun/band(of:name:style:series:)``.
    static func makeSweepDocument(sweep: SweepRun) throws -> Document
}

extension Experiment {
    public static var parameters: [any ParameterDeclaration] { [] }

    public static func makeSweepDocument(sweep: SweepRun) throws -> Document {
        sweep.overviewDocument()
    }

    /// Reads the options `report run` passes, builds the document and writes it with its `results.json`; on any
    /// error prints it on standard error and exits with status 1 (so `report run` keeps the previous report).
    ///
    /// A missed gate is not an error here: the report is written with a banner, `results.json` says which gates
    /// failed, and `report` decides where the report goes. `--list-parameters` prints the declared parameters
    /// as JSON and exits, for `report help`.
    public static func main() {
        ParentWatch.stopWithParent()
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if arguments == ["--list-parameters"] {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(parameters.map(\.description))
                FileHandle.standardOutput.write(data + Data("\n".utf8))
                return
            }
            var (context, outputDirectory) = try RunContext.parse(arguments)
            try checkParameters(context.parameters)
            // The kernels OpenBLAS chose and its thread count decide how Float sums round, so they belong with
            // the machine (the processor's model name and core count do not change a number, and stay out).
            context.machine += ", OpenBLAS \(OpenBLAS.coreName) kernels, \(OpenBLAS.threadCount) "
                + (OpenBLAS.threadCount == 1 ? "thread" : "threads")
            let run = ExperimentRun(context: context)
            var document: Document
            if context.sweepVariants.isEmpty {
                // Every training run inside the document builder reports its epochs to `report`'s display.
                document = try TrainingObservation.$observer.withValue(run.progress) { try makeDocument(run: run) }
            } else {
                document = try makeSweepDocument(sweep: SweepRun(context: context, relativeTo: outputDirectory))
            }
            var results = document.results(run: run, figures: [])
            if !results.gatesHeld {
                document = document.withFailedGatesBanner(results.failedGates)
            }
            var finalContext = context
            finalContext.stageTimings += run.stageTimings
            let writeStart = Date()
            run.progress.stageStarted("drawing figures and writing the report")
            let written = try document.write(to: outputDirectory, context: finalContext)
            let fontWarning = try MissingFontCheck.warning(for: MissingGlyphs.shared.takeRecords(), strict: context.isStrict)
            let root = outputDirectory.standardizedFileURL.path + "/"
            results.figures = written.figureFiles.map { String($0.standardizedFileURL.path.dropFirst(root.count)) }
            try results.encoded().write(to: outputDirectory.appendingPathComponent(ExperimentResults.fileName))
            run.progress.stageFinished("drawing figures and writing the report", seconds: Date().timeIntervalSince(writeStart),
                                       summary: "report.html is \(written.htmlByteCount) bytes, \(written.figureFiles.count) figures")
            if let inputListFile = context.inputListFile {
                var filesRead: [String: String] = [:]
                for path in InputFileLedger.recordedPaths {
                    filesRead[path] = ContentDigest.sha256(ofFileAt: URL(fileURLWithPath: path)) ?? "missing"
                }
                let manifest = RunManifest(filesRead: filesRead, stages: run.stageTimings.map(\.name))
                try AtomicFile.write(try JSONEncoder().encode(manifest), to: inputListFile)
            }
            for warning in [fontWarning].compactMap({ $0 }) + written.warnings + [written.sizeWarning].compactMap({ $0 }) {
                run.progress.note("warning: \(warning)")
            }
            for failed in results.failedGates {
                run.progress.note("gate failed: \(failed.label) is \(failed.text), expected \(failed.gate?.text ?? "")")
            }
        } catch {
            FileHandle.standardError.write(Data("report: error: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Rejects a `--set` of an undeclared parameter or of a value of the wrong type, listing the parameters
    /// (`report` checks first; this holds when the experiment is started by hand).
    private static func checkParameters(_ settings: [ParameterSetting]) throws {
        for setting in settings {
            guard let declared = parameters.first(where: { $0.name == setting.name }) else {
                throw ReportError("unknown parameter '\(setting.name)'; " + parameterListing)
            }
            guard declared.accepts(setting.value) else {
                throw ReportError("parameter '\(setting.name)' needs a \(declared.typeName) value, got '\(setting.value)'; " + parameterListing)
            }
        }
    }

    private static var parameterListing: String {
        guard !parameters.isEmpty else { return "this experiment declares no parameters" }
        return "the parameters are: " + parameters.map { "\($0.name) (\($0.typeName), default \($0.defaultText))" }
            .joined(separator: ", ")
    }
}
