import XCTest
@testable import Plotting

final class LegendTests: XCTestCase {
    private let plot = PageRect(x: 0, y: 0, width: 400, height: 300)

    func testEmptyPlotUsesUpperRight() {
        XCTAssertEqual(Legend.bestLocation(width: 80, height: 50, in: plot, avoiding: []), .upperRight)
    }

    /// A curve decaying from the top left to the bottom right (a loss curve) leaves the upper right free.
    func testDecayingCurveLeavesUpperRight() {
        let curve = (0...100).map { index in
            PagePoint(x: Double(index) * 4, y: 300 - 280 * exp(-Double(index) / 15))
        }
        XCTAssertEqual(Legend.bestLocation(width: 80, height: 50, in: plot, avoiding: [curve]), .upperRight)
    }

    /// A line along the top (y small on the page) blocks both upper corners, so the first lower one wins.
    func testLineAlongTheTopMovesLegendDown() {
        let line = (0...40).map { PagePoint(x: Double($0) * 10, y: 20) }
        XCTAssertEqual(Legend.bestLocation(width: 80, height: 50, in: plot, avoiding: [line]), .lowerLeft)
    }

    /// Points everywhere except the lower right corner.
    func testScatterLeavesOnlyLowerRight() {
        var points: [[PagePoint]] = []
        for x in stride(from: 5.0, to: 400, by: 10) {
            for y in stride(from: 5.0, to: 300, by: 10) where !(x > 300 && y > 230) {
                points.append([PagePoint(x: x, y: y)])
            }
        }
        XCTAssertEqual(Legend.bestLocation(width: 80, height: 50, in: plot, avoiding: points), .lowerRight)
    }

    /// A segment crossing the box counts even when none of its vertices is inside.
    func testSegmentsCrossingTheBoxCount() {
        let diagonal = [PagePoint(x: 250, y: 0), PagePoint(x: 400, y: 120)]
        XCTAssertNotEqual(Legend.bestLocation(width: 80, height: 50, in: plot, avoiding: [diagonal]), .upperRight)
    }
}
