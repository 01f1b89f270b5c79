import XCTest
@testable import Plotting

/// Issue 11: no figure crashes on finite or non-finite input, and none silently shows something else.
final class FigureRobustnessTests: XCTestCase {
    private let blue = Color(hex: 0x0000FF)

    /// How many pixels are pure-ish blue (the series colour).
    private func bluePixels(_ figure: Figure) throws -> Int {
        let image = try figure.rasterize()
        return image.pixels.filter { $0 & 0xFF > 0xC0 && ($0 >> 16) & 0xFF < 0x60 && ($0 >> 8) & 0xFF < 0x60 }.count
    }

    func testIsolatedPointsBetweenNonFiniteValuesAreDrawn() throws {
        let figure = Figure(width: 300, height: 200, deviceScale: 1)
        figure.axes.plot([0, 1, 2, 3, 4, 5], [1, .nan, 3, .infinity, -.infinity, 2], color: blue)
        figure.axes.hidesAxes = true
        // Three isolated points, each a dot of about 2.6 line widths: well over a few pixels each.
        XCTAssertGreaterThan(try bluePixels(figure), 3 * 10)
    }

    func testSinglePointIsDrawnAndConstantDataGetsARange() throws {
        let single = Figure(width: 300, height: 200, deviceScale: 1)
        single.axes.plot([2], [7], color: blue)
        XCTAssertGreaterThan(try bluePixels(single), 10)
        let limits = single.axes.automaticLimits()
        XCTAssertTrue(limits.x.contains(2) && limits.x.upperBound > limits.x.lowerBound)
        XCTAssertTrue(limits.y.contains(7) && limits.y.upperBound > limits.y.lowerBound)

        let constant = Figure(width: 300, height: 200, deviceScale: 1)
        constant.axes.plot([0, 1, 2], [0, 0, 0], color: blue)
        let flat = constant.axes.automaticLimits().y
        XCTAssertTrue(flat.lowerBound < 0 && flat.upperBound > 0, "\(flat)")
        XCTAssertGreaterThan(try bluePixels(constant), 100)
    }

    func testValuesNearTheLargestDoubleDoNotCrash() throws {
        for scale in [Scale.linear, .log10] {
            for values in [[1, 1e300], [1e-300, 1.7e308], [-1.7e308, 1.7e308], [.greatestFiniteMagnitude, .greatestFiniteMagnitude]] {
                let figure = Figure(width: 300, height: 200, deviceScale: 1)
                figure.axes.plot([0, 1], values)
                figure.axes.yScale = scale
                XCTAssertNoThrow(try figure.pngData(), "\(scale) \(values)")
                let limits = figure.axes.automaticLimits().y
                XCTAssertTrue(limits.lowerBound.isFinite && limits.upperBound.isFinite, "\(scale) \(values): \(limits)")
            }
        }
        XCTAssertNoThrow(try Figure.lossCurves([LossCurve(name: "huge", y: [1, 1e100, 1e300, 1.7e308])]).pngData())
    }

    func testMismatchedLengthsAreAnErrorNamingTheSeries() {
        let figure = Figure(width: 300, height: 200, deviceScale: 1)
        figure.axes.plot([1, 2, 3], [1, 2], label: "validation loss")
        figure.axes.scatter([1, 2], [1, 2, 3])
        XCTAssertThrowsError(try figure.pngData()) { error in
            XCTAssertEqual(String(describing: error),
                           "series \"validation loss\" has 3 x values, 2 y values; they must be equally long; "
                           + "series 2 (unlabelled) has 2 x values, 3 y values; they must be equally long")
        }
    }

    func testNonPositiveValuesOnALogAxisAreCountedForTheNote() throws {
        let figure = Figure(width: 300, height: 200, deviceScale: 1)
        figure.axes.plot([0, 1, 2, 3, 4], [1, 0, -1, 0.1, .nan])
        figure.axes.yScale = .log10
        XCTAssertEqual(figure.axes.artists[0].pointsHiddenByLogScale(xScale: .linear, yScale: .log10), 2)
        let withNote = try figure.rasterize()
        figure.axes.yScale = .linear
        XCTAssertEqual(figure.axes.artists[0].pointsHiddenByLogScale(xScale: .linear, yScale: .linear), 0)
        XCTAssertGreaterThan(withNote.width, 0)
    }

    /// A run that diverges keeps its overflowing last values out of the limits, and gets a legend entry and a
    /// mark even when it has no value at all.
    func testDivergedRunsAreMarkedAndDoNotStretchTheAxis() throws {
        let steady = LossCurve(name: "Adam", y: [1, 0.5, 0.2, 0.1])
        let exploding = LossCurve(name: "SGD", y: [1, 10, 1e10, 1e30], divergedAt: 4, divergenceNote: "diverged at epoch 4 (step 40)")
        let figure = Figure.lossCurves([steady, exploding], logarithmic: true)
        let limits = figure.axes.automaticLimits().y
        XCTAssertLessThan(limits.upperBound, 100, "the 10³⁰ of the diverged run must not set the top: \(limits)")
        XCTAssertTrue(figure.axes.artists.compactMap(\.legendEntry).map(\.label).contains("SGD — diverged at epoch 4 (step 40)"))

        let immediate = LossCurve(name: "SGD", y: [], divergedAt: 1, divergenceNote: "diverged at epoch 1 (step 1)")
        let empty = Figure.lossCurves([immediate], logarithmic: true)
        XCTAssertEqual(empty.axes.artists.compactMap(\.legendEntry).map(\.label), ["SGD — diverged at epoch 1 (step 1)"])
        XCTAssertTrue(empty.axes.artists.contains { ($0 as? ReferenceLineArtist)?.value == 1 }, "a mark at epoch 1")
        XCTAssertNoThrow(try empty.pngData())
    }
}
