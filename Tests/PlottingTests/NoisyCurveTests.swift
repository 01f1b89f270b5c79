import Foundation
import XCTest
@testable import Plotting

/// Loss curves whose values zig-zag (a dropout training loss) against hand-worked moving averages, and the
/// drawing order that keeps every curve's markers visible.
final class NoisyCurveTests: XCTestCase {
    func testMovingAverageOnALinearAxisIsTheMeanOfTheWindow() {
        // Window 3: the ends average two values, the middle three.
        let mean = NoisyCurveSmoothing.movingAverage([0, 6, 0, 6, 3], window: 3, logarithmic: false)
        XCTAssertEqual(mean, [3, 2, 4, 3, 4.5])
    }

    func testMovingAverageOnALogAxisIsGeometricAndSkipsUnusableValues() {
        // log10 of 1, 100, 1 averages to 2/3; the 0 and the NaN have no place on a log axis and are left out.
        let mean = NoisyCurveSmoothing.movingAverage([1, 100, 1, 0, .nan], window: 3, logarithmic: true)
        XCTAssertEqual(mean[0], 10, accuracy: 1e-12)            // (0 + 2) / 2
        XCTAssertEqual(mean[1], pow(10, 2.0 / 3), accuracy: 1e-12)
        XCTAssertEqual(mean[2], 10, accuracy: 1e-12)            // (2 + 0) / 2, the 0 left out
        XCTAssertTrue(mean[3].isNaN)
        XCTAssertTrue(mean[4].isNaN)
    }

    /// The regularization figure's case: a smooth curve with markers, then a noisy one drawn over it.
    private func figure() -> (smooth: [Double], noisy: [Double], figure: Figure) {
        let epochs = (0..<400).map(Double.init)
        let smooth = epochs.map { 0.5 * exp(-$0 / 100) + 0.2 }
        // ×1.6 and ÷1.6 in turn about a slow decay: log-residual log10(1.6) ≈ 0.2 against a span of about one
        // decade, far above the threshold.
        let noisy = epochs.map { (0.3 * exp(-$0 / 200) + 0.1) * ($0.truncatingRemainder(dividingBy: 2) == 0 ? 1.6 : 1 / 1.6) }
        var first = LossCurve(name: "L2", x: epochs, y: smooth)
        first.marker = .square
        var second = LossCurve(name: "dropout", x: epochs, y: noisy)
        second.marker = .triangleUp
        return (smooth, noisy, Figure.lossCurves([first, second]))
    }

    func testNoisyCurveIsDrawnPaleWithItsMovingAverageOnTop() throws {
        let (smooth, noisy, figure) = figure()
        let lines = figure.axes.artists.compactMap { $0 as? LineArtist }
        let labelled = lines.filter { $0.label != nil }
        XCTAssertEqual(labelled.map(\.label), ["L2", "dropout"])
        // The smooth curve is drawn as it is.
        XCTAssertEqual(labelled[0].y, smooth)
        // The noisy one: a pale, thinner line of the raw values with no legend entry, then the moving average.
        let raw = try XCTUnwrap(lines.first { $0.label == nil && $0.y == noisy })
        XCTAssertLessThan(raw.lineWidth, labelled[1].lineWidth)
        XCTAssertGreaterThan(raw.color.red + raw.color.green + raw.color.blue,
                             labelled[1].color.red + labelled[1].color.green + labelled[1].color.blue)
        let window = NoisyCurveSmoothing.window(count: noisy.count)
        XCTAssertEqual(window, 17)   // 400 / 25 = 16, made odd
        // Inside, each window of 17 holds 9 values of one phase and 8 of the other (or 8 and 9), so the mean log
        // is the decay's log ± log10(1.6) / 17.
        for index in 100..<300 {
            let decay = 0.3 * exp(-Double(index) / 200) + 0.1
            XCTAssertEqual(log10(labelled[1].y[index]), log10(decay), accuracy: log10(1.6) / 17 + 0.01, "epoch \(index)")
        }
    }

    func testMarkersAreDrawnAfterEveryLineAndOffsetPerCurve() {
        let artists = figure().figure.axes.artists.compactMap { $0 as? LineArtist }
        let markerArtists = artists.filter { $0.lineWidth == 0 }
        XCTAssertEqual(markerArtists.map(\.marker), [.square, .triangleUp])
        // Every line comes before the first markers-only artist, so no line covers a marker.
        let firstMarkers = artists.firstIndex { $0.lineWidth == 0 }!
        XCTAssertTrue(artists[firstMarkers...].allSatisfy { $0.lineWidth == 0 })
        // The lines themselves draw no markers, but their legend entries still show the shape.
        XCTAssertTrue(artists.filter { $0.lineWidth > 0 && $0.marker != .none }.allSatisfy { !$0.drawsMarkers })
        // Every 400 / 12 = 33rd point, the second curve half a spacing later.
        XCTAssertEqual(markerArtists.map(\.markerEvery), [33, 33])
        XCTAssertEqual(markerArtists.map(\.markerPhase), [0, 16])
        // The noisy curve's markers sit on its moving average, not on the spikes.
        XCTAssertNotEqual(markerArtists[1].y, figure().noisy)
    }

    func testSmoothCurvesAndCurvesWithBandsAreLeftAlone() {
        let epochs = (0..<300).map(Double.init)
        // A wobble of 0.2 % of the value: about 0.001 decades against a span of a decade, below the threshold.
        let wobbly = epochs.map { (exp(-$0 / 60) + 0.05) * (1 + 0.002 * sin($0)) }
        let runs = (0..<3).map { seed in epochs.map { (exp(-$0 / 60) + 0.05) * ($0.truncatingRemainder(dividingBy: 2) == 0 ? 1.5 : 0.7) + Double(seed) * 0.01 } }
        let figure = Figure.lossCurves([LossCurve(name: "smooth", x: epochs, y: wobbly),
                                        LossCurve.meanAndStandardDeviation(name: "mean of 3", x: epochs, runs: runs)])
        let lines = figure.axes.artists.compactMap { $0 as? LineArtist }
        XCTAssertEqual(lines.count, 2, "no pale raw lines")
        XCTAssertEqual(lines[0].y, wobbly)
        XCTAssertTrue(lines.allSatisfy { $0.label != nil })
    }

    /// Two curves through the same points: the first one's markers are the last thing drawn, above the second
    /// curve's line (before, the second line painted over them).
    func testEarlierCurvesMarkersAreDrawnAboveALaterLine() throws {
        let epochs = (0..<240).map(Double.init)
        // Both curves pass through the same points; the second zig-zags around the first.
        let first = epochs.map { _ in 0.3 }
        let second = epochs.map { $0.truncatingRemainder(dividingBy: 2) == 0 ? 0.6 : 0.15 }
        var a = LossCurve(name: "a", x: epochs, y: first, color: Color(hex: 0xff0000))
        a.marker = .square
        let b = LossCurve(name: "b", x: epochs, y: second, color: Color(hex: 0x0000ff))
        let figure = Figure.lossCurves([a, b], logarithmic: false)
        let lines = figure.axes.artists.compactMap { $0 as? LineArtist }
        let markers = try XCTUnwrap(lines.last)
        XCTAssertEqual(markers.lineWidth, 0)
        XCTAssertEqual(markers.color, Color(hex: 0xff0000))
        XCTAssertEqual(markers.y, first)
    }
}
