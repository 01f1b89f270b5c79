import Report
import ReportRunner
import XCTest

/// How `--set` options become variants, and how shards split the experiments.
final class ParameterSweepTests: XCTestCase {
    func testFixedValuesGiveOneVariantSortedByName() throws {
        let sweep = try ParameterSweep(options: ["epochs=10", "learningRate=0.01"])
        XCTAssertFalse(sweep.isSweep)
        XCTAssertEqual(sweep.variants, [[ParameterSetting(name: "epochs", value: "10"), ParameterSetting(name: "learningRate", value: "0.01")]])
    }

    func testRangesAndListsMultiplyInOrder() throws {
        let sweep = try ParameterSweep(options: ["seed=0...2", "learningRate=0.01,0.1", "epochs=5"])
        XCTAssertTrue(sweep.isSweep)
        XCTAssertEqual(sweep.variants.count, 6)
        XCTAssertEqual(sweep.variants[0].map(\.text), ["epochs=5", "learningRate=0.01", "seed=0"])
        XCTAssertEqual(sweep.variants[1].map(\.text), ["epochs=5", "learningRate=0.1", "seed=0"])
        XCTAssertEqual(sweep.variants[5].map(\.text), ["epochs=5", "learningRate=0.1", "seed=2"])
        XCTAssertEqual(sweep.folderName(of: sweep.variants[5]), "learningRate=0.1,seed=2")
    }

    func testMalformedOptionsAreRejected() {
        for (option, message) in [("seed", "--set needs name=value"), ("=3", "--set needs name=value"),
                                  ("seed=3...1", "the range must run upwards"), ("rate=0.1,,0.2", "empty value")] {
            XCTAssertThrowsError(try ParameterSweep(options: [option]), option) { error in
                XCTAssertTrue("\(error)".contains(message), "\(option): \(error)")
            }
        }
        XCTAssertThrowsError(try ParameterSweep(options: ["seed=1", "seed=2"])) { error in
            XCTAssertTrue("\(error)".contains("--set seed is given twice"), "\(error)")
        }
    }

    func testValuesAreCheckedAgainstTheDeclaredTypes() throws {
        let declared = [
            ParameterDescription(name: "seed", type: "unsigned integer", defaultValue: "0", documentation: "The seed."),
            ParameterDescription(name: "rate", type: "number", defaultValue: "0.1", documentation: "The step."),
            ParameterDescription(name: "shuffle", type: "true or false", defaultValue: "true", documentation: "Shuffle."),
        ]
        XCTAssertNoThrow(try ParameterSweep(options: ["seed=0...3", "rate=1e-3,0.5", "shuffle=no"]).check(against: declared, experiment: "x"))
        XCTAssertThrowsError(try ParameterSweep(options: ["seed=-1"]).check(against: declared, experiment: "x")) { error in
            XCTAssertTrue("\(error)".hasPrefix("parameter 'seed' of 'x' is an unsigned integer, and '-1' is not one. Its parameters:\n  seed "), "\(error)")
        }
        XCTAssertThrowsError(try ParameterSweep(options: ["rate=nan"]).check(against: declared, experiment: "x"))
        XCTAssertThrowsError(try ParameterSweep(options: ["epochs=3"]).check(against: declared, experiment: "x")) { error in
            XCTAssertTrue("\(error)".contains("has no parameter 'epochs'"), "\(error)")
        }
    }

    func testShardsCoverEveryPositionOnce() throws {
        let shards = try (1...3).map { try BatchRunner.Shard(parsing: "\($0)/3") }
        for position in 0..<10 {
            XCTAssertEqual(shards.filter { $0.contains(position: position) }.count, 1)
        }
        XCTAssertEqual((0..<7).filter(shards[1].contains(position:)), [1, 4])
        for bad in ["0/3", "4/3", "1/0", "one/3", "1"] {
            XCTAssertThrowsError(try BatchRunner.Shard(parsing: bad), bad)
        }
    }
}
