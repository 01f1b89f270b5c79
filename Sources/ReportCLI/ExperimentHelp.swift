import ArgumentParser
import Foundation
import ReportRunner

/// `report help experiments/NAME`: an experiment's description and its parameters, for `--set`.
enum ExperimentHelp {
    /// Prints the help, or an error and exits 1.
    static func show(_ experimentPath: String) {
        do {
            let runner = ExperimentRunner(
                layout: try ToolLayout.current(),
                options: .init(outputDirectory: URL(fileURLWithPath: "output", isDirectory: true)),
                say: { _ in }
            )
            let (experiment, parameters) = try runner.parameters(ofExperimentAt: experimentPath)
            print(ParameterSweep.helpText(experiment: experiment, parameters: parameters))
        } catch {
            FileHandle.standardError.write(Data("report: error: \(error)\n".utf8))
            exit(1)
        }
    }
}
