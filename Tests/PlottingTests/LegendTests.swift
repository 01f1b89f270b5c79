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

    /// A value label (an area) in the upper right, as over a bar, moves the legend away from it.
    func testTextAreaInTheCornerMovesLegend() {
        let label = PageRect(x: 330, y: 10, width: 40, height: 16)
        let best = Legend.bestLocation(width: 80, height: 50, in: plot, avoiding: LegendObstacles(areas: [label]))
        XCTAssertNotEqual(best.location, .upperRight)
        XCTAssertEqual(best.badness, 0)
    }

    /// Bars reaching the top everywhere leave no free place inside: the badness says so, and the axes then
    /// puts a `.best` legend outside.
    func testFullHeightBarsLeaveNoFreePlace() {
        let bars = stride(from: 0.0, to: 400, by: 50).map { PageRect(x: $0 + 5, y: 5, width: 40, height: 295) }
        let best = Legend.bestLocation(width: 80, height: 50, in: plot, avoiding: LegendObstacles(areas: bars))
        XCTAssertGreaterThan(best.badness, 0)
    }

    /// Among places that hide no data, the one over the fewest background contour lines wins.
    func testSoftObstaclesBreakTies() {
        // Dense vertical contour lines on the right half only.
        let contours = stride(from: 210.0, to: 400, by: 6).map { x in [PagePoint(x: x, y: 0), PagePoint(x: x, y: 300)] }
        let best = Legend.bestLocation(width: 80, height: 50, in: plot, avoiding: LegendObstacles(soft: contours))
        XCTAssertEqual(best.location, .upperLeft)
        XCTAssertEqual(best.badness, 0)
    }

    /// A figure whose data fill the plot gets its legend outside: bars to the top and a legend asked for `best`.
    func testAxesPutsLegendOutsideWhenNoPlaceIsFree() throws {
        let figure = Figure(width: 400, height: 300)
        figure.axes.bar([0, 1, 2, 3], [1, 1, 1, 1], width: 0.95, label: "accuracy")
        figure.axes.yLimits = 0...1
        figure.axes.legend()
        _ = try figure.pngData()
        XCTAssertTrue(figure.axes.legendGoesOutside)
        XCTAssertEqual(figure.axes.effectiveLegendLocation, .outsideRight)
    }
}
