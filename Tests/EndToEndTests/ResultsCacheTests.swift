import Foundation
import XCTest

/// The results cache through the built `report`: which edits re-run which stages (`--explain`), a corrupt
/// entry, and byte-identical output cached or fresh.
final class ResultsCacheTests: XCTestCase {
    /// A small experiment with every input kind: Swift code and prose, a data file read in a stage, included
    /// Markdown with an image, a trained network drawn from a cached grid.
    static let experiment = #"""
        import ReportKit

        /// A tiny cached experiment.
        @main
        struct Tiny: Experiment {
            static let epochs = 3
            static let names = ["first run"]

            static func makeDocument(run: ExperimentRun) throws -> Document {
                let folder = run.context.sourceDirectory!
                // Before the stage that reads the data: a stage's key holds every file read before it began.
                let squares = run.measure("squares") { (1...epochs).map { Double($0 * $0) } }
                let data = run.measure("load and train") { () -> TrainedGrid in
                    let points = try! Dataset<Float>(csvFile: folder.appendingPathComponent("points.csv"),
                                                     inputColumns: ["x", "y"], targetColumns: ["label"])
                    var network = Sequential<Float>.multilayerPerceptron(sizes: [2, 4, 1], hiddenActivation: .tanh, seed: 1)
                    let history = network.train(on: points, optimizer: Adam<Float>(learningRate: 0.01),
                                                configuration: TrainingConfiguration(epochs: epochs, batchSize: 4,
                                                                                     loss: .binaryCrossEntropyWithLogits, shuffleSeed: 1))
                    let grid = ScalarGrid(xRange: -1...1, yRange: -1...1, columns: 20, rows: 20) { network.logisticProbabilities(at: $0) }
                    return TrainedGrid(name: names[0], loss: history.epochs.last!.trainingLoss, grid: grid)
                }
                return Document(title: "Tiny", language: .english, seed: 1) {
                    Prose("The final loss is \(String(format: "%.6f", data.loss)) after the \(data.name); squares \(squares).")
                    FigureBlock(name: "boundary", caption: "The boundary.",
                                Figure.decisionBoundaries([.init(title: data.name, probabilities: data.grid)],
                                                          points: [SIMD2(0, 0)], labels: [1], xRange: -1...1, yRange: -1...1))
                    Include("notes.md")
                }
            }
        }

        struct TrainedGrid: Codable {
            var name: String
            var loss: Double
            var grid: ScalarGrid
        }

        """#

    static let points = "x,y,label\n0.1,0.2,1\n-0.5,0.3,0\n0.7,-0.2,1\n-0.3,-0.8,0\n"

    private var root: URL!
    private var cache: URL { root.appendingPathComponent("cache") }
    private var output: URL { root.appendingPathComponent("output") }
    private var folder: URL { root.appendingPathComponent("experiments/tiny") }

    override func setUpWithError() throws {
        root = try TemporaryFolder.make()
        try TemporaryFolder.write([
            "experiments/tiny/Tiny.swift": Self.experiment,
            "experiments/tiny/points.csv": Self.points,
            "experiments/tiny/notes.md": "Some notes with a picture: ![plot](plot.png)\n",
        ], under: root)
        try Self.png(gray: 10).write(to: folder.appendingPathComponent("plot.png"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// A 1 × 1 grey PNG (zlib stored block), so the test can change an image's bytes.
    static func png(gray: UInt8) -> Data {
        func crc(_ bytes: [UInt8]) -> UInt32 {
            var value: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                value ^= UInt32(byte)
                for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1 }
            }
            return ~value
        }
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + body
            let length = UInt32(body.count), check = crc(typed)
            return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) } + typed
                + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: check >> $0) }
        }
        let raw: [UInt8] = [0, gray]
        var adler: (UInt32, UInt32) = (1, 0)
        for byte in raw { adler.0 = (adler.0 + UInt32(byte)) % 65521; adler.1 = (adler.1 + adler.0) % 65521 }
        let adlerValue = adler.1 << 16 | adler.0
        let zlib: [UInt8] = [0x78, 0x01, 0x01, 2, 0, 0xFD, 0xFF] + raw + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: adlerValue >> $0) }
        let header: [UInt8] = [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", []))
    }

    @discardableResult
    private func runTiny(_ extra: [String] = [], environment: [String: String] = [:]) throws -> String {
        let result = try ReportExecutable.run(
            ["run", "experiments/tiny", "--output", output.path, "--cache-directory", cache.path, "--explain"] + extra,
            environment: environment, in: root
        )
        XCTAssertEqual(result.status, 0, result.standardError)
        return result.standardError
    }

    private func edit(_ name: String, _ old: String, _ new: String) throws {
        let file = folder.appendingPathComponent(name)
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(name) must contain \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    func testEachInputReRunsWhatDependsOnItAndNothingElse() throws {
        var log = try runTiny()
        XCTAssertTrue(log.contains("load and train (") && log.contains("re-ran because it had not run before"), log)

        log = try runTiny()
        XCTAssertTrue(log.contains("tiny is up to date"), log)
        XCTAssertTrue(log.contains("load and train: cached") && log.contains("squares: cached"), log)

        // Prose: recompiled, nothing retrained.
        try edit("Tiny.swift", "The final loss is", "The last loss is")
        log = try runTiny()
        XCTAssertTrue(log.contains("compiled tiny in"), log)
        XCTAssertTrue(log.contains("load and train: cached") && log.contains("squares: cached"), log)
        XCTAssertTrue(try String(contentsOf: output.appendingPathComponent("tiny/report.md"), encoding: .utf8).contains("The last loss is"))

        // Code: both stages depend on it.
        try edit("Tiny.swift", "static let epochs = 3", "static let epochs = 4")
        log = try runTiny()
        XCTAssertTrue(log.contains("load and train (") && log.contains("re-ran because the experiment's code changed"), log)

        // A string a stage reads is code, not prose.
        try edit("Tiny.swift", "[\"first run\"]", "[\"second run\"]")
        log = try runTiny()
        XCTAssertTrue(log.contains("re-ran because the experiment's code changed"), log)
        XCTAssertTrue(try String(contentsOf: output.appendingPathComponent("tiny/report.md"), encoding: .utf8).contains("after the second run"))

        // The data file: the stage that read it (and any after it), not the one before.
        try edit("points.csv", "0.1,0.2,1", "0.15,0.2,1")
        log = try runTiny()
        XCTAssertTrue(log.contains("re-ran because file") && log.contains("points.csv changed"), log)
        XCTAssertTrue(log.contains("squares: cached"), log)

        // Included Markdown and an image: read when the report is written, so no stage re-runs.
        try edit("notes.md", "Some notes", "Other notes")
        log = try runTiny()
        XCTAssertFalse(log.contains("up to date"), log)
        XCTAssertTrue(log.contains("compiled tiny (cached)") && log.contains("load and train: cached"), log)
        try Self.png(gray: 200).write(to: folder.appendingPathComponent("plot.png"))
        log = try runTiny()
        XCTAssertFalse(log.contains("up to date"), log)
        XCTAssertTrue(log.contains("load and train: cached") && log.contains("squares: cached"), log)

        // BLAS threads.
        log = try runTiny(environment: ["OPENBLAS_NUM_THREADS": "2"])
        if ProcessInfo.processInfo.activeProcessorCount > 1 {
            // The appendix's machine line names the thread count too, so that parameter changes with it.
            XCTAssertTrue(log.contains("re-ran because BLAS threads"), log)
        }

        // --fresh.
        log = try runTiny(["--fresh"])
        XCTAssertTrue(log.contains("re-ran because --fresh was given"), log)
    }

    func testCorruptEntryIsRecomputed() throws {
        try runTiny()
        let stages = cache.appendingPathComponent("stages")
        let entries = try XCTUnwrap(FileManager.default.subpaths(atPath: stages.path)).filter { $0.count > 60 }
        XCTAssertEqual(entries.count, 2)
        for entry in entries {
            let file = stages.appendingPathComponent(entry)
            var bytes = try Data(contentsOf: file)
            bytes[bytes.count / 2 + 40] ^= 0x10
            try bytes.write(to: file)
        }
        try FileManager.default.removeItem(at: cache.appendingPathComponent("runs"))
        let log = try runTiny()
        XCTAssertTrue(log.contains("re-ran because its cache entry was corrupt"), log)
        XCTAssertFalse(log.contains(": cached"), log)
    }

    func testCachedAndFreshOutputsAreByteIdentical() throws {
        try runTiny(["--fresh"])
        let fresh = try TemporaryFolder.snapshot(of: output.appendingPathComponent("tiny"))
        try FileManager.default.removeItem(at: cache.appendingPathComponent("runs"))
        try FileManager.default.removeItem(at: output)
        let log = try runTiny()
        XCTAssertTrue(log.contains("load and train: cached") && log.contains("squares: cached"), log)
        let cached = try TemporaryFolder.snapshot(of: output.appendingPathComponent("tiny"))
        XCTAssertEqual(Set(cached.keys), Set(fresh.keys))
        XCTAssertFalse(fresh.isEmpty)
        for (path, data) in fresh {
            XCTAssertEqual(cached[path], data, "\(path) differs between the fresh and the cached run")
        }
    }

    func testAStageThatChangesCapturedStateDoesNotCompile() throws {
        try TemporaryFolder.write(["experiments/tiny/Tiny.swift": """
            import ReportKit

            /// Trains a captured network: the cache could not restore that.
            @main
            struct Tiny: Experiment {
                static func makeDocument(run: ExperimentRun) throws -> Document {
                    var total = 0.0
                    let value = run.measure("add") { () -> Double in total += 1; return total }
                    return Document(title: "x", language: .english, seed: 1) { Prose("\\(value)") }
                }
            }

            """], under: root)
        let result = try ReportExecutable.run(["run", "experiments/tiny", "--output", output.path, "--cache-directory", cache.path], in: root)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.standardError.contains("Tiny.swift:8:") && result.standardError.contains("captured var"), result.standardError)
    }
}
