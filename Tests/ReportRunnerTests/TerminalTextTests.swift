import ReportRunner
import XCTest

final class TerminalTextTests: XCTestCase {
    func testWidthsFollowEastAsianWidth() {
        XCTAssertEqual(TerminalText.width(of: "loss 0.25"), 9)
        XCTAssertEqual(TerminalText.width(of: "反向传播"), 8)
        XCTAssertEqual(TerminalText.width(of: "Ｌ"), 2, "fullwidth Latin")
        XCTAssertEqual(TerminalText.width(of: "e\u{301}"), 1, "a combining accent adds nothing")
        XCTAssertEqual(TerminalText.width(of: "⠋ █░…"), 5, "the display's own symbols are narrow")
    }

    func testTruncationCountsColumnsAndEndsInAnEllipsis() {
        XCTAssertEqual(TerminalText.truncate("train SGD", toWidth: 9), "train SGD")
        XCTAssertEqual(TerminalText.truncate("train SGD", toWidth: 8), "train S…")
        XCTAssertEqual(TerminalText.truncate("train SGD", toWidth: 7), "train…", "no space left before the ellipsis")
        XCTAssertEqual(TerminalText.truncate("反向传播", toWidth: 6), "反向…")
        XCTAssertEqual(TerminalText.truncate("反向传播", toWidth: 4), "反…")
        XCTAssertEqual(TerminalText.truncate("abc", toWidth: 0), "")
    }
}
