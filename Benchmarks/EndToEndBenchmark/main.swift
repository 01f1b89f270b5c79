// End-to-end benchmark: `report run experiments/adam-vs-sgd` against the Python peer (PyTorch + matplotlib +
// python-markdown in one new process), whose median is 9.0 s on this machine kind (shared/bench/README.md).
//
// Usage: .build/release/end-to-end-benchmark [--runs N]   (from the package root, after `swift build -c release`)
//
// Each run is a new `report` process, as a user or CI would start it. "cold" first deletes the compiled
// experiment, so it includes `swiftc -O`; "warm" reuses it, as every run after the first does. Cold and warm runs
// alternate so that load on this noisy machine hits both alike. Medians are reported.
import ArgumentParser
import Foundation

/// The command line (swift-argument-parser).
struct EndToEndBenchmarkOptions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "end-to-end-benchmark",
        abstract: "Time `report run experiments/adam-vs-sgd`, cold and warm, against the Python peer.")

    @Option(help: "Cold and warm runs each (medians are reported).")
    var runs = 5

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs needs a positive whole number") }
    }
}

let peerSeconds = 9.0
let runs = EndToEndBenchmarkOptions.parseOrExit().runs
let binDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
let report = binDirectory.appendingPathComponent("report")
let cache = URL(fileURLWithPath: ".build/experiments", isDirectory: true)
let output = FileManager.default.temporaryDirectory.appendingPathComponent("end-to-end-benchmark-\(getpid())")

guard FileManager.default.isExecutableFile(atPath: report.path) else {
    FileHandle.standardError.write(Data("end-to-end-benchmark: \(report.path) is missing; run `swift build -c release`\n".utf8))
    exit(1)
}

/// Runs `report run` once and returns its wall-clock seconds.
func timeOneRun() throws -> Double {
    let process = Process()
    process.executableURL = report
    process.arguments = ["run", "experiments/adam-vs-sgd", "--output", output.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now()
    try process.run()
    process.waitUntilExit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    guard process.terminationStatus == 0 else {
        throw NSError(domain: "end-to-end-benchmark", code: Int(process.terminationStatus),
                      userInfo: [NSLocalizedDescriptionKey: "report run failed with status \(process.terminationStatus)"])
    }
    return seconds
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

do {
    _ = try timeOneRun()  // warm-up: page cache, fontconfig cache
    var cold: [Double] = []
    var warm: [Double] = []
    for _ in 0..<runs {
        try? FileManager.default.removeItem(at: cache)
        cold.append(try timeOneRun())
        warm.append(try timeOneRun())
    }
    try? FileManager.default.removeItem(at: output)
    print("report run experiments/adam-vs-sgd, \(runs) runs each, medians (peer: \(peerSeconds) s)")
    print("case                      seconds   speed-up vs peer")
    for (name, values) in [("cold (includes swiftc -O)", cold), ("warm (compiled, cached)", warm)] {
        let value = median(values)
        print(name.padding(toLength: 26, withPad: " ", startingAt: 0)
              + String(format: "%7.2f   %6.1f×", value, peerSeconds / value))
    }
} catch {
    FileHandle.standardError.write(Data("end-to-end-benchmark: \(error.localizedDescription)\n".utf8))
    exit(1)
}
