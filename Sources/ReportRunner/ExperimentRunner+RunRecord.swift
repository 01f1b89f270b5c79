import Foundation
import Report

/// The check that lets a rerun with nothing changed skip compiling and running (see ``RunRecord``).
struct RunRecordCheck {
    let runner: ExperimentRunner
    let experiment: ExperimentEntry
    let destination: URL
    let build: BuildInputs
    let context: RunContext
    /// The sources' digests before anything was compiled, so an edit during the run is not recorded as run.
    let sources: [String: String]

    init(runner: ExperimentRunner, experiment: ExperimentEntry, destination: URL, build: BuildInputs, context: RunContext) {
        self.runner = runner
        self.experiment = experiment
        self.destination = destination
        self.build = build
        self.context = context
        sources = RunRecord.digests(of: experiment.sourceFiles.map(\.path))
    }

    var location: URL {
        RunRecord.location(experiment: experiment.directory, destination: destination, cacheDirectory: runner.cacheDirectory)
    }

    /// Everything besides files that decides the output: tools, options, the context passed to the program,
    /// and the environment it may read.
    var settings: [String: String] {
        var settings = [
            "library": build.libraryDigest,
            "compiler": build.compiler.identity,
            "tool": build.toolIdentity,
            "context": context.commandLineArguments.joined(separator: "\u{1F}"),
        ]
        // OpenBLAS's variables among them; see RelevantEnvironment for what is left out and why.
        for (name, value) in RelevantEnvironment.relevant() {
            settings["environment " + name] = value
        }
        return settings
    }

    /// The stages of the last run when nothing changed since and its output is untouched; `nil` otherwise.
    func upToDateStages() -> [String]? {
        // Timings differ run to run by design; --fresh asks for a real run.
        guard !runner.options.fresh, !runner.options.includeTimings, let record = RunRecord.load(from: location) else {
            return nil
        }
        let filesRead = RunRecord.digests(of: Array(record.filesRead.keys))
        let inputs = RunRecord.inputsDigest(sources: sources, filesRead: filesRead, settings: settings)
        guard inputs == record.inputs, RunRecord.treeDigest(of: destination) == record.output else { return nil }
        return record.stages
    }

    /// Records the run that just published, from the manifest the experiment wrote.
    func save(manifest: URL) {
        guard !runner.options.includeTimings,
              let data = FileManager.default.contents(atPath: manifest.path),
              let written = try? JSONDecoder().decode(RunManifest.self, from: data),
              let output = RunRecord.treeDigest(of: destination) else {
            try? FileManager.default.removeItem(at: location)
            return
        }
        let record = RunRecord(
            inputs: RunRecord.inputsDigest(sources: sources, filesRead: written.filesRead, settings: settings),
            filesRead: written.filesRead, output: output, stages: written.stages
        )
        try? record.save(to: location)
    }
}
