import ArgumentParser
import Foundation
import ReportPreview
import ReportRunner

/// `report preview <folder>`: serve the report on 127.0.0.1 and re-run it whenever the folder changes.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve an experiment's report on 127.0.0.1 and re-run it whenever its folder changes.",
        discussion: """
            Runs the experiment as `report run` does, then serves the report at http://127.0.0.1:<port>/ and \
            watches every file in the experiment's folder (Swift sources, Markdown, data). After an edit it \
            re-runs through the same runner, so only what changed is redone, and the open page reloads itself. \
            A failed run keeps the previous report on the page with the error above it. The reload script is \
            added only to the page preview serves; report.html on disk never contains it. Prints the page's \
            address on standard output; Ctrl-C (or SIGTERM) stops it, ending any compile or run in progress.
            """
    )

    @Argument(help: ArgumentHelp("The experiment's folder, e.g. experiments/adam-vs-sgd.", valueName: "experiment-folder"))
    var experimentPath: String

    @Option(name: .long, help: ArgumentHelp("The folder that receives <name>/ with the report.", valueName: "folder"))
    var output: String = "output"

    @Option(name: .long, help: ArgumentHelp("The port to serve on (0 picks a free one).", valueName: "port"))
    var port: UInt16 = 0

    @Flag(name: .long, help: "List per-stage timings in the report's appendix.")
    var timings = false

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        try progress.withDisplay { display in
            let session = PreviewSession(
                layout: try ToolLayout.current(),
                options: .init(experimentPath: experimentPath, outputDirectory: URL(fileURLWithPath: output, isDirectory: true),
                               port: port, includeTimings: timings),
                display: display
            )
            try session.run { address in
                // Standard output carries only the address, flushed at once, for whoever started the preview.
                FileHandle.standardOutput.write(Data((address.absoluteString + "\n").utf8))
            }
        }
    }
}
