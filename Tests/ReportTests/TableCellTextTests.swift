import XCTest
@testable import Report

final class TableCellTextTests: XCTestCase {
    func testMathAndTextPieces() {
        XCTAssertEqual(TableCellText("$\\alpha = 0.1$ (SGD)").pieces, [.math("\\alpha = 0.1"), .text(" (SGD)")])
        XCTAssertEqual(TableCellText("costs \\$5").pieces, [.text("costs $5")])
        XCTAssertEqual(TableCellText("a $ b").pieces, [.text("a $ b")])
    }

    func testNumbersAreRecognised() {
        XCTAssertTrue(TableCellText.isNumber("9.75 × 10⁻¹"))
        XCTAssertTrue(TableCellText.isNumber("−0.25"))
        XCTAssertTrue(TableCellText.isNumber("86 %"))
        XCTAssertFalse(TableCellText.isNumber("Adam"))
        XCTAssertFalse(TableCellText.isNumber("—"))
    }
}
