import Foundation
import XCTest
@testable import Plotting

final class FilledContourArtistTests: XCTestCase {
    /// Area enclosed by loops under the even–odd rule, for one outer loop with holes inside it: the largest
    /// shoelace area minus the others.
    private func evenOddArea(_ loops: [ContourLine]) -> Double {
        let areas = loops.map { loop -> Double in
            var twiceArea = 0.0
            for index in 1..<loop.x.count {
                twiceArea += loop.x[index - 1] * loop.y[index] - loop.x[index] * loop.y[index - 1]
            }
            return abs(twiceArea) / 2
        }.sorted(by: >)
        return areas[0] - areas.dropFirst().reduce(0, +)
    }

    /// {x² + y² ≥ ℓ} in the square [-2, 2]² is the square with a round hole of radius √ℓ: a loop around the
    /// border and a closed loop on the circle, with area 16 − πℓ.
    func testSuperlevelSetOfParaboloidIsSquareWithRoundHole() {
        let grid = ScalarGrid(xRange: -2...2, yRange: -2...2, columns: 81, rows: 81) { x, y in x * x + y * y }
        let levels = [0.5, 1, 2]
        let regions = MarchingSquares.superlevelBoundaries(in: grid, levels: levels)
        XCTAssertEqual(regions.count, 3)
        for (level, loops) in zip(levels, regions) {
            XCTAssertEqual(loops.count, 2, "level \(level)")
            for loop in loops {
                XCTAssertEqual(loop.x.first, loop.x.last)
                XCTAssertEqual(loop.y.first, loop.y.last)
                for (x, y) in zip(loop.x, loop.y) {
                    let onBorder = abs(abs(x) - 2) < 1e-12 || abs(abs(y) - 2) < 1e-12
                    let onCircle = abs((x * x + y * y).squareRoot() - level.squareRoot()) < 2e-3
                    XCTAssertTrue(onBorder || onCircle, "(\(x), \(y)) at level \(level)")
                }
            }
            XCTAssertEqual(evenOddArea(loops), 16 - Double.pi * level, accuracy: 0.01)
        }
    }

    /// A set reaching the border is closed along it: {x ≥ 0.35} in the unit square is the rectangle
    /// [0.35, 1] × [0, 1], and a level below every value gives the whole square.
    func testSuperlevelSetReachingTheBorderIsClosedAlongIt() {
        let grid = ScalarGrid(xRange: 0...1, yRange: 0...1, columns: 11, rows: 11) { x, _ in x }
        let regions = MarchingSquares.superlevelBoundaries(in: grid, levels: [-1, 0.35])
        XCTAssertEqual(regions[0].count, 1)
        XCTAssertEqual(evenOddArea(regions[0]), 1, accuracy: 1e-12)
        XCTAssertEqual(regions[1].count, 1)
        XCTAssertEqual(evenOddArea(regions[1]), 0.65, accuracy: 1e-12)
        XCTAssertEqual(regions[1][0].x.min()!, 0.35, accuracy: 1e-12)
    }

    /// Holes in the data are left out of the set instead of opening its boundary.
    func testNonFiniteValuesAreLeftOutOfTheSet() {
        let grid = ScalarGrid(xRange: 0...4, yRange: 0...4, columns: 5, rows: 5) { x, y in
            x == 2 && y == 2 ? .nan : 1
        }
        let loops = MarchingSquares.superlevelBoundaries(in: grid, levels: [0.5])[0]
        XCTAssertEqual(loops.count, 2)
        for loop in loops { XCTAssertEqual(loop.x.first, loop.x.last) }
        let area = evenOddArea(loops)
        XCTAssertLessThan(area, 16)
        XCTAssertGreaterThan(area, 16 - 2)
    }

    // MARK: - SVG and PDF

    /// The outlines of the `fill-rule: evenodd` paths of an SVG, in order: each path a list of closed
    /// sub-paths in page coordinates.
    private func evenOddPaths(in svg: String) -> [[[(x: Double, y: Double)]]] {
        let element = try! Regex(#"<path[^>]*>"#)
        let data = try! Regex(#" d="([^"]*)""#)
        return svg.matches(of: element).map { String(svg[$0.range]) }.filter { $0.contains("evenodd") }
            .map { path in
                guard let match = path.firstMatch(of: data), let commands = match.output[1].substring else { return [] }
                var subpaths: [[(x: Double, y: Double)]] = []
                var numbers: [Double] = []
                for token in commands.split(separator: " ") {
                    if let number = Double(token) {
                        numbers.append(number)
                        if numbers.count == 2 {
                            subpaths[subpaths.count - 1].append((numbers[0], numbers[1]))
                            numbers.removeAll()
                        }
                    } else if token == "M" {
                        subpaths.append([])
                    } else {
                        XCTAssertTrue(token == "L" || token == "Z", "unexpected path command \(token)")
                    }
                }
                return subpaths
            }
    }

    /// Even–odd point-in-polygon test (a ray towards +x crosses the outline an odd number of times).
    private func contains(_ subpaths: [[(x: Double, y: Double)]], _ point: (x: Double, y: Double)) -> Bool {
        var inside = false
        for subpath in subpaths {
            for (a, b) in zip(subpath, subpath.dropFirst() + [subpath[0]]) where (a.y > point.y) != (b.y > point.y) {
                let crossing = a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x)
                if crossing > point.x { inside.toggle() }
            }
        }
        return inside
    }

    private func paraboloidFigure(opacity: Double = 1) -> Figure {
        let figure = Figure(width: 320, height: 300, deviceScale: 1)
        let grid = ScalarGrid(xRange: -2...2, yRange: -2...2, columns: 41, rows: 41) { x, y in x * x + y * y }
        figure.axes.contourFilled(grid, levels: .values([0.5, 1, 2]), opacity: opacity)
        return figure
    }

    /// Filled contours of x² + y² in SVG are four even–odd paths, one per band, and no image; band k ≥ 1
    /// fills the square outside the circle of radius √ℓ_k, so each of its vertices lies on the square's
    /// border or within the grid's interpolation error (h²/(8r) < 2e-3 for h = 0.1) plus the SVG's rounding
    /// of that circle.
    func testSVGDrawsBandsAsPathsOnTheLevelCircles() throws {
        let svg = String(decoding: try paraboloidFigure().svgData(), as: UTF8.self)
        XCTAssertFalse(svg.contains("<image"))
        let bands = evenOddPaths(in: svg)
        XCTAssertEqual(bands.count, 4)
        guard bands.count == 4 else { return }
        // The lowest band covers the whole grid, so its outline gives the page position of [-2, 2]².
        let corners = bands[0].flatMap { $0 }
        let left = corners.map(\.x).min()!, right = corners.map(\.x).max()!
        let top = corners.map(\.y).min()!, bottom = corners.map(\.y).max()!
        func data(_ point: (x: Double, y: Double)) -> (x: Double, y: Double) {
            (-2 + 4 * (point.x - left) / (right - left), 2 - 4 * (point.y - top) / (bottom - top))
        }
        func page(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
            (left + (x + 2) / 4 * (right - left), top + (2 - y) / 4 * (bottom - top))
        }
        for (band, level) in zip(bands.dropFirst(), [0.5, 1, 2]) {
            var onCircle = 0
            for vertex in band.flatMap({ $0 }).map(data) {
                let radius = (vertex.x * vertex.x + vertex.y * vertex.y).squareRoot()
                if abs(radius - level.squareRoot()) < 0.01 {
                    onCircle += 1
                } else {
                    XCTAssertEqual(max(abs(vertex.x), abs(vertex.y)), 2, accuracy: 0.01,
                                   "vertex (\(vertex.x), \(vertex.y)) of the band above \(level)")
                }
            }
            XCTAssertGreaterThan(onCircle, 12, "level \(level)")
            // The circle is a hole: its centre is outside the band, a corner inside.
            XCTAssertFalse(contains(band, page(0, 0)), "level \(level)")
            XCTAssertTrue(contains(band, page(1.9, 1.9)), "level \(level)")
            XCTAssertEqual(contains(band, page(0, 0.9 * level.squareRoot())), false, "level \(level)")
            XCTAssertEqual(contains(band, page(0, 1.1 * level.squareRoot())), true, "level \(level)")
        }
        XCTAssertTrue(contains(bands[0], page(0, 0)))
    }

    /// With its colour bar the figure is still free of images: the bar is a gradient through the colour map's
    /// samples, in SVG and in PDF.
    func testColorBarIsAGradient() throws {
        let figure = paraboloidFigure()
        let grid = ScalarGrid(xRange: -2...2, yRange: -2...2, columns: 5, rows: 5) { x, y in x * x + y * y }
        figure.axes.contourFilled(grid, levels: .values([1]), colormap: .grays, showColorBar: true)
        let svg = String(decoding: try figure.svgData(), as: UTF8.self)
        XCTAssertFalse(svg.contains("<image"))
        XCTAssertTrue(svg.contains("<linearGradient"))
        // The grey map's two samples, white at the bottom of the bar and black at the top.
        XCTAssertEqual(svg.ranges(of: "<stop ").count, 2)
        let pdf = try figure.pdfData()
        XCTAssertNil(pdf.range(of: Data("/Subtype /Image".utf8)))
        XCTAssertNotNil(pdf.range(of: Data("/ShadingType 2".utf8)))
    }

    /// A faded fill is still paths, faded as one group so the stacked bands do not show through each other.
    func testTranslucentFillStaysVector() throws {
        let svg = String(decoding: try paraboloidFigure(opacity: 0.5).svgData(), as: UTF8.self)
        XCTAssertFalse(svg.contains("<image"))
        XCTAssertEqual(evenOddPaths(in: svg).count, 4)
        let pdf = try paraboloidFigure(opacity: 0.5).pdfData()
        XCTAssertEqual(pdf, try paraboloidFigure(opacity: 0.5).pdfData())
    }

    /// The PDF of filled contours is byte-identical from run to run and holds no image.
    func testPDFIsDeterministicAndHoldsNoImage() throws {
        let pdf = try paraboloidFigure().pdfData()
        XCTAssertEqual(pdf, try paraboloidFigure().pdfData())
        XCTAssertNil(pdf.range(of: Data("/Subtype /Image".utf8)))
        // The search does find images: a heat map is one.
        let heatmap = Figure(width: 200, height: 200, deviceScale: 1)
        heatmap.axes.heatmap(ScalarGrid(xRange: 0...1, yRange: 0...1, columns: 4, rows: 4) { x, y in x + y },
                             showColorBar: false)
        XCTAssertNotNil(try heatmap.pdfData().range(of: Data("/Subtype /Image".utf8)))
    }
}
