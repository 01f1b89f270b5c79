import Foundation
import XCTest

/// `--set` with a good, an unknown and an ill-typed value, and the parameter help, through the built `report`.
final class ParameterTests: XCTestCase {
    func testSetRecordsTheOverrideAndRejectsUnknownAndIllTypedValues() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write(["experiments/gated/Gated.swift": TinyExperiments.gated], under: root)

        let good = try ReportExecutable.run(["run", "experiments/gated", "--set", "epochs=5", "--set", "loss=0.07"], in: root)
        XCTAssertEqual(good.status, 0, good.standardError)
        let markdown = try String(contentsOf: root.appendingPathComponent("output/gated/report.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("| Parameters set (--set) | epochs=5, loss=0.07 |"), markdown)
        XCTAssertTrue(markdown.contains("| Final loss | 0.07 |"), markdown)
        XCTAssertTrue(markdown.contains("| Epochs | 5 |"), markdown)
        let results = try String(contentsOf: root.appendingPathComponent("output/gated/results.json"), encoding: .utf8)
        XCTAssertTrue(results.contains("\"name\" : \"epochs\""), results)
        let before = try TemporaryFolder.snapshot(of: root.appendingPathComponent("output"))

        let listing = """
              loss    number, default 0.05  The final loss the run reports.
              epochs  integer, default 20   Points of the loss curve.
            """
        let unknown = try ReportExecutable.run(["run", "experiments/gated", "--set", "learningRate=0.1"], in: root)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.standardError.contains("experiment 'gated' has no parameter 'learningRate'. Its parameters:\n" + listing),
                      unknown.standardError)
        let illTyped = try ReportExecutable.run(["run", "experiments/gated", "--set", "epochs=ten"], in: root)
        XCTAssertEqual(illTyped.status, 1)
        XCTAssertTrue(illTyped.standardError.contains("parameter 'epochs' of 'gated' is an integer, and 'ten' is not one. Its parameters:\n" + listing),
                      illTyped.standardError)
        let malformed = try ReportExecutable.run(["run", "experiments/gated", "--set", "epochs"], in: root)
        XCTAssertEqual(malformed.status, 1)
        XCTAssertTrue(malformed.standardError.contains("--set needs name=value"), malformed.standardError)
        // Many experiments: each takes the parameters it declares, and a name none declares stops the run.
        let batch = try ReportExecutable.run(["run", "experiments", "--set", "learningRate=0.1"], in: root)
        XCTAssertEqual(batch.status, 1)
        XCTAssertTrue(batch.standardError.contains("no experiment declares the parameter 'learningRate'. Their parameters:\n  gated: loss (number), epochs (integer)"),
                      batch.standardError)
        XCTAssertEqual(try TemporaryFolder.snapshot(of: root.appendingPathComponent("output")), before)

        let help = try ReportExecutable.run(["help", "experiments/gated"], in: root)
        XCTAssertEqual(help.status, 0, help.standardError)
        XCTAssertEqual(help.standardOutput, """
            gated: Reports the loss its parameter sets, with a gate.

            PARAMETERS (--set name=value; a sweep: --set name=first...last or --set name=a,b,c):
            \(listing)

            """)
        let list = try ReportExecutable.run(["list", "--parameters"], in: root)
        XCTAssertEqual(list.status, 0, list.standardError)
        XCTAssertEqual(list.standardOutput, "gated  Reports the loss its parameter sets, with a gate.\n" + listing + "\n")
    }
}
