import XCTest
@testable import Report

final class NumberFormatTests: XCTestCase {
    func testGroupedIntegerPutsACommaBetweenGroupsOfThreeDigits() {
        XCTAssertEqual(NumberFormat.groupedInteger.text(0), "0")
        XCTAssertEqual(NumberFormat.groupedInteger.text(999), "999")
        XCTAssertEqual(NumberFormat.groupedInteger.text(1000), "1,000")
        XCTAssertEqual(NumberFormat.groupedInteger.text(549_850), "549,850")
        XCTAssertEqual(NumberFormat.groupedInteger.text(50_000_000), "50,000,000")
        XCTAssertEqual(NumberFormat.groupedInteger.text(-1_234_567.4), "−1,234,567")
        XCTAssertEqual(NumberFormat.groupedInteger.text(1_234.5), "1,234")
    }

    func testFormats() {
        XCTAssertEqual(NumberFormat.fixed(3).text(0.12345), "0.123")
        XCTAssertEqual(NumberFormat.fixed(2).text(-1.005e3), "−1005.00")
        XCTAssertEqual(NumberFormat.percent(1).text(0.9531, language: .chinese), "95.3%")
        XCTAssertEqual(NumberFormat.percent(1).text(0.9531, language: .english), "95.3\u{00A0}%")
        XCTAssertEqual(NumberFormat.integer.text(2.6), "3")
        XCTAssertEqual(NumberFormat.automatic.text(12), "12")
        XCTAssertEqual(NumberFormat.automatic.text(0.000123456), "0.0001235")
    }

    func testScientificRoundsMantissaAndExponentTogether() {
        XCTAssertEqual(NumberFormat.scientific(2).text(0.000123), "1.23 × 10⁻⁴")
        XCTAssertEqual(NumberFormat.scientific(1).text(9.99), "1.0 × 10¹")
        XCTAssertEqual(NumberFormat.scientific(2).text(-31_400), "−3.14 × 10⁴")
        XCTAssertEqual(NumberFormat.scientific(2).text(2.5), "2.50")
    }

    /// Negative numbers use U+2212, the minus of typeset math, in every format and for integers.
    func testValuesThatRoundToZeroHaveNoSign() {
        XCTAssertEqual(NumberFormat.fixed(4).text(-1e-6), "0.0000")
        XCTAssertEqual(NumberFormat.integer.text(-0.4), "0")
        XCTAssertEqual(NumberFormat.percent(1).text(-0.0001, language: .chinese), "0.0%")
        XCTAssertEqual(NumberFormat.fixed(2).text(-0.006), "\u{2212}0.01")
    }

    func testNegativeNumbersTakeTheMinusSign() {
        XCTAssertEqual(NumberFormat.fixed(4).text(-1.2457), "\u{2212}1.2457")
        XCTAssertEqual(NumberFormat.automatic.text(-0.000123456), "\u{2212}0.0001235")
        XCTAssertEqual(NumberFormat.automatic.text(-12), "\u{2212}12")
        XCTAssertEqual(NumberFormat.percent(1).text(-0.05, language: .chinese), "\u{2212}5.0%")
        XCTAssertEqual(NumberFormat.integer.text(-2.6), "\u{2212}3")
        XCTAssertEqual(NumberFormat.scientific(1).text(-0.00012), "\u{2212}1.2 × 10⁻⁴")
        XCTAssertEqual(TableValue.integer(-7).formatted(with: .automatic, language: .english), "\u{2212}7")
        XCTAssertFalse(NumberFormat.fixed(2).text(-3).contains("-"))
    }

    func testNonFiniteValues() {
        XCTAssertEqual(NumberFormat.fixed(2).text(.nan), "NaN")
        XCTAssertEqual(NumberFormat.percent(2).text(-.infinity), "−∞")
    }

    func testColumnsAlignNumbersRightByDefault() throws {
        let table = Table(name: "t", caption: "", rows: [("a", 1.5, Optional<Int>.none)], columns: [
            TableColumn("Text") { $0.0 },
            TableColumn("Number", format: .fixed(1)) { $0.1 },
            TableColumn("Empty") { $0.2 },
            TableColumn("Centred", alignment: .center) { $0.1 },
        ])
        XCTAssertEqual(table.content.alignments, [.left, .right, .left, .center])
        XCTAssertEqual(table.content.localized(.english).rows, [["a", "1.5", "", "1.5"]])
    }

    /// Expected strings written from C's printf rules (%.Ng, %.Ne) and TeX, not from the code under test.
    func testSignificantDigitFormats() {
        XCTAssertEqual(NumberFormat.significant(4).text(0.5), "0.5000")
        XCTAssertEqual(NumberFormat.significant(4).text(1234.56), "1235")
        XCTAssertEqual(NumberFormat.significant(4).text(-0.00999999), "\u{2212}0.01000")
        XCTAssertEqual(NumberFormat.significant(3).text(0), "0")
        XCTAssertEqual(NumberFormat.general(3).text(0.5), "0.5")
        XCTAssertEqual(NumberFormat.general(3).text(0.000012345), "1.23 × 10⁻⁵")
        XCTAssertEqual(NumberFormat.general(10).text(1200), "1200")
        XCTAssertEqual(NumberFormat.automatic.text(0.000012346), "1.235 × 10⁻⁵")
        XCTAssertEqual(NumberFormat.significantOrScientific(3).text(0.5), "0.5")
        XCTAssertEqual(NumberFormat.significantOrScientific(3).text(0.00123), "1.23 × 10⁻³")
        XCTAssertEqual(NumberFormat.significantOrScientific(3).text(-123456), "\u{2212}1.23 × 10⁵")
        XCTAssertEqual(NumberFormat.significantOrScientific(3).text(0), "0")
    }

    func testMathIsLaTeX() {
        XCTAssertEqual(NumberFormat.fixed(2).math(-1.2457), "-1.25")
        XCTAssertEqual(NumberFormat.fixed(2).math(-0.001), "0.00")
        XCTAssertEqual(NumberFormat.scientific(2).math(0.000123), "1.23 \\times 10^{-4}")
        XCTAssertEqual(NumberFormat.scientific(1).math(-9.96e-11), "-1.0 \\times 10^{-10}")
        XCTAssertEqual(NumberFormat.percent(1).math(0.9531, language: .english), "95.3\\,\\%")
        XCTAssertEqual(NumberFormat.percent(1).math(0.9531, language: .chinese), "95.3\\%")
        XCTAssertEqual(NumberFormat.groupedInteger.math(12_345_678), "12{,}345{,}678")
        XCTAssertEqual(NumberFormat.fixed(1).math(.infinity), "\\infty")
        XCTAssertEqual(NumberFormat.fixed(1).math(-.infinity), "-\\infty")
        XCTAssertEqual(NumberFormat.fixed(1).math(.nan), "\\mathrm{NaN}")
    }

    func testNumberWriterBindsTheLanguage() {
        let english = NumberWriter(language: .english), chinese = NumberWriter(language: .chinese)
        XCTAssertEqual(english.text(0.86, .percent(0)), "86\u{00A0}%")
        XCTAssertEqual(chinese.text(0.86, .percent(0)), "86%")
        XCTAssertEqual(english.text(SIMD2(-1.5, 2), .automatic), "(\u{2212}1.5, 2)")
        XCTAssertEqual(english.text(nil, .fixed(4)), "—")
        XCTAssertEqual(chinese.math(SIMD2(-2.806, 3.131), .fixed(2)), "(-2.81, 3.13)")
        XCTAssertEqual(chinese.text(12_345, .groupedInteger), "12,345")
    }

    func testSignificantDigitsInPositionalNotation() {
        XCTAssertEqual(NumberFormat.significant(4).text(0.7513650695), "0.7514")
        XCTAssertEqual(NumberFormat.significant(4).text(-0.0099999), "\u{2212}0.01000")
        XCTAssertEqual(NumberFormat.significant(4).text(12_345.6), "12346")
        XCTAssertEqual(NumberFormat.significant(5).text(-3.52076), "\u{2212}3.5208")
        XCTAssertEqual(NumberFormat.significant(2).text(0.000007), "0.0000070")
        XCTAssertEqual(NumberFormat.significant(3).text(0), "0")
    }

    func testShortestWritesConstantsAsTyped() {
        XCTAssertEqual(NumberFormat.shortest.text(0.05), "0.05")
        XCTAssertEqual(NumberFormat.shortest.text(1200), "1200")
        XCTAssertEqual(NumberFormat.shortest.text(-3.5308), "\u{2212}3.5308")
        XCTAssertEqual(NumberFormat.shortest.text(0.1 + 0.2), "0.30000000000000004")
        XCTAssertEqual(NumberFormat.shortest.text(0.00001), "1 × 10⁻⁵")
        XCTAssertEqual(NumberFormat.shortest.math(0.00001), "1 \\times 10^{-5}")
    }

    /// Inside math a number is TeX: a hyphen for the sign (TeX sets a minus), powers of ten and percent as TeX.
    func testTeXFormKeepsTheDigitsAndChangesTheNotation() {
        XCTAssertEqual(NumberFormat.fixed(4).math(-1.2457), "-1.2457")
        XCTAssertEqual(NumberFormat.scientific(2).math(0.000123), "1.23 \\times 10^{-4}")
        XCTAssertEqual(NumberFormat.scientific(1).math(-31_400), "-3.1 \\times 10^{4}")
        XCTAssertEqual(NumberFormat.scientific(2).math(2.5), "2.50")
        XCTAssertEqual(NumberFormat.percent(1).math(0.9531, language: .chinese), "95.3\\%")
        XCTAssertEqual(NumberFormat.groupedInteger.math(-1_234_567), "-1{,}234{,}567")
        XCTAssertEqual(NumberFormat.automatic.math(.infinity), "\\infty")
        XCTAssertEqual(NumberFormat.automatic.math(-.infinity), "-\\infty")
        XCTAssertEqual(NumberFormat.automatic.math(.nan), "\\mathrm{NaN}")
    }
}
