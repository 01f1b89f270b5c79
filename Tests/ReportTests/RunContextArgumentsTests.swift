import Foundation
import Report
import XCTest

/// The parameters and sweep variants survive the trip through the experiment's command line.
final class RunContextArgumentsTests: XCTestCase {
    func testParametersAndSweepVariantsRoundTrip() throws {
        var context = RunContext(experimentName: "x", gitCommit: "abc", toolVersion: "1", swiftVersion: "6", machine: "m")
        context.parameters = [ParameterSetting(name: "epochs", value: "10"), ParameterSetting(name: "rate", value: "0.1")]
        context.sweepVariants = ["variants/seed=1"]
        let (parsed, output) = try RunContext.parse(["--output", "/tmp/out"] + context.commandLineArguments)
        XCTAssertEqual(parsed, context)
        XCTAssertEqual(output.path, "/tmp/out")
    }

    func testSetKeepsTheLastValueOfANameAndSortsByName() throws {
        let (parsed, _) = try RunContext.parse(["--output", "/tmp/o", "--set", "seed=2", "--set", "epochs=3", "--set", "seed=4"])
        XCTAssertEqual(parsed.parameters.map(\.text), ["epochs=3", "seed=4"])
        XCTAssertThrowsError(try RunContext.parse(["--output", "/tmp/o", "--set", "seed"]))
    }

    func testParameterValuesReadBackTheirOwnText() {
        XCTAssertEqual(Double(parameterText: "0.1")?.parameterText, "0.1")
        XCTAssertNil(Double(parameterText: "inf"))
        XCTAssertEqual(UInt64(parameterText: "7"), 7)
        XCTAssertNil(Int(parameterText: "7.5"))
        XCTAssertEqual(Bool(parameterText: "yes"), true)
        let epochs = Parameter("epochs", default: 50, "Training epochs.")
        XCTAssertEqual(epochs.description, ParameterDescription(name: "epochs", type: "integer", defaultValue: "50", documentation: "Training epochs."))
        XCTAssertTrue(epochs.accepts("12"))
        XCTAssertFalse(epochs.accepts("twelve"))
    }

    /// A results cache keys on the context's options, so an override must change them (and the order in which
    /// the user typed `--set` must not).
    func testAnOverrideChangesTheOptionsACacheKeysOn() throws {
        let plain = RunContext(experimentName: "x")
        let (first, _) = try RunContext.parse(["--output", "/o", "--set", "epochs=10", "--set", "rate=0.1"])
        let (reordered, _) = try RunContext.parse(["--output", "/o", "--set", "rate=0.1", "--set", "epochs=10"])
        let (other, _) = try RunContext.parse(["--output", "/o", "--set", "epochs=11", "--set", "rate=0.1"])
        var withFirst = plain
        withFirst.parameters = first.parameters
        var withReordered = plain
        withReordered.parameters = reordered.parameters
        var withOther = plain
        withOther.parameters = other.parameters
        XCTAssertNotEqual(withFirst.commandLineArguments, plain.commandLineArguments)
        XCTAssertNotEqual(withFirst.commandLineArguments, withOther.commandLineArguments)
        XCTAssertEqual(withFirst.commandLineArguments, withReordered.commandLineArguments)
    }
}
