import ArgumentParser
import Foundation
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
        subcommands: [RunCommand.self, PreviewCommand.self, ListCommand.self, DiffCommand.self, MergeCommand.self]
    )

    /// `report help <experiment-folder>` shows the experiment's parameters; `report help <command>` stays
    /// argument-parser's help.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        if arguments.count == 2, arguments[0] == "help", !commands.contains(arguments[1]) {
            ExperimentHelp.show(arguments[1])
            return
        }
        main(nil)
    }
}
