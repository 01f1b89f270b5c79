import XCTest
@testable import Report

final class NumberFormatTests: XCTestCase {
    func testGroupedIntegerPutsACommaBetweenGroupsOfThreeDigits() {
        XCTAssertEqual(NumberFormat.groupedInteger.format(0), "0")
        XCTAssertEqual(NumberFormat.groupedInteger.format(999), "999")
        XCTAssertEqual(NumberFormat.groupedInteger.format(1000), "1,000")
        XCTAssertEqual(NumberFormat.groupedInteger.format(549_850), "549,850")
        XCTAssertEqual(NumberFormat.groupedInteger.format(50_000_000), "50,000,000")
        XCTAssertEqual(NumberFormat.groupedInteger.format(-1_234_567.4), "−1,234,567")
        XCTAssertEqual(NumberFormat.groupedInteger.format(1_234.5), "1,234")
    }

    func testFormats() {
        XCTAssertEqual(NumberFormat.fixed(3).format(0.12345), "0.123")
        XCTAssertEqual(NumberFormat.fixed(2).format(-1.005e3), "−1005.00")
        XCTAssertEqual(NumberFormat.percent(1).format(0.9531), "95.3%")
        XCTAssertEqual(NumberFormat.integer.format(2.6), "3")
        XCTAssertEqual(NumberFormat.automatic.format(12), "12")
        XCTAssertEqual(NumberFormat.automatic.format(0.000123456), "0.0001235")
    }

    func testScientificRoundsMantissaAndExponentTogether() {
        XCTAssertEqual(NumberFormat.scientific(2).format(0.000123), "1.23 × 10⁻⁴")
        XCTAssertEqual(NumberFormat.scientific(1).format(9.99), "1.0 × 10¹")
        XCTAssertEqual(NumberFormat.scientific(2).format(-31_400), "−3.14 × 10⁴")
        XCTAssertEqual(NumberFormat.scientific(2).format(2.5), "2.50")
    }

    /// Negative numbers use U+2212, the minus of typeset math, in every format and for integers.
    func testValuesThatRoundToZeroHaveNoSign() {
        XCTAssertEqual(NumberFormat.fixed(4).format(-1e-6), "0.0000")
        XCTAssertEqual(NumberFormat.integer.format(-0.4), "0")
        XCTAssertEqual(NumberFormat.percent(1).format(-0.0001), "0.0%")
        XCTAssertEqual(NumberFormat.fixed(2).format(-0.006), "\u{2212}0.01")
    }

    func testNegativeNumbersTakeTheMinusSign() {
        XCTAssertEqual(NumberFormat.fixed(4).format(-1.2457), "\u{2212}1.2457")
        XCTAssertEqual(NumberFormat.automatic.format(-0.000123456), "\u{2212}0.0001235")
        XCTAssertEqual(NumberFormat.automatic.format(-12), "\u{2212}12")
        XCTAssertEqual(NumberFormat.percent(1).format(-0.05), "\u{2212}5.0%")
        XCTAssertEqual(NumberFormat.integer.format(-2.6), "\u{2212}3")
        XCTAssertEqual(NumberFormat.scientific(1).format(-0.00012), "\u{2212}1.2 × 10⁻⁴")
        XCTAssertEqual(TableValue.integer(-7).formatted(with: .automatic), "\u{2212}7")
        XCTAssertFalse(NumberFormat.fixed(2).format(-3).contains("-"))
    }

    func testNonFiniteValues() {
        XCTAssertEqual(NumberFormat.fixed(2).format(.nan), "NaN")
        XCTAssertEqual(NumberFormat.percent(2).format(-.infinity), "−∞")
    }

    func testColumnsAlignNumbersRightByDefault() throws {
        let table = Table(name: "t", caption: "", rows: [("a", 1.5, Optional<Int>.none)], columns: [
            TableColumn("Text") { $0.0 },
            TableColumn("Number", format: .fixed(1)) { $0.1 },
            TableColumn("Empty") { $0.2 },
            TableColumn("Centred", alignment: .center) { $0.1 },
        ])
        XCTAssertEqual(table.content.alignments, [.left, .right, .left, .center])
        XCTAssertEqual(table.content.rows, [["a", "1.5", "", "1.5"]])
    }

    func testSignificantDigitsInPositionalNotation() {
        XCTAssertEqual(NumberFormat.significant(4).format(0.7513650695), "0.7514")
        XCTAssertEqual(NumberFormat.significant(4).format(-0.0099999), "\u{2212}0.01000")
        XCTAssertEqual(NumberFormat.significant(4).format(12_345.6), "12346")
        XCTAssertEqual(NumberFormat.significant(5).format(-3.52076), "\u{2212}3.5208")
        XCTAssertEqual(NumberFormat.significant(2).format(0.000007), "0.0000070")
        XCTAssertEqual(NumberFormat.significant(3).format(0), "0")
    }

    func testShortestWritesConstantsAsTyped() {
        XCTAssertEqual(NumberFormat.shortest.format(0.05), "0.05")
        XCTAssertEqual(NumberFormat.shortest.format(1200), "1200")
        XCTAssertEqual(NumberFormat.shortest.format(-3.5308), "\u{2212}3.5308")
        XCTAssertEqual(NumberFormat.shortest.format(0.1 + 0.2), "0.30000000000000004")
        XCTAssertEqual(NumberFormat.shortest.format(0.00001), "1e-05")
    }

    /// Inside math a number is TeX: a hyphen for the sign (TeX sets a minus), powers of ten and percent as TeX.
    func testTeXFormKeepsTheDigitsAndChangesTheNotation() {
        XCTAssertEqual(NumberFormat.fixed(4).texFormat(-1.2457), "-1.2457")
        XCTAssertEqual(NumberFormat.scientific(2).texFormat(0.000123), "1.23 \\times 10^{-4}")
        XCTAssertEqual(NumberFormat.scientific(1).texFormat(-31_400), "-3.1 \\times 10^{4}")
        XCTAssertEqual(NumberFormat.scientific(2).texFormat(2.5), "2.50")
        XCTAssertEqual(NumberFormat.percent(1).texFormat(0.9531), "95.3\\%")
        XCTAssertEqual(NumberFormat.groupedInteger.texFormat(-1_234_567), "-1{,}234{,}567")
        XCTAssertEqual(NumberFormat.automatic.texFormat(.infinity), "\\infty")
        XCTAssertEqual(NumberFormat.automatic.texFormat(-.infinity), "-\\infty")
        XCTAssertEqual(NumberFormat.automatic.texFormat(.nan), "\\mathrm{NaN}")
    }
}
