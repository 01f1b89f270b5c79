import ArgumentParser
import ReportRunner

/// The `report` command: the thin shell over the Report library.
@main
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Train small neural networks, draw what they do, and write a handout.",
        discussion: """
            An experiment is a folder of Swift source, e.g. experiments/adam-vs-sgd/AdamVersusSGD.swift, whose \
            @main type conforms to Experiment. `report run` compiles it optimised against the ReportKit library, \
            runs it, and writes output/<name>/report.md, output/<name>/report.html (one self-contained file) and \
            output/<name>/figures/*.png. The previous report is replaced only when the new one is complete.
            """,
        version: ToolVersion.current,
        subcommands: [RunCommand.self, PreviewCommand.self, ListCommand.self]
    )
}
