import ArgumentParser
import Foundation
import ReportRunner

/// `report run <folder>`: compile, train, draw, write, publish.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compile an experiment, run it, and write its report.",
        discussion: """
            Writes <output>/<name>/report.md, report.html and figures/*.png. The run writes into a staging \
            folder and replaces the previous report only when it has succeeded, so a failed run leaves the \
            previous report exactly as it was. Exits non-zero when the experiment does not compile, fails or \
            crashes.
            """
    )

    @Argument(help: ArgumentHelp("The experiment's folder, e.g. experiments/adam-vs-sgd.", valueName: "experiment-folder"))
    var experimentPath: String

    @Option(name: .long, help: ArgumentHelp("The folder that receives <name>/ with the report.", valueName: "folder"))
    var output: String = "output"

    @Flag(name: .long, help: "List per-stage timings in the report's appendix (the report then differs run to run).")
    var timings = false

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        try progress.withDisplay(runExperiment)
    }

    private func runExperiment(display: ProgressDisplay) throws {
        let layout = try ToolLayout.current()
        if layout.isDebugBuild {
            display.handle(.note("warning: report was built in debug mode, so training runs about 12× slower; use `swift build -c release`"))
        }
        let runner = ExperimentRunner(
            layout: layout,
            options: .init(outputDirectory: URL(fileURLWithPath: output, isDirectory: true), includeTimings: timings),
            progress: display.handle
        )
        let outcome = try runner.run(experimentPath)
        display.finish()
        print(outcome.markdownFile.relativePath)
        print(outcome.htmlFile.relativePath)
    }
}
