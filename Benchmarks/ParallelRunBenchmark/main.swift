// Parallel-run benchmark: `report run experiments --jobs 2` against `--jobs 1` on the shipped experiments.
//
// Usage: .build/release/parallel-run-benchmark [rounds] [--cold]   (from the package root, after
// `swift build -c release`)
//
// Each run is a new `report` process. Runs with one and two jobs alternate, so that load on this shared machine
// hits both alike, and medians are reported with their ratio. Warm runs reuse the compiled experiments (the
// usual case in a course or CI job after the first run); `--cold` deletes them before every run, so `swiftc -O`
// of all five is included.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let rounds = arguments.compactMap { Int($0) }.first.map { max(1, $0) } ?? 3
let cold = arguments.contains("--cold")
let binDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
let report = binDirectory.appendingPathComponent("report")
let cache = URL(fileURLWithPath: ".build/experiments", isDirectory: true)
let output = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-run-benchmark-\(getpid())")

guard FileManager.default.isExecutableFile(atPath: report.path) else {
    FileHandle.standardError.write(Data("parallel-run-benchmark: \(report.path) is missing; run `swift build -c release`\n".utf8))
    exit(1)
}

/// Runs `report run experiments --jobs <jobs>` once and returns its wall-clock seconds.
func timeOneRun(jobs: Int) throws -> Double {
    if cold { try? FileManager.default.removeItem(at: cache) }
    let process = Process()
    process.executableURL = report
    process.arguments = ["run", "experiments", "--jobs", String(jobs), "--output", output.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now()
    try process.run()
    process.waitUntilExit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    guard process.terminationStatus == 0 else {
        throw NSError(domain: "parallel-run-benchmark", code: Int(process.terminationStatus),
                      userInfo: [NSLocalizedDescriptionKey: "report run failed with status \(process.terminationStatus)"])
    }
    return seconds
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

do {
    if !cold { _ = try timeOneRun(jobs: 2) }  // warm-up: compiles what is not cached yet
    var times: [Int: [Double]] = [1: [], 2: []]
    for round in 0..<rounds {
        // Alternate which goes first, so neither always runs right after the other's page-cache warm-up.
        for jobs in round % 2 == 0 ? [1, 2] : [2, 1] {
            times[jobs]!.append(try timeOneRun(jobs: jobs))
        }
    }
    try? FileManager.default.removeItem(at: output)
    let one = median(times[1]!), two = median(times[2]!)
    print("report run experiments (\(cold ? "cold: swiftc -O included" : "warm: compiled experiments cached")), \(rounds) rounds, medians")
    print(String(format: "--jobs 1  %7.1f s", one))
    print(String(format: "--jobs 2  %7.1f s   ratio %.2f× (jobs 1 / jobs 2)", two, one / two))
} catch {
    FileHandle.standardError.write(Data("parallel-run-benchmark: \(error)\n".utf8))
    exit(1)
}
