import XCTest
@testable import Plotting

final class ExtendedWilkinsonLocatorTests: XCTestCase {
    private let locator = ExtendedWilkinsonLocator()

    private func assertTicks(_ lower: Double, _ upper: Double, count: Int, _ expected: [Double],
                             file: StaticString = #filePath, line: UInt = #line) {
        let ticks = locator.ticks(lower: lower, upper: upper, targetCount: count)
        XCTAssertEqual(ticks.count, expected.count, "\(ticks)", file: file, line: line)
        for (actual, wanted) in zip(ticks, expected) {
            XCTAssertEqual(actual, wanted, accuracy: max(abs(wanted), 1) * 1e-9, "\(ticks)", file: file, line: line)
        }
    }

    /// Hand-scored with the paper's terms: on [0, 100] with m = 5, step 25 (q = 2.5, k = 5) scores
    /// 0.25·0.4 + 0.2·1 + 0.5·1 + 0.05 = 0.85, beating step 20 (0.775) and step 50 (0.45).
    func testZeroToHundredPicksQuarters() {
        assertTicks(0, 100, count: 5, [0, 25, 50, 75, 100])
    }

    /// Same scores as above, scaled: the algorithm is scale-free, so tiny and huge ranges get the same labels.
    func testTinyAndHugeRangesScale() {
        assertTicks(0, 1, count: 5, [0, 0.25, 0.5, 0.75, 1])
        assertTicks(0, 1e-9, count: 5, [0, 0.25e-9, 0.5e-9, 0.75e-9, 1e-9])
        assertTicks(0, 1e12, count: 5, [0, 0.25e12, 0.5e12, 0.75e12, 1e12])
    }

    func testNegativeRangeMirrorsPositive() {
        assertTicks(-100, 0, count: 5, [-100, -75, -50, -25, 0])
    }

    /// On [0, 10] with m = 6, step 2 (q = 2, k = 6) has simplicity 0.6, coverage 1 and density 1:
    /// 0.15 + 0.2 + 0.5 + 0.05 = 0.9; step 1 (k = 11) has simplicity 1 but density 2 − 10/5 = 0 (0.5 total).
    func testZeroToTenWithSixTicksStepsByTwo() {
        assertTicks(0, 10, count: 6, [0, 2, 4, 6, 8, 10])
    }

    func testSymmetricRangeIncludesZero() {
        let ticks = locator.ticks(lower: -1, upper: 1, targetCount: 5)
        XCTAssertTrue(ticks.contains(0), "\(ticks)")
        XCTAssertEqual(ticks.first!, -1, accuracy: 1e-12)
        XCTAssertEqual(ticks.last!, 1, accuracy: 1e-12)
    }

    func testOffsetRangeKeepsTicksInsideCoverage() {
        let ticks = locator.ticks(lower: 1000.2, upper: 1000.8, targetCount: 5)
        XCTAssertGreaterThanOrEqual(ticks.count, 3, "\(ticks)")
        XCTAssertTrue(ticks.allSatisfy { $0 >= 1000.1 && $0 <= 1000.9 }, "\(ticks)")
    }

    /// A single value is widened by 5 % each way (zero to ±1), as matplotlib's `nonsingular`, and then gets the
    /// ticks a person would choose for that range.
    func testDegenerateRangesAreWidened() {
        let expected: [(value: Double, ticks: [Double])] = [
            (0, [-1, -0.5, 0, 0.5, 1]),
            (5, [4.8, 4.9, 5.0, 5.1, 5.2]),
            (-3e-7, [-3.15e-7, -3.1e-7, -3.05e-7, -3e-7, -2.95e-7, -2.9e-7, -2.85e-7]),
            (2e9, [1.9e9, 1.95e9, 2e9, 2.05e9, 2.1e9]),
        ]
        for (value, want) in expected {
            let ticks = locator.ticks(lower: value, upper: value, targetCount: 5)
            XCTAssertEqual(ticks.count, want.count, "\(value): \(ticks)")
            for (tick, wanted) in zip(ticks, want) {
                XCTAssertEqual(tick, wanted, accuracy: abs(wanted) * 1e-9 + 1e-15, "\(value): \(ticks)")
            }
        }
        let unbounded = locator.ticks(lower: .nan, upper: .infinity, targetCount: 5)
        XCTAssertEqual(unbounded.first!, -1, accuracy: 1e-12)
        XCTAssertEqual(unbounded.last!, 1, accuracy: 1e-12)
    }

    func testNonsingular() {
        XCTAssertTrue(nonsingular(.nan, .nan) == (-1, 1))
        XCTAssertTrue(nonsingular(0, 0) == (-1, 1))
        XCTAssertTrue(nonsingular(3, 1) == (1, 3))
        let widened = nonsingular(10, 10)
        XCTAssertEqual(widened.lower, 9.5, accuracy: 1e-12)
        XCTAssertEqual(widened.upper, 10.5, accuracy: 1e-12)
        let decades = nonsingular(-3, -3, absoluteExpansion: 1, relative: false)
        XCTAssertTrue(decades == (-4, -2))
        let oneSided = nonsingular(.infinity, 4)
        XCTAssertEqual(oneSided.lower, 3.8, accuracy: 1e-12)
        XCTAssertEqual(oneSided.upper, 4.2, accuracy: 1e-12)
    }
}
