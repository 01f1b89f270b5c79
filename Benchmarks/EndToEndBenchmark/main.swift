// End-to-end benchmark: what a user waits for, against the targets of issue 9, and `report run
// experiments/adam-vs-sgd` against the Python peer (PyTorch + matplotlib + python-markdown in one new process),
// whose median is 9.0 s on this machine kind (shared/bench/README.md).
//
// Usage: .build/release/end-to-end-benchmark [--rounds N]   (from the package root, after `swift build -c release`)
//
// Every run is a new `report` process, as a user or CI would start it, on a copy of experiments/ in a temporary
// folder (the edits below never touch the real sources), with its own stage cache (`--cache-directory`).
// "Cold" deletes the compiled experiments (.build/experiments) and the stage cache first. The cases alternate
// within each round, so load on this shared machine hits them alike; medians over the rounds are printed,
// each on one line with its target and whether it is met.
import ArgumentParser
import Foundation

/// The command line (swift-argument-parser).
struct EndToEndBenchmarkOptions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "end-to-end-benchmark",
        abstract: "Time what a user waits for (first runs, reruns, prose edits) against issue 9's targets and the Python peer.")

    @Option(help: "Rounds; every case runs once per round, alternating, and medians are reported.")
    var rounds = 3

    func validate() throws {
        guard rounds > 0 else { throw ValidationError("--rounds needs a positive whole number") }
    }
}

let peerSeconds = 9.0
let rounds = EndToEndBenchmarkOptions.parseOrExit().rounds
let binDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
let report = binDirectory.appendingPathComponent("report")
let compiledExperiments = URL(fileURLWithPath: ".build/experiments", isDirectory: true)
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("end-to-end-benchmark-\(getpid())", isDirectory: true)
let experiments = scratch.appendingPathComponent("experiments", isDirectory: true)
let cache = scratch.appendingPathComponent("cache", isDirectory: true)
let output = scratch.appendingPathComponent("output", isDirectory: true)

guard FileManager.default.isExecutableFile(atPath: report.path) else {
    FileHandle.standardError.write(Data("end-to-end-benchmark: \(report.path) is missing; run `swift build -c release`\n".utf8))
    exit(1)
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
}

/// Starts `report` with `arguments` and returns the process (not yet waited for).
func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = report
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

/// Runs every argument list at once, `parallel` at a time, and returns the wall-clock seconds for all.
func time(_ runs: [[String]], parallel: Int = 1) throws -> Double {
    let begin = DispatchTime.now()
    var pending = runs[...]
    while !pending.isEmpty {
        let batch = pending.prefix(parallel)
        pending = pending.dropFirst(batch.count)
        let processes = try batch.map(start)
        for (process, arguments) in zip(processes, batch) {
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw BenchmarkFailure(description: "report \(arguments.joined(separator: " ")) failed with status \(process.terminationStatus)")
            }
        }
    }
    return Double(DispatchTime.now().uptimeNanoseconds - begin.uptimeNanoseconds) / 1e9
}

func runArguments(_ name: String) -> [String] {
    ["run", experiments.appendingPathComponent(name).path, "--output", output.path, "--cache-directory", cache.path]
}

func makeCold() {
    try? FileManager.default.removeItem(at: compiledExperiments)
    try? FileManager.default.removeItem(at: cache)
}

/// Replaces `old` by `new` in `file` (or back, on alternate calls), so every edit really changes the file.
func toggleWord(in file: URL, _ old: String, _ new: String) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    let edited = text.contains(old) ? text.replacingOccurrences(of: old, with: new) : text.replacingOccurrences(of: new, with: old)
    guard edited != text else { throw BenchmarkFailure(description: "neither '\(old)' nor '\(new)' is in \(file.path)") }
    try edited.write(to: file, atomically: true, encoding: .utf8)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

do {
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: URL(fileURLWithPath: "experiments", isDirectory: true), to: experiments)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let names = try FileManager.default.contentsOfDirectory(atPath: experiments.path).filter {
        (try? FileManager.default.contentsOfDirectory(atPath: experiments.appendingPathComponent($0).path))?
            .contains { $0.hasSuffix(".swift") } == true
    }.sorted()
    let swiftProse = experiments.appendingPathComponent("adam-vs-sgd/AdamVersusSGD.swift")
    let markdownProse = experiments.appendingPathComponent("backpropagation/handout.md")

    _ = try time([runArguments("adam-vs-sgd")])  // warm-up: page cache, fontconfig cache, module cache
    var samples: [String: [Double]] = [:]
    for _ in 0..<rounds {
        makeCold()
        samples["first adam-vs-sgd", default: []].append(try time([runArguments("adam-vs-sgd")]))
        samples["rerun", default: []].append(try time([runArguments("adam-vs-sgd")]))
        try toggleWord(in: swiftProse, "learns to separate", "learns to tell apart")
        samples["swift prose", default: []].append(try time([runArguments("adam-vs-sgd")]))
        _ = try time([runArguments("backpropagation")])
        try toggleWord(in: markdownProse, "完整地算一遍", "完整地计算一遍")
        samples["markdown prose", default: []].append(try time([runArguments("backpropagation")]))
        for name in names {
            makeCold()
            samples["first \(name)", default: []].append(try time([runArguments(name)]))
        }
        makeCold()
        samples["all cold", default: []].append(try time(names.map(runArguments), parallel: 2))
    }

    print("report run, \(rounds) rounds, medians in seconds (targets of issue 9; machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(String(format: "%.1f", loadAverage())))")
    func line(_ label: String, _ key: String, target: Double, note: String = "") {
        let value = median(samples[key] ?? [])
        let verdict = value <= target ? "met" : "NOT met"
        print(label.padding(toLength: 62, withPad: " ", startingAt: 0)
              + String(format: "%7.2f   ≤ %4.1f  %@", value, target, verdict) + note)
    }
    let firstAdam = median(samples["first adam-vs-sgd"] ?? [])
    line("first run of adam-vs-sgd after set-up (cache empty)", "first adam-vs-sgd", target: 2.0,
         note: String(format: "   (Python peer %.1f s: %.1f× faster)", peerSeconds, peerSeconds / firstAdam))
    for name in names {
        line("first run of \(name)", "first \(name)", target: 4.0)
    }
    line("all \(names.count) shipped experiments cold, two at a time", "all cold", target: 20.0)
    line("rerun of adam-vs-sgd with nothing changed", "rerun", target: 0.3)
    line("one-word edit of Markdown prose (backpropagation/handout.md)", "markdown prose", target: 1.0)
    line("one-word edit of Swift prose (adam-vs-sgd)", "swift prose", target: 2.0)
} catch {
    FileHandle.standardError.write(Data("end-to-end-benchmark: \(error)\n".utf8))
    exit(1)
}

/// The 1-minute load average: on a shared machine the numbers above mean little without it.
func loadAverage() -> Double {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    return Double(text.split(separator: " ").first ?? "") ?? .nan
}
