import XCTest
@testable import Plotting

/// Axes take a locator and a formatter per axis; without them the defaults of the scale apply, unchanged.
final class AxisTickChoiceTests: XCTestCase {
    func testDefaultsAreTheScalesLocatorsAndFormatters() {
        let linear = Axes.ticks(scale: .linear, limits: 0...1, length: 400, spacing: 80)
        XCTAssertEqual(linear.major, ExtendedWilkinsonLocator().ticks(lower: 0, upper: 1, targetCount: 6))
        XCTAssertEqual(linear.labels.map(\.plainText), TickFormatter.linearLabels(linear.major).labels.map { RichText($0).plainText })
        let log = Axes.ticks(scale: .log10, limits: 1e-3...1, length: 400, spacing: 40)
        XCTAssertEqual(log.major, LogLocator().ticks(lower: 1e-3, upper: 1, targetCount: 10).major)
        XCTAssertEqual(log.labels.map(\.plainText), TickFormatter.logLabels(log.major).map { RichText($0).plainText })
    }

    func testAGivenLocatorAndFormatterAreUsed() {
        let ticks = Axes.ticks(scale: .linear, limits: 0...1, length: 400, spacing: 80,
                               locator: FixedTickLocator(major: [0, 0.5, 1, 2], minor: [0.25, 0.75]),
                               formatter: ClosureTickLabelFormatter { $0.map { "\(Int(($0 * 100).rounded())) %" } })
        XCTAssertEqual(ticks.major, [0, 0.5, 1], "a tick outside the view is dropped")
        XCTAssertEqual(ticks.minor, [0.25, 0.75])
        XCTAssertEqual(ticks.labels.map(\.plainText), ["0 %", "50 %", "100 %"])
        XCTAssertNil(ticks.multiplier)
    }

    func testAFigureDrawsWithItsAxisChoices() throws {
        let figure = Figure(width: 300, height: 200)
        figure.axes.plot([0, 1], [0, 1])
        figure.axes.yLocator = FixedTickLocator(major: [0, 1])
        figure.axes.yFormatter = ClosureTickLabelFormatter { $0.map { $0 == 0 ? "none" : "all" } }
        let svg = try String(decoding: figure.svgData(), as: UTF8.self)
        XCTAssertFalse(svg.isEmpty)
        let plain = Figure(width: 300, height: 200)
        plain.axes.plot([0, 1], [0, 1])
        XCTAssertNotEqual(try figure.rasterize(), try plain.rasterize())
    }
}
