import Foundation
import XCTest

/// Issue 11, through the built `report`: every promise the bad-input battery broke — no data lost, no orphan
/// or leftover, messages in release builds, no crash and no silent wrong picture — and, for every deliberately
/// broken run, a previous report that stays byte-identical with no staging folder, process (checked in the
/// process table, as `ps` lists it) or temporary folder left behind.
///
/// One experiment (`Robustness.experiment`) is compiled once and told by `ROBUSTNESS_MODE` which fault to
/// commit, so that each case costs a run, not a compile.
final class RobustnessTests: XCTestCase {
    /// The folder with `experiments/faults/`, shared by the tests (the compiled program is cached per folder).
    private static let root: URL = {
        let root = try! TemporaryFolder.make()
        try! TemporaryFolder.write([
            "experiments/faults/Faults.swift": experimentSource,
            "experiments/faults/notes.md": "# Notes\n",
            "experiments/faults/data.csv": "x1,x2,y\n0,1,1\n1,0,1\n",
            "experiments/faults/fake.png": "not a picture\n",
            "experiments/nomain/NoMain.swift": """
                import ReportKit

                /// Conforms, but nobody marked it @main.
                struct NoMain: Experiment {
                    static func makeDocument(run: ExperimentRun) throws -> Document { Document(title: "x") { Prose("x") } }
                }

                """,
        ], under: root)
        let outside = root.appendingPathComponent("secret.png")
        try! Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(to: outside)
        try! FileManager.default.createSymbolicLink(at: root.appendingPathComponent("experiments/faults/linked.png"),
                                                    withDestinationURL: outside)
        return root
    }()

    /// Runs `report run experiments/faults` in `mode` with a fresh `TMPDIR`, and checks that the run left
    /// no temporary folder there.
    private func runFaults(_ mode: String, output: String, extra: [String] = [], environment: [String: String] = [:],
                           file: StaticString = #filePath, line: UInt = #line) throws -> ReportExecutable.Result {
        let temporary = try TemporaryFolder.make()
        let result = try ReportExecutable.run(
            ["run", "experiments/faults", "--output", output] + extra,
            environment: ["ROBUSTNESS_MODE": mode, "TMPDIR": temporary.path].merging(environment) { $1 }, in: Self.root)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [],
                       "\(mode): temporary folders left behind", file: file, line: line)
        return result
    }

    /// A first good report in `output`, to compare failed runs against.
    private func goodReport(in output: String) throws -> [String: Data] {
        let first = try runFaults("succeed", output: output)
        XCTAssertEqual(first.status, 0, first.standardError)
        return try TemporaryFolder.snapshot(of: Self.root.appendingPathComponent(output))
    }

    /// The checks of "Done when": `output/` byte-identical, only `faults/` in it, no process of the run alive.
    private func assertLeftNothing(_ output: String, before: [String: Data], _ context: String,
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = Self.root.appendingPathComponent(output)
        XCTAssertEqual(try TemporaryFolder.snapshot(of: folder), before, "\(context): output changed", file: file, line: line)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["faults"],
                       "\(context): staging folder left", file: file, line: line)
        XCTAssertEqual(try Self.processes(mentioning: folder.path), [], "\(context): process left", file: file, line: line)
    }

    /// "pid command line" of running processes that mention `text` (the experiment gets `--output <staging>`),
    /// read from /proc as `ps -eo pid,args` shows them (a minimal Debian has no `ps`).
    static func processes(mentioning text: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { Int32($0) != nil }
        return names.compactMap { pid -> String? in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return nil }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            return arguments.contains(text) ? "\(pid) \(arguments)" : nil
        }.sorted()
    }

    // MARK: - Data loss

    func testOutputFolderThatIsTheExperimentIsRefused() throws {
        let sources = try TemporaryFolder.snapshot(of: Self.root.appendingPathComponent("experiments"))
        for output in ["experiments", "experiments/faults", "experiments/faults/out"] {
            let result = try runFaults("succeed", output: output)
            XCTAssertEqual(result.status, 1, output)
            XCTAssertTrue(result.standardError.contains("report: error: refusing to write"), result.standardError)
            XCTAssertTrue(result.standardError.contains("choose another --output"), result.standardError)
        }
        XCTAssertEqual(try TemporaryFolder.snapshot(of: Self.root.appendingPathComponent("experiments")), sources)
    }

    func testFolderNotWrittenByReportIsNotReplaced() throws {
        try TemporaryFolder.write(["mine/faults/thesis.tex": "\\documentclass{article}\n"], under: Self.root)
        let before = try TemporaryFolder.snapshot(of: Self.root.appendingPathComponent("mine"))
        let result = try runFaults("succeed", output: "mine")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardError.contains("report: error: refusing to replace mine/faults: it was not written by report"), result.standardError)
        XCTAssertEqual(try TemporaryFolder.snapshot(of: Self.root.appendingPathComponent("mine")), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("mine").path), ["faults"])

        // A folder report wrote is marked, and replaced on the next run.
        let report = try goodReport(in: "marked")
        XCTAssertNotNil(report["faults/.written-by-report"])
        XCTAssertEqual(try runFaults("succeed", output: "marked").status, 0)
    }

    func testOutputProblemsAreOneErrorLine() throws {
        try TemporaryFolder.write(["plain-file": "x\n"], under: Self.root)
        for output in ["plain-file", "plain-file/sub"] {
            let result = try runFaults("succeed", output: output)
            XCTAssertEqual(result.status, 1)
            let lines = result.standardError.split(separator: "\n").filter { !$0.hasPrefix("report: compiled") }
            XCTAssertEqual(lines.count, 1, result.standardError)
            XCTAssertTrue(lines.first?.hasPrefix("report: error: ") == true, result.standardError)
            XCTAssertFalse(result.standardError.contains("NSCocoaErrorDomain"), result.standardError)
        }
    }

    // MARK: - Orphans and leftovers

    func testSignalsStopTheExperimentAndLeaveNothing() throws {
        let before = try goodReport(in: "signals")
        for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, 143)] {
            let temporary = try TemporaryFolder.make()
            let process = try Self.startReport(mode: "loop", output: "signals", temporary: temporary)
            try Self.waitForExperiment(under: Self.root.appendingPathComponent("signals").path)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, status)
            try assertLeftNothing("signals", before: before, "signal \(signal)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [])
        }

        // SIGKILL gives report no chance: the experiment ends with it, and the next run removes its staging folder.
        let process = try Self.startReport(mode: "loop", output: "signals", temporary: try TemporaryFolder.make())
        try Self.waitForExperiment(under: Self.root.appendingPathComponent("signals").path)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        for _ in 0..<50 where try !Self.processes(mentioning: Self.root.appendingPathComponent("signals").path).isEmpty {
            usleep(100_000)
        }
        XCTAssertEqual(try Self.processes(mentioning: Self.root.appendingPathComponent("signals").path), [], "orphan")
        XCTAssertEqual(try runFaults("fail", output: "signals").status, 1)
        try assertLeftNothing("signals", before: before, "after SIGKILL")
    }

    func testTimeoutStopsARunawayExperiment() throws {
        let before = try goodReport(in: "timeout")
        let result = try runFaults("loop", output: "timeout", extra: ["--timeout", "2s"])
        XCTAssertEqual(result.status, 124)
        XCTAssertTrue(result.standardError.contains("experiment 'faults' did not finish within 2 s (--timeout 2) and was stopped"), result.standardError)
        try assertLeftNothing("timeout", before: before, "timeout")
    }

    func testSignalToTheExperimentIsNotCalledACrash() throws {
        let before = try goodReport(in: "child-signal")
        let folder = Self.root.appendingPathComponent("child-signal").path
        let errors = try TemporaryFolder.make().appendingPathComponent("stderr")
        let process = try Self.startReport(mode: "loop", output: "child-signal", temporary: try TemporaryFolder.make(), errorFile: errors)
        let child = try Self.waitForExperiment(under: folder)
        kill(child, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        let message = try String(contentsOf: errors, encoding: .utf8)
        XCTAssertTrue(message.contains("experiment 'faults' failed (was stopped by SIGKILL (killed), sent from outside"), message)
        XCTAssertFalse(message.contains("crashed"), message)
        try assertLeftNothing("child-signal", before: before, "child killed")
    }

    // MARK: - Messages that vanish in release builds; crashes

    func testLibraryMistakesAreNamedWithTheUsersLine() throws {
        let before = try goodReport(in: "named")
        let expectations = [
            "shapes": "layer 2 (Dense 5→1, identity) takes 5 inputs but layer 1 (Dense 3→4, tanh) gives 4",
            "input-width": "the training set has 3 input columns but layer 1 (Dense 2→1, identity) takes 2 inputs",
            "empty-set": "the training set is empty",
            "batch-zero": "the mini-batch size must be at least 1, got 0",
            "csv-no-input": "data.csv: no input columns were chosen",
            "csv-nul": "data.csv:2:2: control character NUL",
            "index": "(an index out of range?)",
            "mismatch": "series \"loss\" has 3 x values, 2 y values",
        ]
        for (mode, expected) in expectations.sorted(by: { $0.key < $1.key }) {
            let result = try runFaults(mode, output: "named")
            XCTAssertEqual(result.status, 1, mode)
            XCTAssertTrue(result.standardError.contains(expected), "\(mode): \(result.standardError)")
            XCTAssertFalse(result.standardError.contains("the program crashed"), mode)
            if ["shapes", "input-width", "empty-set", "batch-zero", "index"].contains(mode) {
                // The reason first, then the user's own file and line, then the backtrace.
                let lines = result.standardError.components(separatedBy: "\n")
                guard let reason = lines.firstIndex(where: { $0.hasPrefix("report: error: ") }) else {
                    XCTFail("\(mode): no error line: \(result.standardError)")
                    continue
                }
                XCTAssertTrue(lines[reason + 1].hasPrefix("  at experiments/faults/Faults.swift"), "\(mode): \(result.standardError)")
                if mode == "index" || mode == "empty-set" {
                    XCTAssertTrue(lines[reason + 1].hasPrefix("  at experiments/faults/Faults.swift:"), "\(mode): \(result.standardError)")
                }
                XCTAssertTrue(lines.dropFirst(reason).contains("backtrace of the crashed thread:"), mode)
            }
            try assertLeftNothing("named", before: before, mode)
        }
    }

    func testFolderWithoutMainGetsThatSentence() throws {
        let result = try ReportExecutable.run(["run", "experiments/nomain", "--output", "nomain-out"], in: Self.root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardError.contains("experiments/nomain has no @main Experiment type"), result.standardError)
        XCTAssertFalse(result.standardError.contains("undefined reference"), result.standardError)
    }

    // MARK: - Data that used to crash or draw nothing

    func testHardDataDrawsAndDivergenceIsSaid() throws {
        let result = try runFaults("succeed", output: "drawn")
        XCTAssertEqual(result.status, 0, result.standardError)
        let markdown = try String(contentsOf: Self.root.appendingPathComponent("drawn/faults/report.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("The run diverged at epoch 1 (step 1): a parameter became NaN or infinite."), markdown)
        XCTAssertTrue(markdown.contains("The run trained all 5 epochs; the final training loss is"), markdown)
        for figure in ["near-overflow", "broken-series", "diverged", "single-point", "constant", "log-non-positive"] {
            let png = try Data(contentsOf: Self.root.appendingPathComponent("drawn/faults/figures/\(figure).png"))
            XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], figure)
        }
        // The appendix says how many BLAS threads computed the numbers.
        XCTAssertTrue(markdown.contains("OpenBLAS"), markdown)
        XCTAssertTrue(markdown.contains(", 1 thread"), markdown)
        let twoThreads = try runFaults("succeed", output: "drawn-2", environment: ["OPENBLAS_NUM_THREADS": "2"])
        XCTAssertEqual(twoThreads.status, 0, twoThreads.standardError)
        let other = try String(contentsOf: Self.root.appendingPathComponent("drawn-2/faults/report.md"), encoding: .utf8)
        XCTAssertTrue(other.contains(", 2 threads"), other)
    }

    func testMissingFontIsAWarningAndAnErrorUnderStrict() throws {
        // A fontconfig that knows only DejaVu: the Chinese title has no font.
        let fonts = Self.root.appendingPathComponent("fonts.conf")
        try """
            <?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>\(Self.root.path)/font-cache</cachedir></fontconfig>
            """.write(to: fonts, atomically: true, encoding: .utf8)
        let hidden = ["FONTCONFIG_FILE": fonts.path, "CI": "false"]
        let warned = try runFaults("chinese", output: "fonts", extra: ["--no-strict"], environment: hidden)
        XCTAssertEqual(warned.status, 0, warned.standardError)
        XCTAssertTrue(warned.standardError.contains("report: warning: font \"Noto Sans CJK SC\" is missing or lacks"), warned.standardError)
        XCTAssertTrue(warned.standardError.contains("失损"), warned.standardError)  // sorted: figures render concurrently
        let before = try TemporaryFolder.snapshot(of: Self.root.appendingPathComponent("fonts"))
        let strict = try runFaults("chinese", output: "fonts", extra: ["--strict"], environment: hidden)
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.standardError.contains("(an error under --strict)"), strict.standardError)
        try assertLeftNothing("fonts", before: before, "strict font")
    }

    // MARK: - CSV and inputs from outside

    func testBadFilesAreRefusedByName() throws {
        let before = try goodReport(in: "inputs")
        let expectations = [
            "csv-gbk": "data.csv:1:1: the file is not UTF-8; it looks like GBK (GB18030), as Excel saves CSV on Chinese Windows. Convert it with: iconv -f GB18030 -t UTF-8",
            "image-link": "image 'linked.png' is outside the experiment folder (it is a link to",
            "image-fake": "image 'fake.png' is named .png but its contents are not a PNG image",
        ]
        for (mode, expected) in expectations.sorted(by: { $0.key < $1.key }) {
            let result = try runFaults(mode, output: "inputs")
            XCTAssertEqual(result.status, 1, mode)
            XCTAssertTrue(result.standardError.contains(expected), "\(mode): \(result.standardError)")
            try assertLeftNothing("inputs", before: before, mode)
        }
    }

    // MARK: - Helpers

    /// Starts `report run` without waiting for it.
    static func startReport(mode: String, output: String, temporary: URL, errorFile: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = ReportExecutable.path
        process.arguments = ["run", "experiments/faults", "--output", output]
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(["ROBUSTNESS_MODE": mode, "TMPDIR": temporary.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        if let errorFile {
            _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errorFile)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until the experiment runs (its command line names a staging folder under `folder`); its pid.
    @discardableResult
    static func waitForExperiment(under folder: String) throws -> Int32 {
        for _ in 0..<600 {
            if let line = try processes(mentioning: folder + "/.faults.staging-").first,
               let pid = Int32(line.split(separator: " ").first ?? "") {
                usleep(200_000)
                return pid
            }
            usleep(100_000)
        }
        throw ReportFailureInTest("the experiment did not start within a minute")
    }

    struct ReportFailureInTest: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Commits the fault `ROBUSTNESS_MODE` names; "succeed" draws the figures that used to crash or show nothing.
    static let experimentSource = #"""
        import Foundation
        import ReportKit

        /// Commits one fault at a time, as ROBUSTNESS_MODE says.
        @main
        struct Faults: Experiment {
            static func makeDocument(run: ExperimentRun) throws -> Document {
                let mode = ProcessInfo.processInfo.environment["ROBUSTNESS_MODE"] ?? "succeed"
                var generator = SeededRandomNumberGenerator(seed: 1)
                switch mode {
                case "fail":
                    throw ReportError("failing on purpose")
                case "loop":
                    while true { usleep(10_000) }
                case "shapes":
                    let network = Sequential<Float> {
                        Dense(inputSize: 3, outputSize: 4, activation: .tanh, generator: &generator)
                        Dense(inputSize: 5, outputSize: 1, generator: &generator)
                    }
                    return Document(title: "x") { Prose("\(network.inputSize)") }
                case "input-width", "empty-set":
                    var network = Sequential<Float> { Dense(inputSize: 2, outputSize: 1, generator: &generator) }
                    let rows = mode == "empty-set" ? 0 : 4
                    let width = mode == "empty-set" ? 2 : 3
                    let data = Dataset<Float>(inputs: Matrix(rows: rows, columns: width, storage: Array(repeating: 0.5, count: rows * width)),
                                              targets: Matrix(rows: rows, columns: 1, storage: Array(repeating: 1, count: rows)))
                    network.train(on: data, optimizer: SGD<Float>(learningRate: 0.1),
                                  configuration: TrainingConfiguration(epochs: 1, batchSize: 2, loss: .meanSquaredError))
                    return Document(title: "x") { Prose("trained") }
                case "batch-zero":
                    let configuration = TrainingConfiguration(epochs: 1, batchSize: mode.count - 10, loss: .meanSquaredError)
                    return Document(title: "x") { Prose("\(configuration.batchSize)") }
                case "index":
                    let values = [1, 2, 3]
                    return Document(title: "x") { Prose("\(values[values.count + mode.count])") }
                case "csv-no-input", "csv-nul", "csv-gbk":
                    let bytes: [UInt8] = mode == "csv-nul" ? Array("x1,x2,y\n1\u{0}2,3,4\n".utf8)
                        : mode == "csv-gbk" ? [0xC3, 0xE6, 0xBB, 0xFD] + Array(",x2,y\n1,2,3\n".utf8) : Array("x1,x2,y\n1,2,3\n".utf8)
                    let url = URL(fileURLWithPath: "data.csv")
                    let data = try Dataset<Float>(csvData: Data(bytes), fileName: url.relativePath,
                                                  inputColumns: mode == "csv-no-input" ? [] : ["x1"], targetColumns: ["y"])
                    return Document(title: "x") { Prose("\(data.count)") }
                case "mismatch":
                    let figure = Figure(width: 400, height: 300)
                    figure.axes.plot([1, 2, 3], [1, 2], label: "loss")
                    return Document(title: "x") { FigureBlock(name: "mismatch", caption: "Lengths differ.", figure) }
                case "image-link", "image-fake":
                    let name = mode == "image-link" ? "linked.png" : "fake.png"
                    return Document(title: "x") { Prose("![picture](\(name))") }
                case "chinese":
                    return Document(title: "x") {
                        FigureBlock(name: "chinese", caption: "Chinese title.",
                                    Figure.lossCurves([LossCurve(name: "训练", y: [3, 2, 1])], title: "损失曲线"))
                    }
                default:
                    break
                }
                // SGD with learning rate 10³⁸ on a linear regression overflows its weight in the first step.
                var network = Sequential<Float> { Dense(inputSize: 1, outputSize: 1, generator: &generator) }
                let data = Dataset<Float>(inputs: Matrix(rows: 4, columns: 1, storage: [1, 2, 3, 4]),
                                          targets: Matrix(rows: 4, columns: 1, storage: [2, 4, 6, 8]))
                let configuration = TrainingConfiguration(epochs: 5, batchSize: 4, loss: .meanSquaredError)
                var steady = network
                let diverged = network.train(on: data, optimizer: SGD<Float>(learningRate: 1e38), configuration: configuration)
                let converged = steady.train(on: data, optimizer: SGD<Float>(learningRate: 0.01), configuration: configuration)
                let nearOverflow = Figure.lossCurves([LossCurve(name: "huge", y: [1, 1e100, 1e300, 1.7e308])], logarithmic: true)
                let broken = Figure(width: 400, height: 300)
                broken.axes.plot([0, 1, 2, 3, 4, 5], [1, .nan, 3, .infinity, -.infinity, 2], label: "broken")
                let single = Figure(width: 400, height: 300)
                single.axes.plot([1], [1], label: "one")
                let constant = Figure(width: 400, height: 300)
                constant.axes.plot([0, 1, 2], [5, 5, 5], label: "flat")
                let logNonPositive = Figure.lossCurves([LossCurve(name: "with zeros", y: [1, 0, -1, 0.1, 0.01])], logarithmic: true)
                let divergedFigure = Figure.lossCurves([
                    .trainingLoss(of: converged, name: "SGD 0.01"),
                    .trainingLoss(of: diverged, name: "SGD 1e38"),
                ], logarithmic: true)
                return Document(title: "Faults", seed: 1) {
                    Prose(diverged.outcomeSentence(language: .english))
                    Prose(converged.outcomeSentence(language: .english))
                    FigureBlock(name: "near-overflow", caption: "Values near the largest double.", nearOverflow)
                    FigureBlock(name: "broken-series", caption: "NaN and infinities break the line.", broken)
                    FigureBlock(name: "single-point", caption: "One point.", single)
                    FigureBlock(name: "constant", caption: "Constant.", constant)
                    FigureBlock(name: "log-non-positive", caption: "Zeros on a log axis.", logNonPositive)
                    FigureBlock(name: "diverged", caption: "A diverged run.", divergedFigure)
                }
            }
        }

        """#
}
