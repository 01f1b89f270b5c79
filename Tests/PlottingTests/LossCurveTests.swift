import XCTest
import Plotting

/// `LossCurve.meanAndStandardDeviation` against values worked by hand (population standard deviation).
final class LossCurveTests: XCTestCase {
    func testMeanAndPopulationDeviationPerStep() {
        // Step 0: 1, 3 → mean 2, sd 1.  Step 1: 2, 6 → mean 4, sd 2.
        let curve = LossCurve.meanAndStandardDeviation(name: "two seeds", runs: [[1, 2], [3, 6]])
        XCTAssertEqual(curve.y, [2, 4])
        XCTAssertEqual(curve.band?.lower, [1, 2])
        XCTAssertEqual(curve.band?.upper, [3, 6])
    }

    /// One diverged seed used to turn every step into NaN, and a short run cut the others to its length.
    func testDivergedRunIsLeftOutAndShortRunsDoNotTruncate() {
        let runs: [[Double]] = [[4, 2, 1], [2, .infinity, .nan], [6, 4]]
        XCTAssertEqual(LossCurve.divergedRuns(runs), [1])
        let curve = LossCurve.meanAndStandardDeviation(name: "three seeds", x: [0, 10, 20, 30], runs: runs)
        // Steps 0 and 1 average runs 0 and 2 (5 ± 1, 3 ± 1); step 2 only run 0 (1 ± 0).
        XCTAssertEqual(curve.x, [0, 10, 20])
        XCTAssertEqual(curve.y, [5, 3, 1])
        XCTAssertEqual(curve.band?.lower, [4, 2, 1])
        XCTAssertEqual(curve.band?.upper, [6, 4, 1])
    }

    func testNoFiniteRunGivesAnEmptyCurve() {
        let curve = LossCurve.meanAndStandardDeviation(name: "all diverged", runs: [[.nan]])
        XCTAssertTrue(curve.y.isEmpty)
    }
}
