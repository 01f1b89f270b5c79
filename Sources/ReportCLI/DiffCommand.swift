import ArgumentParser
import Foundation
import ReportRunner

/// `report diff OLD NEW`: metrics with deltas and gates crossed, figures changed with difference images.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two output folders: metrics, gates and figures.",
        discussion: """
            Writes <output>/diff.md (for a PR comment), <output>/diff.html (self-contained, with old, new and \
            difference images) and <output>/figures/*-difference.png. Exits 0 when nothing regressed past a gate, \
            1 when a gate that held in OLD is missed in NEW or an experiment that passed fails.
            """
    )

    @Argument(help: ArgumentHelp("The baseline output folder (e.g. main's).", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The output folder to compare (e.g. the PR's).", valueName: "new"))
    var new: String

    @Option(name: .long, help: ArgumentHelp("The folder that receives diff.md and diff.html.", valueName: "folder"))
    var output: String = "diff"

    func run() throws {
        do {
            let comparison = try OutputComparison(old: URL(fileURLWithPath: old, isDirectory: true),
                                                  new: URL(fileURLWithPath: new, isDirectory: true))
            let folder = URL(fileURLWithPath: output, isDirectory: true)
            try comparison.write(to: folder)
            print(folder.appendingPathComponent("diff.md").relativePath)
            print(folder.appendingPathComponent("diff.html").relativePath)
            guard !comparison.regressed else {
                throw ReportFailure("\(new) regressed past a gate; see \(folder.appendingPathComponent("diff.md").relativePath)")
            }
        } catch let failure as ReportFailure {
            FileHandle.standardError.write(Data("report: error: \(failure.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}
