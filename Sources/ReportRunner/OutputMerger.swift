import Foundation

/// `report merge OUT1 OUT2 … --output OUT`: the reports of several shards in one output folder, with one index
/// and one summary, as if one machine had run them all.
public enum OutputMerger {
    /// Copies every experiment's report folders (`NAME/`, `NAME.failed/`) from the shard outputs into `output`,
    /// each swapped in whole, then writes the merged summary, summary.md and index.html.
    /// - Returns: the merged summary.
    /// - Throws: ``ReportFailure`` when a folder has no summary, or two shards ran the same experiment.
    public static func merge(_ shardOutputs: [URL], into output: URL) throws -> RunSummary {
        var experiments: [ExperimentSummary] = []
        var sources: [String: URL] = [:]
        let summaries = try shardOutputs.map { try RunSummary.read(from: $0) }
        for (folder, summary) in zip(shardOutputs, summaries) {
            for experiment in summary.experiments {
                if let other = sources[experiment.name] {
                    throw ReportFailure("experiment '\(experiment.name)' is in both \(other.relativePath) and \(folder.relativePath); merge the outputs of different shards")
                }
                sources[experiment.name] = folder
                experiments.append(experiment)
            }
        }
        let outputPath = output.standardizedFileURL.path
        for experiment in experiments {
            let source = sources[experiment.name]!
            guard source.standardizedFileURL.path != outputPath else { continue }
            for name in [experiment.name, experiment.name + ".failed"] {
                let from = source.appendingPathComponent(name, isDirectory: true)
                let to = output.appendingPathComponent(name, isDirectory: true)
                guard FileManager.default.fileExists(atPath: from.path) else {
                    // A shard that passed removes a stale failure page; so does the merge.
                    if name.hasSuffix(".failed") { try? FileManager.default.removeItem(at: to) }
                    continue
                }
                let folder = try OutputFolder(destination: to)
                do {
                    try FileManager.default.removeItem(at: folder.staging)
                    try FileManager.default.copyItem(at: from, to: folder.staging)
                    try folder.publish()
                } catch {
                    folder.discard()
                    throw error
                }
            }
        }
        let merged = RunSummary(experiments: experiments)
        try SummaryPublisher.write(merged, to: output)
        return merged
    }
}
