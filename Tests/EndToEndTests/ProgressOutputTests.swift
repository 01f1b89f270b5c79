import Foundation
import XCTest

/// What `report run` prints while it works: a live line on a terminal, plain lines in CI.
final class ProgressOutputTests: XCTestCase {
    private let erase = "\r\u{1B}[2K"

    func testOnATerminalTheLiveLineIsRedrawnInPlaceWithTheEpochBar() throws {
        let output = try TemporaryFolder.make()
        let run = try PseudoTerminal.run(["run", ProgressFixture.experiment.path, "--output", output.path],
                                         environment: ["TERM": "xterm-256color", "NO_COLOR": "1"], in: ProgressFixture.root)
        XCTAssertEqual(run.status, 0, run.transcript)
        let transcript = run.transcript
        // Redrawn in place: carriage return and erase-line, never a newline per update.
        XCTAssertTrue(transcript.contains(" compiling trainer…"), transcript)
        let epochLines = transcript.components(separatedBy: erase).filter { $0.contains(" train  [") }
        XCTAssertGreaterThan(epochLines.count, 1, "the training bar is drawn more than once:\n\(transcript)")
        for line in epochLines {
            XCTAssertFalse(line.contains("\n"), "a live line ends without a newline: \(line.debugDescription)")
            XCTAssertNotNil(line.range(of: #"train  \[[█░]{20,30}\]  epoch \d+/600"#, options: .regularExpression), line)
            XCTAssertLessThanOrEqual(line.count, 79, "fits the pseudo-terminal's width")
        }
        let shownEpochs = epochLines.compactMap { line -> Int? in
            guard let range = line.range(of: #"epoch \d+/600"#, options: .regularExpression) else { return nil }
            return Int(line[range].dropFirst(6).prefix { $0 != "/" })
        }
        XCTAssertEqual(shownEpochs, shownEpochs.sorted(), "epochs only go forward")
        XCTAssertTrue(epochLines.contains { $0.range(of: #"epoch [1-9]\d*/600  loss \d\.\d+  ETA \d+ s$"#, options: .regularExpression) != nil },
                      transcript)
        // Each stage is replaced by its kept line when it ends; NO_COLOR keeps SGR colour codes out.
        XCTAssertTrue(transcript.contains(erase + "  ✓ train ("), transcript)
        XCTAssertTrue(transcript.contains(erase + "✓ ran trainer in "), transcript)
        XCTAssertFalse(transcript.contains("\u{1B}[3"), "NO_COLOR: no colour codes")
        XCTAssertTrue(transcript.hasSuffix(output.path + "/trainer/report.md\r\n" + output.path + "/trainer/report.html\r\n"), transcript)
    }

    func testColourOnATerminalUnlessNoColor() throws {
        let output = try TemporaryFolder.make()
        let run = try PseudoTerminal.run(["run", ProgressFixture.experiment.path, "--output", output.path],
                                         environment: ["TERM": "xterm-256color"], in: ProgressFixture.root)
        XCTAssertEqual(run.status, 0, run.transcript)
        XCTAssertTrue(run.transcript.contains("\u{1B}[32m✓\u{1B}[0m"), run.transcript)
    }

    func testInCIEveryStageIsOnePlainLine() throws {
        let output = try TemporaryFolder.make()
        let result = try ReportExecutable.run(["run", ProgressFixture.experiment.path, "--output", output.path],
                                              environment: ["CI": "true"], in: ProgressFixture.root)
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertFalse(result.standardError.contains("\r") || result.standardError.contains("\u{1B}"), result.standardError)
        XCTAssertNotNil(lines.first { $0.hasPrefix("report: compiled trainer") }, result.standardError)
        XCTAssertNotNil(lines.first { $0.range(of: #"^report: train \(\d+\.\d\d s\)$"#, options: .regularExpression) != nil }, result.standardError)
        XCTAssertNotNil(lines.first { $0.hasPrefix("report: report.html is ") }, result.standardError)
        XCTAssertNotNil(lines.first { $0.hasPrefix("report: ran trainer in ") }, result.standardError)
        // A run this short has no progress lines: the first comes only after ten quiet seconds.
        XCTAssertEqual(lines.filter { $0.contains("epoch ") }.count, 0, result.standardError)
        XCTAssertEqual(lines.last, "")
    }

    func testQuietPrintsNothingAndVerboseAddsTheCommandAndTheRun() throws {
        let output = try TemporaryFolder.make()
        let quiet = try ReportExecutable.run(["run", ProgressFixture.experiment.path, "--output", output.path, "--quiet"],
                                             in: ProgressFixture.root)
        XCTAssertEqual(quiet.status, 0, quiet.standardError)
        XCTAssertEqual(quiet.standardError, "")
        XCTAssertEqual(quiet.standardOutput.split(separator: "\n").count, 2, "the written files, still")

        // --fresh: the same run again would otherwise be up to date and run nothing.
        let verbose = try ReportExecutable.run(["run", ProgressFixture.experiment.path, "--output", output.path, "--verbose", "--fresh"],
                                               in: ProgressFixture.root)
        XCTAssertEqual(verbose.status, 0, verbose.standardError)
        XCTAssertTrue(verbose.standardError.contains("report: $ "), verbose.standardError)
        XCTAssertTrue(verbose.standardError.contains(" --output "), verbose.standardError)
        XCTAssertNotNil(verbose.standardError.range(of: #"report: train: 600/600 epochs, final loss \d"#, options: .regularExpression),
                        verbose.standardError)

        let both = try ReportExecutable.run(["run", ProgressFixture.experiment.path, "--quiet", "--verbose"], in: ProgressFixture.root)
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.standardError.contains("--quiet and --verbose cannot be used together"), both.standardError)
    }

    func testTheWrittenReportHasNoScript() throws {
        let output = try TemporaryFolder.make()
        let result = try ReportExecutable.run(["run", ProgressFixture.experiment.path, "--output", output.path], in: ProgressFixture.root)
        XCTAssertEqual(result.status, 0, result.standardError)
        let html = try String(contentsOf: output.appendingPathComponent("trainer/report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("first version"))
        XCTAssertNil(html.range(of: "<script", options: .caseInsensitive))
        XCTAssertNil(html.range(of: "__preview"))
    }
}
