import ReportRunner
import XCTest

final class ProgressStyleTests: XCTestCase {
    private func style(_ environment: [String: String], terminal: Bool, quiet: Bool = false, verbose: Bool = false) -> ProgressStyle {
        ProgressStyle.detect(quiet: quiet, verbose: verbose, environment: environment, isTerminal: terminal)
    }

    func testATerminalIsLiveAndColoured() {
        XCTAssertEqual(style(["TERM": "xterm-256color"], terminal: true), ProgressStyle(mode: .live, usesColor: true))
    }

    func testCIAPipeOrADumbTerminalArePlain() {
        XCTAssertEqual(style(["TERM": "xterm", "CI": "true"], terminal: true).mode, .plain)
        XCTAssertEqual(style(["TERM": "xterm"], terminal: false), ProgressStyle(mode: .plain, usesColor: false))
        XCTAssertEqual(style(["TERM": "dumb"], terminal: true), ProgressStyle(mode: .plain, usesColor: false))
        XCTAssertEqual(style([:], terminal: true).mode, .plain, "no TERM: nothing says the terminal can redraw")
        XCTAssertEqual(style(["TERM": "xterm", "CI": "false"], terminal: true).mode, .live, "CI=false is not CI")
    }

    func testNoColorAndForceColor() {
        XCTAssertEqual(style(["TERM": "xterm", "NO_COLOR": "1"], terminal: true), ProgressStyle(mode: .live, usesColor: false))
        XCTAssertEqual(style(["TERM": "xterm", "NO_COLOR": "0"], terminal: true).usesColor, false, "any non-empty value, per no-color.org")
        XCTAssertEqual(style(["TERM": "xterm", "NO_COLOR": ""], terminal: true).usesColor, true)
        XCTAssertEqual(style(["FORCE_COLOR": "1"], terminal: false), ProgressStyle(mode: .plain, usesColor: true))
        XCTAssertEqual(style(["FORCE_COLOR": "0"], terminal: false).usesColor, false)
    }

    func testQuietWinsAndVerboseIsKept() {
        XCTAssertEqual(style(["TERM": "xterm"], terminal: true, quiet: true, verbose: true).mode, .quiet)
        XCTAssertEqual(style(["TERM": "xterm"], terminal: true, quiet: true, verbose: true).isVerbose, false)
        XCTAssertEqual(style(["TERM": "xterm"], terminal: false, verbose: true), ProgressStyle(mode: .plain, isVerbose: true))
    }
}
