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
    /// Trains, measures and describes: returns the document to write.
    /// - Parameter run: the run's facts, and a stopwatch for the stages the appendix lists.
    static func makeDocument(run: ExperimentRun) throws -> Document
}

extension Experiment {
    /// Reads the options `report run` passes, builds the document and writes it; on any error prints it on
    /// standard error and exits with status 1 (so `report run` keeps the previous report).
    public static func main() {
        ParentWatch.stopWithParent()
        do {
            var (context, outputDirectory) = try RunContext.parse(Array(CommandLine.arguments.dropFirst()))
            // The kernels OpenBLAS chose, and how many threads split each product, decide how Float sums round,
            // so they belong with the machine.
            let threads = OpenBLAS.threadCount
            context.machine += ", OpenBLAS \(OpenBLAS.coreName) kernels, \(threads) thread\(threads == 1 ? "" : "s")"
            let run = ExperimentRun(context: context)
            // Every training run inside the document builder reports its epochs to `report`'s display.
            let document = try TrainingObservation.$observer.withValue(run.progress) { try makeDocument(run: run) }
            var finalContext = context
            finalContext.stageTimings += run.stageTimings
            let writeStart = Date()
            run.progress.stageStarted("drawing figures and writing the report")
            let written = try document.write(to: outputDirectory, context: finalContext)
            let fontWarning = try MissingFontCheck.warning(for: MissingGlyphs.shared.takeRecords(), strict: context.isStrict)
            run.progress.stageFinished("drawing figures and writing the report", seconds: Date().timeIntervalSince(writeStart),
                                       summary: "report.html is \(written.htmlByteCount) bytes, \(written.figureFiles.count) figures")
            for warning in [fontWarning].compactMap({ $0 }) + written.warnings + [written.sizeWarning].compactMap({ $0 }) {
                run.progress.note("warning: \(warning)")
            }
        } catch {
            FileHandle.standardError.write(Data("report: error: \(error)\n".utf8))
            exit(1)
        }
    }
}
