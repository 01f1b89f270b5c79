// Side-by-side benchmark: our three benchmarks and the peer's scripts (PyTorch, matplotlib, python-markdown;
// ../shared/bench/peers) measured alternately in one window on this machine, as the benchmark notes ask
// ("quote ratios measured side by side … alternate ours and theirs, medians of several runs"). The fixed
// figures in ../shared/bench/README.md come from another machine of this kind and a quiet hour; this command
// answers "how do we compare here and now".
//
// Usage (from the package root, after `swift build -c release`):
//   .build/release/side-by-side-benchmark [--python PATH] [--peers DIRECTORY] [--rounds N]
//                                         [--parts training,figures,end-to-end]
// The Python must import torch, matplotlib and markdown (README.md beside this file: a set-up without CUDA
// packages). The peer scripts are copied to a temporary folder and run there, so nothing is
// written into ../shared.
import ArgumentParser
import Foundation

// MARK: - Options

/// The command line (swift-argument-parser).
struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "side-by-side-benchmark",
        abstract: "Run our benchmarks and the peers' scripts alternately on this machine and print the ratios.")

    @Option(help: ArgumentHelp("The Python that imports torch, matplotlib and markdown (default: $PEER_PYTHON or python3).",
                               valueName: "path"))
    var python = ProcessInfo.processInfo.environment["PEER_PYTHON"] ?? "python3"
    @Option(help: ArgumentHelp("The peer scripts' folder.", valueName: "directory"))
    var peers = "../shared/bench/peers"
    @Option(help: "Rounds of alternating runs (medians are reported).")
    var rounds = 3
    @Option(help: ArgumentHelp("Which comparisons to run, separated by commas.", valueName: "training,figures,end-to-end"),
            transform: { Set($0.split(separator: ",").map(String.init)) })
    var parts: Set<String> = ["training", "figures", "end-to-end"]

    func validate() throws {
        guard rounds > 0 else { throw ValidationError("--rounds needs a positive whole number") }
        let unknown = parts.subtracting(["training", "figures", "end-to-end"])
        guard unknown.isEmpty else {
            throw ValidationError("unknown part(s) \(unknown.sorted().joined(separator: ", ")); choose from training, figures, end-to-end")
        }
    }
}

/// Files and folders of this run, removed by ``fail(_:)`` as well as at the end: `exit` skips `defer`, and a
/// failed run must not leave `/tmp/side-by-side-<pid>/` behind.
var temporaryItems: [URL] = []

func removeTemporaryItems() {
    for item in temporaryItems { try? FileManager.default.removeItem(at: item) }
    temporaryItems = []
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("side-by-side-benchmark: \(message)\n".utf8))
    removeTemporaryItems()
    exit(1)
}

let options = Options.parseOrExit()

// MARK: - Processes

/// A child process that exited with status 0: what it printed and how long it ran (wall seconds).
struct Finished {
    var output: String
    var seconds: Double
}

/// Runs `executable` with `arguments` in `directory`, collecting standard output; standard error goes to a file
/// that is shown only when the process fails (with `hint`), so a failure is explained and a success is quiet.
func run(_ executable: String, _ arguments: [String], in directory: URL? = nil, hint: String = "") -> Finished {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable.contains("/") ? executable : "/usr/bin/env")
    process.arguments = executable.contains("/") ? arguments : [executable] + arguments
    if let directory { process.currentDirectoryURL = directory }
    let outputPipe = Pipe()
    process.standardOutput = outputPipe
    let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("side-by-side-\(getpid())-stderr")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    temporaryItems.append(errorFile)
    defer {
        try? FileManager.default.removeItem(at: errorFile)
        temporaryItems.removeAll { $0 == errorFile }
    }
    guard let errorHandle = try? FileHandle(forWritingTo: errorFile) else { fail("cannot write \(errorFile.path)") }
    process.standardError = errorHandle
    let start = DispatchTime.now().uptimeNanoseconds
    do { try process.run() } catch { fail("cannot start \(executable): \(error.localizedDescription)\(hint)") }
    let outputData = outputPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    try? errorHandle.close()
    if process.terminationStatus != 0 {
        FileHandle.standardError.write((try? Data(contentsOf: errorFile)) ?? Data())
        fail("\(executable) \(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)\(hint)")
    }
    return Finished(output: String(decoding: outputData, as: UTF8.self), seconds: seconds)
}

/// The JSON objects a benchmark printed, one per line.
func jsonObjects(_ output: String) -> [[String: Any]] {
    output.split(separator: "\n").filter { $0.hasPrefix("{") }.compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

// MARK: - Set-up

let binDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
func ourExecutable(_ name: String) -> String {
    let path = binDirectory.appendingPathComponent(name).path
    guard FileManager.default.isExecutableFile(atPath: path) else { fail("\(path) is missing; run `swift build -c release`") }
    return path
}
let trainingBenchmark = ourExecutable("training-benchmark")
let figureBenchmark = ourExecutable("figure-benchmark")
let report = ourExecutable("report")
if options.parts.contains("end-to-end"), !FileManager.default.fileExists(atPath: "experiments/adam-vs-sgd") {
    fail("experiments/adam-vs-sgd not found: run from the package root")
}

let peersSource = URL(fileURLWithPath: options.peers, isDirectory: true)
guard let peerFiles = try? FileManager.default.contentsOfDirectory(atPath: peersSource.path).filter({ $0.hasSuffix(".py") }),
      peerFiles.contains("train_mlp.py") else {
    fail("no peer scripts (train_mlp.py, render_figures.py, end_to_end.py) in \(peersSource.path); pass --peers DIRECTORY")
}
let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("side-by-side-\(getpid())", isDirectory: true)
let peers = workspace.appendingPathComponent("peers", isDirectory: true)
temporaryItems.append(workspace)
do {
    try FileManager.default.createDirectory(at: peers.appendingPathComponent("samples"), withIntermediateDirectories: true)
    for file in peerFiles {
        try FileManager.default.copyItem(at: peersSource.appendingPathComponent(file), to: peers.appendingPathComponent(file))
    }
} catch {
    fail("cannot copy the peer scripts to \(peers.path): \(error.localizedDescription)")
}
defer { removeTemporaryItems() }

let versionProbe = run(options.python, ["-c", "import torch, matplotlib, markdown; print(torch.__version__, matplotlib.__version__, markdown.__version__)"],
                       hint: "\n  the peer needs a Python with torch, matplotlib and markdown: pass --python PATH (see Benchmarks/SideBySideBenchmark/README.md)")
let versions = versionProbe.output.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
let peerDescription = versions.count == 3 ? "torch \(versions[0]), matplotlib \(versions[1]), Markdown \(versions[2])" : versionProbe.output

// MARK: - Rounds

let trainingNames = ["tiny", "small", "digits", "wide"]
let trainingTargets: [String: Double] = ["tiny": 20, "small": 5, "digits": 2, "wide": 1]
let figureNames = ["loss_curves", "activations", "rosenbrock_contour"]
var ours: [String: [Double]] = [:], theirs: [String: [Double]] = [:]

func record(_ objects: [[String: Any]], key: String, value: String, into table: inout [String: [Double]], prefix: String) {
    for object in objects {
        if let name = object[key] as? String, let number = object[value] as? Double { table[prefix + name, default: []].append(number) }
    }
}

func measureTraining(ourTurn: Bool) {
    if ourTurn {
        let finished = run(trainingBenchmark, ["--rounds", "1", "--seconds", "1", "--quiet-budget", "20", "--json"])
        record(jsonObjects(finished.output), key: "config", value: "samples_per_s_median", into: &ours, prefix: "training ")
    } else {
        let finished = run(options.python, ["train_mlp.py", "--threads", "2", "--repeats", "1", "--min-seconds", "1", "--quiet-budget", "20"], in: peers)
        record(jsonObjects(finished.output), key: "config", value: "samples_per_s_median", into: &theirs, prefix: "training ")
    }
}

func measureFigures(ourTurn: Bool) {
    if ourTurn {
        let finished = run(figureBenchmark, ["--renders", "10", "--json"])
        record(jsonObjects(finished.output), key: "figure", value: "median_s", into: &ours, prefix: "figure ")
    } else {
        // Two cold runs, the fewest for which hyperfine reports a standard deviation: with one, its JSON holds
        // null there and the peer script fails reading it.
        let finished = run(options.python, ["render_figures.py", "--renders", "10", "--cold-runs", "2", "--quiet-budget", "20"], in: peers)
        record(jsonObjects(finished.output), key: "figure", value: "median_s", into: &theirs, prefix: "figure ")
    }
}

/// One new process each, as a user starts it: ours with the experiment already compiled (the warm-up run
/// compiles it), the peer's with its imports.
func measureEndToEnd(ourTurn: Bool) {
    if ourTurn {
        let finished = run(report, ["run", "experiments/adam-vs-sgd", "--output", workspace.appendingPathComponent("ours").path])
        ours["end to end", default: []].append(finished.seconds)
    } else {
        let finished = run(options.python, ["end_to_end.py", "--once", "--quiet", "--threads", "2", "--out", workspace.appendingPathComponent("theirs").path], in: peers)
        theirs["end to end", default: []].append(finished.seconds)
    }
}

print("Side by side on this machine: ours against the peer (\(peerDescription)), \(options.rounds) rounds, alternating who goes first.")
if options.parts.contains("end-to-end") {
    measureEndToEnd(ourTurn: true)  // warm-up: compiles the experiment, fills the page cache
    measureEndToEnd(ourTurn: false)
    ours["end to end"] = nil
    theirs["end to end"] = nil
}
for round in 0..<options.rounds {
    let order = round % 2 == 0 ? [true, false] : [false, true]
    for ourTurn in order where options.parts.contains("training") { measureTraining(ourTurn: ourTurn) }
    for ourTurn in order where options.parts.contains("figures") { measureFigures(ourTurn: ourTurn) }
    for ourTurn in order where options.parts.contains("end-to-end") { measureEndToEnd(ourTurn: ourTurn) }
    FileHandle.standardError.write(Data("round \(round + 1) of \(options.rounds) done\n".utf8))
}

// MARK: - Table

struct Row {
    var name: String, ours: String, theirs: String, ratio: Double, target: Double?
}
var rows: [Row] = []
func value(_ table: [String: [Double]], _ key: String) -> Double? { table[key].map(median) }
for name in trainingNames {
    guard let our = value(ours, "training " + name), let their = value(theirs, "training " + name) else { continue }
    rows.append(Row(name: "training \(name) (samples/s)", ours: String(format: "%.0f", our), theirs: String(format: "%.0f", their),
                    ratio: our / their, target: trainingTargets[name]))
}
for name in figureNames {
    guard let our = value(ours, "figure " + name), let their = value(theirs, "figure " + name) else { continue }
    rows.append(Row(name: "figure \(name) (ms)", ours: String(format: "%.1f", our * 1000), theirs: String(format: "%.1f", their * 1000),
                    ratio: their / our, target: 5))
}
if let our = value(ours, "end to end"), let their = value(theirs, "end to end") {
    rows.append(Row(name: "end to end adam-vs-sgd (s)", ours: String(format: "%.2f", our), theirs: String(format: "%.2f", their),
                    ratio: their / our, target: nil))
}

func padded(_ text: String, _ width: Int, left: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return left ? padding + text : text + padding
}
print("")
print("Medians of \(options.rounds) alternating rounds. Ratio = how many times faster ours is.")
print(padded("benchmark", 36) + padded("ours", 12, left: true) + padded("peer", 12, left: true) + padded("ratio", 10, left: true) + "   target  result")
var allPass = true
for row in rows {
    let result = row.target.map { row.ratio >= $0 ? "pass" : "FAIL" } ?? ""
    if result == "FAIL" { allPass = false }
    print(padded(row.name, 36) + padded(row.ours, 12, left: true) + padded(row.theirs, 12, left: true)
          + padded(String(format: "%.2f×", row.ratio), 10, left: true)
          + "   " + padded(row.target.map { String(format: "≥ %g×", $0) } ?? "—", 7) + "  " + result)
}
print(allPass ? "All targets met side by side." : "Some targets missed side by side.")
