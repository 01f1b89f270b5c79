import ArgumentParser
import Foundation
import ReportRunner

/// `report merge OUT1 OUT2 … --output OUT`: the shards of a CI matrix in one output folder.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the output folders of shards into one, with one index and summary.",
        discussion: """
            Copies every report folder of the shard outputs (written by `report run … --shard I/N`) into \
            --output and writes one index.html, summary.json and summary.md, as one run of all would. Exits 1 \
            when a merged experiment failed.
            """
    )

    @Argument(help: ArgumentHelp("The shards' output folders.", valueName: "shard-output"))
    var shardOutputs: [String]

    @Option(name: .long, help: ArgumentHelp("The merged output folder.", valueName: "folder"))
    var output: String

    func run() throws {
        do {
            let folder = URL(fileURLWithPath: output, isDirectory: true)
            let summary = try OutputMerger.merge(shardOutputs.map { URL(fileURLWithPath: $0, isDirectory: true) }, into: folder)
            for file in ["index.html", "summary.json", "summary.md"] {
                print(folder.appendingPathComponent(file).relativePath)
            }
            guard summary.status == .passed else {
                throw ReportFailure("\(summary.counts.failed) of \(summary.counts.total) experiments failed; see \(folder.appendingPathComponent("summary.md").relativePath)")
            }
        } catch let failure as ReportFailure {
            FileHandle.standardError.write(Data("report: error: \(failure.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}
