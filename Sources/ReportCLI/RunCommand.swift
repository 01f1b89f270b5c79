import ArgumentParser
import Foundation
import ReportRunner
import NeuralNetworks
import Report

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

    func run() throws {
        do {
            try runExperiment()
        } catch let failure as ReportFailure {
            FileHandle.standardError.write(Data("report: error: \(failure.description)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func runExperiment() throws {
        let experiment = try locateExperiment()
        let layout = try ToolLayout.current()
        if layout.isDebugBuild {
            Progress.say("warning: report was built in debug mode, so training runs about 12× slower; use `swift build -c release`")
        }

        let compileStart = Date()
        let folderPath = experimentPath.hasSuffix("/") ? String(experimentPath.dropLast()) : experimentPath
        let sourcePaths = experiment.sourceFiles.map { folderPath + "/" + $0.lastPathComponent }
        let compiled = try ExperimentCompiler(layout: layout).compile(experiment, sourcePaths: sourcePaths)
        Progress.say(compiled.wasCached
            ? "compiled \(experiment.name) (cached)"
            : "compiled \(experiment.name) in \(Progress.seconds(since: compileStart))")

        let destination = URL(fileURLWithPath: output, isDirectory: true).appendingPathComponent(experiment.name, isDirectory: true)
        let folder = try OutputFolder(destination: destination)
        do {
            let runStart = Date()
            // OpenBLAS picks its kernels when it loads; on CPUs it does not know it falls back to slow generic
            // ones unless told through the environment, which the experiment inherits.
            if let coreType = OpenBLAS.recommendedCoreType {
                setenv("OPENBLAS_CORETYPE", coreType, 1)
            }
            // Experiments train small networks, whose products are too small for OpenBLAS's second thread to
            // pay; on a busy machine (CI) its spinning waits made a 2-64-64-1 run ten times slower. One thread
            // unless the user asks for more; an experiment with large products can raise `OpenBLAS.threadCount`.
            setenv("OPENBLAS_NUM_THREADS", "1", 0)
            var context = runContext(for: experiment)
            context.stageTimings = [StageTiming(
                name: compiled.wasCached ? "compile (cached)" : "compile",
                seconds: runStart.timeIntervalSince(compileStart)
            )]
            let outcome = try CommandRunner.run(compiled.executable.path, ["--output", folder.staging.path] + context.commandLineArguments)
            guard outcome.succeeded else {
                throw ReportFailure("experiment '\(experiment.name)' failed (\(outcome.summary)); \(destination.relativePath) was left unchanged")
            }
            for required in ["report.md", "report.html"] {
                guard FileManager.default.fileExists(atPath: folder.staging.appendingPathComponent(required).path) else {
                    throw ReportFailure("experiment '\(experiment.name)' finished without writing \(required); \(destination.relativePath) was left unchanged")
                }
            }
            try folder.publish()
            Progress.say("ran \(experiment.name) in \(Progress.seconds(since: runStart))")
        } catch {
            folder.discard()
            throw error
        }
        print(destination.appendingPathComponent("report.md").relativePath)
        print(destination.appendingPathComponent("report.html").relativePath)
    }

    /// The experiment at `experimentPath`, or a failure that lists the experiments that do exist.
    private func locateExperiment() throws -> ExperimentEntry {
        let folder = URL(fileURLWithPath: experimentPath, isDirectory: true)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
           let entry = try ExperimentCatalog.entry(at: folder) {
            return entry
        }
        // List the folder the user pointed into, or ./experiments when that holds none.
        let trimmedPath = experimentPath.hasSuffix("/") ? String(experimentPath.dropLast()) : experimentPath
        var listedFolder = (trimmedPath as NSString).deletingLastPathComponent
        if listedFolder.isEmpty { listedFolder = "." }
        var listing = try ExperimentCatalog(directory: URL(fileURLWithPath: listedFolder, isDirectory: true)).experiments()
        if listing.isEmpty {
            listedFolder = "experiments"
            listing = try ExperimentCatalog(directory: URL(fileURLWithPath: listedFolder, isDirectory: true)).experiments()
        }
        let reason = FileManager.default.fileExists(atPath: folder.path)
            ? "'\(experimentPath)' is not an experiment (a folder with .swift files)"
            : "no experiment at '\(experimentPath)'"
        guard !listing.isEmpty else {
            throw ReportFailure("\(reason), and no experiments were found in \(listedFolder)/")
        }
        let lines = listing.map { "  \(listedFolder)/\($0.name)  \($0.summary)" }
        throw ReportFailure("\(reason). Experiments that exist:\n" + lines.joined(separator: "\n"))
    }

    /// What the reproducibility appendix records about this run.
    private func runContext(for experiment: ExperimentEntry) -> RunContext {
        let directory = experiment.directory.path
        let commit = CommandRunner.probe("git", ["-C", directory, "rev-parse", "HEAD"])
        let status = commit == nil ? nil : CommandRunner.probe("git", ["-C", directory, "status", "--porcelain", "--untracked-files=normal"])
        return RunContext(
            experimentName: experiment.name,
            sourceDirectory: experiment.directory.standardizedFileURL,
            gitCommit: commit,
            gitTreeIsDirty: !(status ?? "").isEmpty,
            toolVersion: ToolVersion.current,
            swiftVersion: CommandRunner.probe("swiftc", ["--version"])?.components(separatedBy: .newlines).first ?? "unknown",
            machine: Machine.description,
            includeTimings: timings
        )
    }
}
