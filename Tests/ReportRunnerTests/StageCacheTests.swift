import Foundation
import NeuralNetworks
import Report
import XCTest

/// The stage cache re-runs a stage when any input it depends on changes, and on nothing else.
final class StageCacheTests: XCTestCase {
    private var cacheDirectory: URL!

    override func setUpWithError() throws {
        cacheDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("stage-cache-tests-\(UUID().uuidString)", isDirectory: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: cacheDirectory)
    }

    private func context(code: String = "code-1", library: String = "library-1", machine: String = "machine",
                         gitCommit: String? = "abc", fresh: Bool = false) -> RunContext {
        var context = RunContext(experimentName: "unit", gitCommit: gitCommit, machine: machine)
        context.stageCache = StageCacheSettings(directory: cacheDirectory, codeDigest: code, libraryDigest: library, fresh: fresh)
        return context
    }

    /// Runs one stage that counts its runs and returns the count, in a new `ExperimentRun` (a new process).
    private final class Counter: @unchecked Sendable { var runs = 0 }

    private func runStage(_ context: RunContext, counter: Counter, reading file: URL? = nil) -> Int {
        // Each run stands for a new experiment process, which starts having read nothing.
        InputFileLedger.removeAll()
        let run = ExperimentRun(context: context)
        return run.measure("count") { () -> Int in
            counter.runs += 1
            if let file { _ = InputFileLedger.contents(of: file) }
            return counter.runs
        }
    }

    func testNothingChangedReusesTheResult() {
        let counter = Counter()
        XCTAssertEqual(runStage(context(), counter: counter), 1)
        XCTAssertEqual(runStage(context(), counter: counter), 1, "the second run must come from the cache")
        XCTAssertEqual(counter.runs, 1)
    }

    func testGitCommitAndTimingsDoNotInvalidate() {
        let counter = Counter()
        _ = runStage(context(gitCommit: "abc"), counter: counter)
        var other = context(gitCommit: "def")
        other.includeTimings = true
        other.gitTreeIsDirty = true
        _ = runStage(other, counter: counter)
        XCTAssertEqual(counter.runs, 1)
    }

    func testEachInputKindReRuns() {
        let counter = Counter()
        _ = runStage(context(), counter: counter)
        _ = runStage(context(code: "code-2"), counter: counter)
        XCTAssertEqual(counter.runs, 2, "code change")
        _ = runStage(context(code: "code-2", library: "library-2"), counter: counter)
        XCTAssertEqual(counter.runs, 3, "library rebuild with other content")
        _ = runStage(context(code: "code-2", library: "library-2", machine: "other machine"), counter: counter)
        XCTAssertEqual(counter.runs, 4, "a context parameter")
        _ = runStage(context(code: "code-2", library: "library-2", machine: "other machine"), counter: counter)
        XCTAssertEqual(counter.runs, 4, "unchanged again")
    }

    func testBLASThreadCountReRuns() {
        let counter = Counter()
        let threads = OpenBLAS.threadCount
        defer { OpenBLAS.threadCount = threads }
        OpenBLAS.threadCount = 1
        _ = runStage(context(), counter: counter)
        OpenBLAS.threadCount = 2
        let twoThreads = OpenBLAS.threadCount == 2
        _ = runStage(context(), counter: counter)
        XCTAssertEqual(counter.runs, twoThreads ? 2 : 1)
        OpenBLAS.threadCount = 1
        _ = runStage(context(), counter: counter)
        XCTAssertEqual(counter.runs, twoThreads ? 2 : 1, "back to one thread: the first entry again")
    }

    func testAFileReadDuringTheStageIsChecked() throws {
        let file = cacheDirectory.appendingPathComponent("data.csv")
        try FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        try Data("x,y\n1,2\n".utf8).write(to: file)
        let counter = Counter()
        _ = runStage(context(), counter: counter, reading: file)
        _ = runStage(context(), counter: counter, reading: file)
        XCTAssertEqual(counter.runs, 1)
        try Data("x,y\n1,3\n".utf8).write(to: file)
        _ = runStage(context(), counter: counter, reading: file)
        XCTAssertEqual(counter.runs, 2, "the data file changed")
    }

    func testFreshIgnoresTheCacheButStores() {
        let counter = Counter()
        _ = runStage(context(), counter: counter)
        XCTAssertEqual(runStage(context(fresh: true), counter: counter), 2)
        XCTAssertEqual(runStage(context(), counter: counter), 2, "the fresh result was stored")
    }

    func testCorruptEntriesAreRecomputed() throws {
        let counter = Counter()
        _ = runStage(context(), counter: counter)
        let stages = cacheDirectory.appendingPathComponent("stages")
        let entries = try XCTUnwrap(FileManager.default.subpaths(atPath: stages.path)?.filter { $0.count > 60 })
        XCTAssertEqual(entries.count, 1)
        let entry = stages.appendingPathComponent(entries[0])
        var bytes = try Data(contentsOf: entry)

        // One bit flipped in the payload.
        bytes[bytes.count - 3] ^= 0x04
        try bytes.write(to: entry)
        XCTAssertEqual(runStage(context(), counter: counter), 2, "a bit-flipped entry is recomputed, never decoded")
        XCTAssertEqual(runStage(context(), counter: counter), 2, "and replaced by a sound one")

        // Truncated.
        bytes = try Data(contentsOf: entry)
        try bytes.prefix(bytes.count / 2).write(to: entry)
        XCTAssertEqual(runStage(context(), counter: counter), 3, "a truncated entry is recomputed")
    }

    func testEntryBytesRoundTripExactFloatingPoint() throws {
        let values: [Double] = [.nan, .infinity, -.infinity, -0.0, 0.1, .leastNonzeroMagnitude, 1e308]
        let decoded = try StageValue<[Double]>.decode(StageValue.encode(values))
        XCTAssertEqual(decoded.map(\.bitPattern), values.map(\.bitPattern))
        let floats: [Float] = [.nan, -0.0, 0.1, .greatestFiniteMagnitude]
        XCTAssertEqual(try StageValue<[Float]>.decode(StageValue.encode(floats)).map(\.bitPattern), floats.map(\.bitPattern))
    }

    func testExplanationNamesTheChangedInput() {
        let key = StageKey(components: ["code": "1", "parameter epochs": "10", "BLAS threads": "1"])
        XCTAssertEqual(key.changedInputs(since: ["code": "1", "parameter epochs": "20", "BLAS threads": "1"]), ["parameter epochs"])
        XCTAssertEqual(key.changedInputs(since: ["code": "2", "parameter epochs": "10", "BLAS threads": "2"]),
                       ["BLAS threads", "the experiment's code"])
    }

    func testResultAffectingArgumentsCoverTheContextButNotItsDescription() {
        var context = RunContext(experimentName: "x", sourceDirectory: URL(fileURLWithPath: "/a"), gitCommit: "abc",
                                 gitTreeIsDirty: true, toolVersion: "1", swiftVersion: "6", machine: "m", includeTimings: true)
        context.stageTimings = [StageTiming(name: "compile", seconds: 1)]
        let arguments = context.resultAffectingArguments
        XCTAssertEqual(arguments, ["--experiment-name", "x", "--tool-version", "1", "--swift-version", "6", "--machine", "m"])
        XCTAssertEqual(context.parameterComponents["parameter machine"], "m")
    }
}
