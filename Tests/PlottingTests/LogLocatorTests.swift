import XCTest
@testable import Plotting

final class LogLocatorTests: XCTestCase {
    func testDecadesAreMajorAndMultiplesMinor() {
        let (major, minor) = LogLocator().ticks(lower: 1e-3, upper: 10, targetCount: 8)
        XCTAssertEqual(major.count, 5)
        for (tick, exponent) in zip(major, -3...1) {
            XCTAssertEqual(tick, pow(10, Double(exponent)), accuracy: pow(10, Double(exponent)) * 1e-12)
        }
        // 2…9 in each of the four full decades below 10.
        XCTAssertEqual(minor.count, 32)
        XCTAssertEqual(minor.first!, 2e-3, accuracy: 1e-15)
        XCTAssertEqual(minor.last!, 9, accuracy: 1e-12)
    }

    func testManyDecadesAreThinned() {
        let (major, _) = LogLocator().ticks(lower: 1e-30, upper: 1e30, targetCount: 7)
        // 61 decades for about 7 labels: every ⌈61/7⌉ = 9th decade, at exponents divisible by 9.
        XCTAssertLessThanOrEqual(major.count, 8)
        XCTAssertGreaterThanOrEqual(major.count, 2)
        let exponents = major.map { log10($0).rounded() }
        let gaps = Set(zip(exponents.dropFirst(), exponents).map { $0 - $1 })
        XCTAssertEqual(gaps.count, 1, "equal spacing in decades: \(exponents)")
    }

    func testLessThanADecadeUsesOneTwoFive() {
        let (major, minor) = LogLocator().ticks(lower: 0.15, upper: 6, targetCount: 6)
        XCTAssertEqual(major, [0.2, 0.5, 1, 2, 5].map { $0 }, accuracy: 1e-12)
        XCTAssertTrue(minor.contains { abs($0 - 0.3) < 1e-12 })
    }

    /// 0.045…1 holds only two decades, 10⁻¹ and 10⁰: too few labels to read a value off the axis.
    func testRangeNarrowerThanTwoDecadesLabelsOneTwoFive() {
        let (major, _) = LogLocator().ticks(lower: 0.045, upper: 1, targetCount: 6)
        XCTAssertEqual(major, [0.05, 0.1, 0.2, 0.5, 1], accuracy: 1e-12)
        XCTAssertEqual(TickFormatter.logLabels(major), ["0.05", "0.1", "0.2", "0.5", "1"])
    }

    func testNarrowRangeFallsBackToLinearTicks() {
        let (major, minor) = LogLocator().ticks(lower: 0.21, upper: 0.39, targetCount: 5)
        XCTAssertGreaterThanOrEqual(major.count, 3, "\(major)")
        XCTAssertTrue(major.allSatisfy { $0 >= 0.21 && $0 <= 0.39 })
        XCTAssertTrue(minor.isEmpty)
    }

    func testInvalidRangeGivesNoTicks() {
        XCTAssertTrue(LogLocator().ticks(lower: -1, upper: 10, targetCount: 5).major.isEmpty)
        XCTAssertTrue(LogLocator().ticks(lower: 10, upper: 1, targetCount: 5).major.isEmpty)
    }
}

private func XCTAssertEqual(_ actual: [Double], _ expected: [Double], accuracy: Double,
                            file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "\(actual)", file: file, line: line)
    for (a, e) in zip(actual, expected) { XCTAssertEqual(a, e, accuracy: accuracy, "\(actual)", file: file, line: line) }
}
