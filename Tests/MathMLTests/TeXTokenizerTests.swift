import XCTest
@testable import MathML

final class TeXTokenizerTests: XCTestCase {
    private func kinds(_ source: String) throws -> [TeXToken.Kind] {
        try TeXTokenizer(source).tokens().map(\.kind)
    }

    func testCommandWordEatsFollowingSpaces() throws {
        XCTAssertEqual(try kinds("\\alpha  x"), [.command("alpha"), .character("x")])
    }

    func testControlSymbolKeepsFollowingSpace() throws {
        XCTAssertEqual(try kinds("\\, x"), [.command(","), .space, .character("x")])
        XCTAssertEqual(try kinds("a\\\\b"), [.character("a"), .command("\\"), .character("b")])
    }

    func testSpecialCharacters() throws {
        XCTAssertEqual(try kinds("{^_&}"), [.openBrace, .caret, .underscore, .alignmentTab, .closeBrace])
    }

    func testCommentRunsToEndOfLine() throws {
        XCTAssertEqual(try kinds("a % note\nb"), [.character("a"), .space, .space, .character("b")])
    }

    func testOffsetsCountCharacters() throws {
        XCTAssertEqual(try TeXTokenizer("损失 \\x").tokens().map(\.offset), [0, 1, 2, 3])
    }

    func testTrailingBackslashIsAnError() {
        XCTAssertThrowsError(try TeXTokenizer("a\\").tokens()) { error in
            XCTAssertEqual(error as? TeXToMathML.ConversionError,
                           TeXToMathML.ConversionError(message: "A backslash ends the formula", offset: 1))
        }
    }
}
