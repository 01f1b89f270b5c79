import ArgumentParser
import Foundation
import ReportRunner

/// `report list`: the experiments in a folder, one line each.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the experiments with a one-line description each.",
        discussion: "The description is the first line of the /// comment above the experiment's @main type."
    )

    @Option(name: .long, help: ArgumentHelp("The folder that holds one folder per experiment.", valueName: "folder"))
    var directory: String = "experiments"

    @Flag(name: .long, help: "Also list each experiment's parameters (compiles every experiment).")
    var parameters = false

    func run() throws {
        let catalog = ExperimentCatalog(directory: URL(fileURLWithPath: directory, isDirectory: true))
        let experiments = try catalog.experiments()
        guard !experiments.isEmpty else {
            throw ValidationError("no experiments in \(directory)/ (each experiment is a folder of .swift files)")
        }
        let width = experiments.map(\.name.count).max() ?? 0
        for experiment in experiments {
            let padding = String(repeating: " ", count: width - experiment.name.count)
            print("\(experiment.name)\(padding)  \(experiment.summary)")
            if parameters {
                try printParameters(of: experiment)
            }
        }
    }

    private func printParameters(of experiment: ExperimentEntry) throws {
        let runner = ExperimentRunner(
            layout: try ToolLayout.current(),
            options: .init(outputDirectory: URL(fileURLWithPath: "output", isDirectory: true)),
            say: { _ in }
        )
        do {
            let (_, declared) = try runner.parameters(ofExperimentAt: directory + "/" + experiment.name)
            print(declared.isEmpty ? "  (no parameters)" : ParameterSweep.table(declared))
        } catch {
            print("  (cannot list parameters: \(error))")
        }
    }
}
