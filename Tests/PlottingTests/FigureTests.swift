import Foundation
import XCTest
@testable import Plotting

final class FigureTests: XCTestCase {
    private func sampleFigure() -> Figure {
        let figure = Figure(width: 400, height: 250, deviceScale: 1)
        let x = (0..<50).map(Double.init)
        figure.axes.plot(x, x.map { exp(-$0 / 10) }, label: "训练 train")
        figure.axes.plot(x, x.map { 1.2 * exp(-$0 / 12) }, label: "validation", style: .dashed)
        figure.axes.yScale = .log10
        figure.axes.title = "损失曲线 Loss curve"
        figure.axes.legend()
        return figure
    }

    /// Identical input gives identical bytes in all three formats, also across separate figure objects
    /// (Cairo numbers SVG surfaces with a process-wide counter, which the writer renumbers).
    func testOutputsAreByteIdentical() throws {
        XCTAssertEqual(try sampleFigure().pngData(), try sampleFigure().pngData())
        XCTAssertEqual(try sampleFigure().svgData(), try sampleFigure().svgData())
        XCTAssertEqual(try sampleFigure().pdfData(), try sampleFigure().pdfData())
    }

    /// Images (a heat map, filled contours) add Cairo surfaces and patterns to SVG and PDF; they must not
    /// make the output depend on what was drawn before in the process.
    func testFiguresWithImagesAreByteIdentical() throws {
        func make() -> Figure {
            let figure = Figure(width: 300, height: 200, columns: 2, deviceScale: 1)
            let grid = ScalarGrid(xRange: -1...1, yRange: -1...1, columns: 12, rows: 12) { x, y in x * x - y }
            figure[0, 0].heatmap(grid)
            figure[0, 1].contourFilled(grid, levels: .automatic(count: 6), showColorBar: true)
            figure[0, 1].contour(grid, levels: .automatic(count: 6), color: .black)
            return figure
        }
        let first = try make().svgData()
        _ = try make().pngData()
        XCTAssertEqual(first, try make().svgData())
        XCTAssertEqual(try make().pdfData(), try make().pdfData())
    }

    func testVectorOutputsCarryNoDatesOrVersions() throws {
        let pdf = String(decoding: try sampleFigure().pdfData(), as: UTF8.self)
        XCTAssertFalse(pdf.contains("CreationDate"))
        XCTAssertFalse(pdf.contains("ModDate"))
        XCTAssertFalse(pdf.contains("cairo 1."))
        XCTAssertTrue(pdf.hasPrefix("%PDF-"))
        let svg = String(decoding: try sampleFigure().svgData(), as: UTF8.self)
        XCTAssertTrue(svg.contains("<svg"))
        XCTAssertTrue(svg.contains("width=\"400pt\""))
    }

    func testPNGHasDeviceScaledSize() throws {
        let figure = Figure(width: 300, height: 200, deviceScale: 2)
        figure.axes.plot([0, 1], [0, 1])
        let image = try RasterImage(pngData: figure.pngData())
        XCTAssertEqual(image.width, 600)
        XCTAssertEqual(image.height, 400)
    }

    /// The theme's fonts resolve through fontconfig to themselves (no silent substitution, which would change
    /// output and could draw Chinese as boxes).
    func testThemeFontsAreInstalled() throws {
        for font in [Theme().fontFamily, Theme().fallbackFontFamily] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/fc-match")
            process.arguments = ["--format=%{family}", font]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            process.waitUntilExit()
            let family = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertTrue(family.contains(font), "fc-match resolved \(font) to \(family)")
        }
    }

    /// Columns (first, last) holding ink of the given text, drawn alone in red on a blank page.
    private func inkColumns(of text: String, size: Double) throws -> (first: Int, last: Int) {
        let figure = Figure(width: 400, height: 100, deviceScale: 1)
        figure.axes.hidesAxes = true
        figure.axes.text(text, x: 0.05, y: 0.5, coordinates: .axesFraction, size: size, color: Color(hex: 0xFF0000),
                         vertical: .center)
        let image = try figure.rasterize()
        var columns: [Int] = []
        for row in 0..<image.height {
            for column in 0..<image.width {
                let pixel = image.pixels[row * image.width + column]
                // Reddish: red channel high, green and blue clearly lower.
                if (pixel >> 16) & 0xFF > 0xC0 && (pixel >> 8) & 0xFF < 0xA0 { columns.append(column) }
            }
        }
        return (columns.min() ?? 0, columns.max() ?? 0)
    }

    /// A superscript and a subscript on one base stack: the text is as wide as with the superscript alone,
    /// not as wide as the two side by side.
    func testSuperscriptAndSubscriptStack() throws {
        let stacked = try inkColumns(of: "M^{MMM}_{MMM}", size: 24)
        let superscriptOnly = try inkColumns(of: "M^{MMM}", size: 24)
        let sideBySide = try inkColumns(of: "M^{MMM}M_{MMM}", size: 24)
        XCTAssertEqual(stacked.last - stacked.first, superscriptOnly.last - superscriptOnly.first, accuracy: 2)
        XCTAssertLessThan(stacked.last - stacked.first, (sideBySide.last - sideBySide.first) * 3 / 4)
    }

    /// Mathematical symbols come from the Latin main font at their proportional widths: ten middle dots
    /// between two letters take about 3.2 em in DejaVu Sans, where a CJK font's full-width dots take 10 em.
    func testSymbolsKeepLatinWidths() throws {
        let ink = try inkColumns(of: "x··········x", size: 20)
        XCTAssertLessThan(ink.last - ink.first, 130)
    }

    /// Neuron labels pick the text colour with the higher WCAG contrast ratio (L₁ + 0.05)/(L₂ + 0.05).
    /// Hand-computed: tab10 blue #1F77B4 has relative luminance 0.168, 4.8 : 1 against white and 3.6 : 1
    /// against grey 0.1 (luminance 0.010), so white; light fills (white, #FFD700) take the dark text.
    func testNeuronLabelColorFollowsContrast() {
        XCTAssertEqual(Figure.labelColor(on: Color(hex: 0x1F77B4)), .white)
        XCTAssertEqual(Figure.labelColor(on: .white), Color(gray: 0.1))
        XCTAssertEqual(Figure.labelColor(on: Color(hex: 0xFFD700)), Color(gray: 0.1))
        XCTAssertEqual(Figure.labelColor(on: .black), .white)
    }

    /// NaN, ±∞ and values far outside the limits neither crash nor draw outside the plotting area,
    /// and a NaN breaks the line: the polyline splits into two pieces.
    func testDivergentDataBreaksTheLineAndStaysInside() throws {
        let figure = Figure(width: 300, height: 200, deviceScale: 1)
        let blue = Color(hex: 0x0000FF)
        var y = (0..<100).map { 0.5 + 0.3 * sin(Double($0) / 8) }
        y[40] = .nan
        y[60] = .infinity
        y[61] = -1e300
        y[62] = 1e300
        figure.axes.plot((0..<100).map(Double.init), y, color: blue)
        figure.axes.yLimits = 0...1
        figure.axes.hidesAxes = true
        let image = try figure.rasterize()
        for row in [0, 1, 2, image.height - 3, image.height - 2, image.height - 1] {
            for column in 0..<image.width {
                let pixel = image.pixels[row * image.width + column]
                XCTAssertFalse(pixel & 0xFF > 0xC0 && (pixel >> 16) & 0xFF < 0x80, "blue at row \(row)")
            }
        }
        let artist = figure.axes.artists[0] as! LineArtist
        let transform = DataTransform(
            x: AxisMapping(scale: .linear, lower: 0, upper: 99, start: 0, end: 300),
            y: AxisMapping(scale: .linear, lower: 0, upper: 1, start: 200, end: 0))
        XCTAssertEqual(artist.obstacles(transform: transform).count, 3, "NaN and ±∞ split the line")
    }

    func testLogAxisSkipsNonPositiveValuesAndClipsBands() throws {
        let figure = Figure(width: 300, height: 200, deviceScale: 1)
        let x = (0..<20).map(Double.init)
        let mean = x.map { exp(-$0 / 5) }
        figure.axes.fillBetween(x, lower: mean.map { $0 - 0.5 }, upper: mean.map { $0 + 0.5 })
        figure.axes.plot(x, mean.enumerated().map { $0.offset == 3 ? 0 : $0.element })
        figure.axes.yScale = .log10
        let limits = figure.axes.automaticLimits()
        XCTAssertGreaterThan(limits.y.lowerBound, 0)
        XCTAssertNoThrow(try figure.pngData())
    }

    /// mean − std < 0 has no place on a log axis: the band must reach down to the bottom of the plot
    /// instead of disappearing.
    func testBandBelowZeroOnLogAxisReachesTheBottom() throws {
        var theme = Theme()
        theme.figurePadding = 10
        let figure = Figure(width: 300, height: 200, deviceScale: 1, theme: theme)
        let x = (0...10).map(Double.init)
        figure.axes.fillBetween(x, lower: x.map { _ in -0.04 }, upper: x.map { _ in 0.06 }, color: Color(hex: 0x0000FF),
                                opacity: 1)
        figure.axes.yScale = .log10
        figure.axes.yLimits = 1e-3...1
        figure.axes.hidesAxes = true
        let image = try figure.rasterize()
        // The plotting area is the page less the 10-unit padding: rows 10…190.
        XCTAssertEqual(image.pixels[187 * image.width + 150] & 0xFF_FFFF, 0x0000FF)
        XCTAssertEqual(image.pixels[40 * image.width + 150] & 0xFF_FFFF, 0xFFFFFF)
    }

    func testEmptyAndConstantDataStillDrawAxes() throws {
        let empty = Figure(width: 200, height: 150, deviceScale: 1)
        XCTAssertNoThrow(try empty.pngData())
        let constant = Figure(width: 200, height: 150, deviceScale: 1)
        constant.axes.plot([1, 2, 3], [5, 5, 5])
        let limits = constant.axes.automaticLimits()
        XCTAssertLessThan(limits.y.lowerBound, 5)
        XCTAssertGreaterThan(limits.y.upperBound, 5)
    }

    /// A constant series on a log axis spans a decade either way: 10⁻³ gives 10⁻⁴…10⁻².
    func testConstantSeriesOnLogAxisWidensByDecades() {
        let figure = Figure(width: 200, height: 150, deviceScale: 1, theme: { var theme = Theme(); theme.dataMargin = 0; return theme }())
        figure.axes.plot([1, 2, 3], [1e-3, 1e-3, 1e-3])
        figure.axes.yScale = .log10
        let limits = figure.axes.automaticLimits()
        XCTAssertEqual(limits.y.lowerBound, 1e-4, accuracy: 1e-12)
        XCTAssertEqual(limits.y.upperBound, 1e-2, accuracy: 1e-12)
    }

    func testSharedAxesUseTheUnionOfLimitsAndHideInnerLabels() throws {
        let figure = Figure(rows: 2, columns: 2, sharedX: true, sharedY: true)
        figure[0, 0].plot([0, 1], [0, 1])
        figure[1, 1].plot([-5, 3], [2, 7])
        _ = try figure.svgData()
        XCTAssertTrue(figure[0, 0].hidesXTickLabels)
        XCTAssertFalse(figure[1, 0].hidesXTickLabels)
        XCTAssertTrue(figure[1, 1].hidesYTickLabels)
        XCTAssertFalse(figure[0, 0].hidesYTickLabels)
    }

    /// Five panels in a 2 × 3 grid: the panel above the empty sixth cell keeps its x tick labels.
    func testPanelAboveAnEmptyCellKeepsItsXLabels() throws {
        let figure = Figure(rows: 2, columns: 3, sharedX: true)
        for axes in figure.allAxes.prefix(5) {
            axes.plot([0, 1], [0, 1])
            axes.xLabel = "x"
        }
        figure[1, 2].hidesAxes = true
        _ = try figure.svgData()
        XCTAssertTrue(figure[0, 0].hidesXTickLabels)
        XCTAssertNil(figure[0, 0].shownXLabel)
        XCTAssertFalse(figure[0, 2].hidesXTickLabels)
        XCTAssertEqual(figure[0, 2].shownXLabel, "x")
    }

    func testGrayscaleUsesLuma() {
        let image = RasterImage(width: 2, height: 1, pixels: [0xFFFF_0000, 0xFF00_FF00])
        let gray = image.grayscale()
        XCTAssertEqual(gray.pixels[0] & 0xFF, 54)  // 0.2126 · 255
        XCTAssertEqual(gray.pixels[1] & 0xFF, 182)  // 0.7152 · 255
    }
}
