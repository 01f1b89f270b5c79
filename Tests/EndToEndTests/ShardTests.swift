import Foundation
import XCTest

/// Three shards merged give, byte for byte, the output folder of one full run, a missed gate included.
final class ShardTests: XCTestCase {
    func testThreeShardsMergedEqualOneFullRun() throws {
        let root = try TemporaryFolder.make()
        var files: [String: String] = ["experiments/gated/Gated.swift": TinyExperiments.gated]
        for name in ["alpha", "beta", "gamma", "delta"] {
            files["experiments/\(name)/Note.swift"] = TinyExperiments.note(name.capitalized)
        }
        try TemporaryFolder.write(files, under: root)
        // `gated` misses its gate with this loss; the notes do not declare it and run as they are.
        let full = try ReportExecutable.run(["run", "experiments", "--output", "full", "--set", "loss=0.5"], in: root)
        XCTAssertEqual(full.status, 1, full.standardError)

        var shardNames: [Set<String>] = []
        for index in 1...3 {
            let shard = try ReportExecutable.run(["run", "experiments", "--shard", "\(index)/3", "--output", "shard\(index)",
                                                  "--set", "loss=0.5"], in: root)
            XCTAssertEqual(shard.status, index == 2 ? 1 : 0, shard.standardError)
            let summary = try String(contentsOf: root.appendingPathComponent("shard\(index)/summary.json"), encoding: .utf8)
            XCTAssertTrue(summary.contains("\"shard\" : \"\(index)/3\""), summary)
            shardNames.append(Set(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("shard\(index)").path)
                .filter { !["index.html", "summary.json", "summary.md"].contains($0) }))
        }
        // Sorted names alpha, beta, delta, gamma, gated: shard 1 takes positions 0 and 3, and so on.
        XCTAssertEqual(shardNames, [["alpha", "gamma"], ["beta", "gated.failed"], ["delta"]])

        let merge = try ReportExecutable.run(["merge", "shard1", "shard2", "shard3", "--output", "merged"], in: root)
        XCTAssertEqual(merge.status, 1, "the merged run has a failed gate")
        XCTAssertTrue(merge.standardError.contains("1 of 5 experiments failed"), merge.standardError)
        let expected = try TemporaryFolder.snapshot(of: root.appendingPathComponent("full"))
        let merged = try TemporaryFolder.snapshot(of: root.appendingPathComponent("merged"))
        XCTAssertEqual(Set(merged.keys), Set(expected.keys))
        for name in expected.keys.sorted() {
            XCTAssertEqual(merged[name], expected[name], "\(name) differs between the merge and the full run")
        }

        let twice = try ReportExecutable.run(["merge", "shard1", "shard1", "--output", "bad"], in: root)
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.standardError.contains("experiment 'alpha' is in both shard1 and shard1"), twice.standardError)
        let badShard = try ReportExecutable.run(["run", "experiments", "--shard", "4/3"], in: root)
        XCTAssertEqual(badShard.status, 1)
        XCTAssertTrue(badShard.standardError.contains("--shard needs I/N with 1 ≤ I ≤ N"), badShard.standardError)
    }
}
