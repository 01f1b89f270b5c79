import ReportRunner
import XCTest

final class CommandRunnerTests: XCTestCase {
    func testStandardErrorCanBeReceivedLineByLine() throws {
        var lines: [String] = []
        let outcome = try CommandRunner.run("/bin/sh", ["-c", "echo one >&2; echo 'two words' >&2; printf 'no newline' >&2; exit 3"],
                                            errorLines: { lines.append($0) })
        XCTAssertEqual(outcome.status, 3)
        XCTAssertEqual(lines, ["one", "two words", "no newline"])
        XCTAssertEqual(RunningChildren.count, 0, "a finished child is forgotten")
    }
}
