import XCTest
@testable import Plotting

final class TickFormatterTests: XCTestCase {
    func testSharedDecimalsAndTrueMinus() {
        let (labels, multiplier) = TickFormatter.linearLabels([-1, -0.5, 0, 0.5, 1])
        XCTAssertEqual(labels, ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"])
        XCTAssertNil(multiplier)
    }

    func testIntegersHaveNoDecimals() {
        XCTAssertEqual(TickFormatter.linearLabels([0, 100, 200]).labels, ["0", "100", "200"])
    }

    func testQuarterStepsGetTwoDecimals() {
        XCTAssertEqual(TickFormatter.linearLabels([0, 0.25, 0.5]).labels, ["0.00", "0.25", "0.50"])
    }

    func testLargeValuesGetAMultiplier() {
        let (labels, multiplier) = TickFormatter.linearLabels([0, 2e6, 4e6, 6e6])
        XCTAssertEqual(labels, ["0", "2", "4", "6"])
        XCTAssertEqual(multiplier, "×10^{6}")
    }

    func testSmallValuesGetANegativeMultiplier() {
        let (labels, multiplier) = TickFormatter.linearLabels([0, 2.5e-5, 5e-5])
        XCTAssertEqual(labels, ["0.0", "2.5", "5.0"])
        XCTAssertEqual(multiplier, "×10^{\u{2212}5}")
    }

    func testNegativeZeroPrintsAsZero() {
        XCTAssertEqual(TickFormatter.format(-0.0001, decimals: 2), "0.00")
    }

    func testLogDecades() {
        XCTAssertEqual(TickFormatter.logLabels([1e-3, 1, 1e2]), ["10^{\u{2212}3}", "10^{0}", "10^{2}"])
    }

    func testLogOneTwoFive() {
        XCTAssertEqual(TickFormatter.logLabels([0.2, 0.5, 1, 2e5]), ["0.2", "0.5", "1", "2×10^{5}"])
    }

    func testRichTextMarkup() {
        let text = RichText("×10^{−3} x_1 σ′(x) 10⁻²")
        XCTAssertEqual(text.runs.map(\.position), [.normal, .superscript, .normal, .subscript, .normal, .superscript])
        XCTAssertEqual(text.plainText, "×10−3 x1 σ′(x) 10−2")
    }
}
