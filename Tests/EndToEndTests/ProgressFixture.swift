import Foundation

/// A small experiment that trains long enough to show progress and keeps its prose in `notes.md`, compiled
/// once for the progress and preview tests (every new folder costs a compile).
enum ProgressFixture {
    /// The folder holding `experiments/trainer/` (Trainer.swift, notes.md).
    static let root: URL = {
        let root = try! TemporaryFolder.make()
        try! TemporaryFolder.write([
            "experiments/trainer/Trainer.swift": source,
            "experiments/trainer/notes.md": "The prose lives in a Markdown file: first version.\n",
        ], under: root)
        return root
    }()

    static var experiment: URL { root.appendingPathComponent("experiments/trainer") }

    /// 600 epochs of a 2-64-64-1 network on 400 points, one point a step: 1.1 s in release on the 2-core
    /// machine, long enough for several redraws of the live line, short enough for CI. (With batches of 8 and
    /// 32 units it took 0.10 s once the engine got faster, and on a quiet machine the bar was drawn only once.)
    static let source = """
        import ReportKit

        /// Trains one network slowly enough to watch.
        @main
        struct Trainer: Experiment {
            static func makeDocument(run: ExperimentRun) throws -> Document {
                let data = Dataset<Float>.twoMoons(count: 400, noise: 0.2, seed: 1)
                let configuration = TrainingConfiguration(epochs: 600, batchSize: 1, loss: .binaryCrossEntropyWithLogits, shuffleSeed: 1)
                // Never cached: the tests watch its epochs every time.
                let history = run.measure("train", caching: .never) { () -> TrainingHistory in
                    var network = Sequential<Float>.multilayerPerceptron(sizes: [2, 64, 64, 1], hiddenActivation: .tanh, seed: 1)
                    return network.train(on: data, optimizer: SGD<Float>(learningRate: 0.05), configuration: configuration)
                }
                return Document(title: "Trainer", language: .english, seed: 1) {
                    Section("Notes") {
                        Include("notes.md")
                        Prose("Final loss \\(history.trainingLosses.last!).")
                    }
                }
            }
        }

        """
}

/// Runs `report` in a pseudo-terminal with util-linux `script(1)`, as a person at a terminal would.
enum PseudoTerminal {
    /// `report arguments…` under `script -qec`, with `environment` added to a cleaned environment (no CI,
    /// NO_COLOR or FORCE_COLOR from the machine running the tests); returns everything the terminal received.
    static func run(_ arguments: [String], environment: [String: String], in directory: URL) throws -> (status: Int32, transcript: String) {
        let command = ([ReportExecutable.path.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = directory
        var cleaned = ProcessInfo.processInfo.environment
        for name in ["CI", "NO_COLOR", "FORCE_COLOR", "COLUMNS"] { cleaned[name] = nil }
        process.environment = cleaned.merging(environment) { _, given in given }
        let transcript = try TemporaryFolder.make().appendingPathComponent("transcript")
        _ = FileManager.default.createFile(atPath: transcript.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: transcript)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: transcript, encoding: .utf8))
    }
}
