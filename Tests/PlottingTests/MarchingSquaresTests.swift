import XCTest
@testable import Plotting

final class MarchingSquaresTests: XCTestCase {
    /// The level-r² contour of x² + y² is the circle of radius r: one closed line, every point within the
    /// error of linear interpolation on cells of width h (≤ h²/(8r) for a circle, here < 2e-3) of radius r.
    func testLevelRSquaredOfParaboloidIsCircleOfRadiusR() {
        let grid = ScalarGrid(xRange: -2...2, yRange: -2...2, columns: 81, rows: 81) { x, y in x * x + y * y }
        for radius in [0.5, 1.0, 1.5] {
            let lines = MarchingSquares.contourLines(in: grid, level: radius * radius)
            XCTAssertEqual(lines.count, 1, "radius \(radius)")
            let line = lines[0]
            XCTAssertTrue(line.isClosed)
            XCTAssertEqual(line.x.first, line.x.last)
            XCTAssertGreaterThan(line.x.count, 20)
            for (x, y) in zip(line.x, line.y) {
                XCTAssertEqual((x * x + y * y).squareRoot(), radius, accuracy: 2e-3)
            }
            // The polygon's area (shoelace formula) approaches πr².
            var area = 0.0
            for index in 1..<line.x.count {
                area += line.x[index - 1] * line.y[index] - line.x[index] * line.y[index - 1]
            }
            XCTAssertEqual(abs(area) / 2, Double.pi * radius * radius, accuracy: 0.01 * radius * radius)
        }
    }

    func testLineAcrossTheGridIsOpenAndEndsOnTheBorder() {
        let grid = ScalarGrid(xRange: 0...1, yRange: 0...1, columns: 11, rows: 11) { x, _ in x }
        let lines = MarchingSquares.contourLines(in: grid, level: 0.35)
        XCTAssertEqual(lines.count, 1)
        XCTAssertFalse(lines[0].isClosed)
        XCTAssertEqual(lines[0].x.count, 11)
        for x in lines[0].x { XCTAssertEqual(x, 0.35, accuracy: 1e-12) }
        XCTAssertEqual(Set(lines[0].y.map { ($0 * 10).rounded() / 10 }).isSuperset(of: [0, 1]), true)
    }

    /// A single saddle cell: corners (0,0) and (1,1) are 1, the others 0, so the mean 0.5 is ≥ the level 0.5.
    /// The centre counts as above: the above corners connect through the cell, and the two lines cut off the
    /// below corners (1,0) and (0,1). At level 0.6 the centre is below and the lines cut off (0,0) and (1,1).
    func testSaddleIsResolvedByTheCentreValue() {
        let grid = ScalarGrid(x: [0, 1], y: [0, 1], values: [1, 0, 0, 1])
        func cutCorners(level: Double) -> Set<[Double]> {
            let lines = MarchingSquares.contourLines(in: grid, level: level)
            XCTAssertEqual(lines.count, 2)
            return Set(lines.map { line in
                // The corner a two-point segment cuts off is the one both its ends are nearest to.
                let midpoint = [(line.x[0] + line.x[1]) / 2, (line.y[0] + line.y[1]) / 2]
                return midpoint.map { $0.rounded() }
            })
        }
        XCTAssertEqual(cutCorners(level: 0.5), [[1, 0], [0, 1]])
        XCTAssertEqual(cutCorners(level: 0.6), [[0, 0], [1, 1]])
    }

    func testNonFiniteValuesLeaveGapsWithoutCrashing() {
        let grid = ScalarGrid(xRange: -2...2, yRange: -2...2, columns: 41, rows: 41) { x, y in
            x > 0.5 && y > 0.5 ? .nan : (x < -1.5 ? .infinity : x * x + y * y)
        }
        let lines = MarchingSquares.contourLines(in: grid, level: 1)
        XCTAssertFalse(lines.isEmpty)
        for line in lines {
            XCTAssertTrue(line.x.allSatisfy(\.isFinite) && line.y.allSatisfy(\.isFinite))
            XCTAssertFalse(line.isClosed, "the hole cuts the circle open")
        }
    }

    func testSeveralLevelsMatchSingleLevels() {
        let grid = ScalarGrid(xRange: -2...2, yRange: -1...3, columns: 60, rows: 60) { x, y in
            (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
        }
        let levels = ContourLevels.logarithmic(count: 7, lower: 1e-2).resolve(for: grid)
        XCTAssertEqual(levels.count, 7)
        XCTAssertEqual(levels[0], 1e-2, accuracy: 1e-12)
        XCTAssertEqual(levels[6], grid.finiteRange!.upperBound, accuracy: 1e-9)
        let together = MarchingSquares.contourLines(in: grid, levels: levels)
        for (index, level) in levels.enumerated() {
            XCTAssertEqual(together[index], MarchingSquares.contourLines(in: grid, level: level))
        }
    }
}
