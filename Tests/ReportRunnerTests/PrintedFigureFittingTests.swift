@testable import ReportRunner
import Foundation
import XCTest

/// The fitting pass's decision on synthetic printed positions, and byte-identical prints.
final class PrintedFigureFittingTests: XCTestCase {
    /// An A4 text block under the handout's margins: 733.6 pt tall, 504.6 pt wide.
    let fitting = PrintedFigureFitting(contentHeight: 733.6, textWidth: 504.6)

    private func picture(_ id: String, page: Int, top: Double, height: Double, image: Double,
                         before: PrintedPosition? = nil, aspect: Double = 1.6) -> PrintedFigure {
        let start = PrintedPosition(page: page, offset: top)
        return PrintedFigure(id: id, before: before ?? start, top: start,
                             after: PrintedPosition(page: page, offset: top + height),
                             image: start, caption: PrintedPosition(page: page, offset: top + image),
                             aspectRatio: aspect)
    }

    /// A 269 pt figure that moved to page 4 leaving 254 pt on page 3 shrinks by the 15 pt shortfall plus slack.
    func testMovedFigureShrinksByItsShortfall() throws {
        let moved = picture("f", page: 4, top: 0, height: 269, image: 229,
                            before: PrintedPosition(page: 3, offset: 733.6 - 254))
        let heights = try XCTUnwrap(fitting.nextHeights([moved], heights: [:], original: ["f": 229]))
        XCTAssertEqual(try XCTUnwrap(heights["f"]), 229 - (269 - 254 + PrintedFigureFitting.slack), accuracy: 1e-9)
        XCTAssertEqual(fitting.movedFigureGaps([moved]), 254, accuracy: 1e-9)
    }

    /// A shortfall beyond 25 % of the picture is left alone: nothing is scaled.
    func testShortfallBeyondTheMinimumScaleChangesNothing() {
        let moved = picture("f", page: 2, top: 0, height: 269, image: 229,
                            before: PrintedPosition(page: 1, offset: 733.6 - 150))
        XCTAssertNil(fitting.nextHeights([moved], heights: [:], original: ["f": 229]))
    }

    /// A wide picture stops at 55 % of the text width before 75 % of its height: aspect 3 → floor 92.5 pt.
    func testWidthFloorLimitsAWidePicture() throws {
        let floor = PrintedFigureFitting.minimumWidthShare * 504.6 / 3
        let moved = picture("f", page: 2, top: 0, height: 150, image: 110, before: PrintedPosition(page: 1, offset: 733.6 - 125),
                            aspect: 3)
        // Needs 150 − 125 + 4 = 29 pt, the width floor leaves 110 − 92.5 = 17.5: impossible.
        XCTAssertNil(fitting.nextHeights([moved], heights: [:], original: ["f": 110]))
        let closer = picture("f", page: 2, top: 0, height: 150, image: 110, before: PrintedPosition(page: 1, offset: 733.6 - 140),
                             aspect: 3)
        let heights = try XCTUnwrap(fitting.nextHeights([closer], heights: [:], original: ["f": 110]))
        XCTAssertEqual(try XCTUnwrap(heights["f"]), 110 - 14, accuracy: 1e-9)
        XCTAssertGreaterThan(heights["f"]!, floor)
    }

    /// A table that moved is pulled up by shrinking the picture wholly on the page above, in proportion to room.
    func testPictureAboveGivesRoomToAMovedTable() throws {
        let above = picture("a", page: 3, top: 100, height: 260, image: 220)
        let table = PrintedFigure(id: "t", before: PrintedPosition(page: 3, offset: 733.6 - 30),
                                  top: PrintedPosition(page: 4, offset: 0), after: PrintedPosition(page: 4, offset: 60))
        let heights = try XCTUnwrap(fitting.nextHeights([above, table], heights: [:], original: ["a": 220]))
        XCTAssertEqual(Set(heights.keys), ["a"])
        XCTAssertEqual(try XCTUnwrap(heights["a"]), 220 - (60 - 30 + PrintedFigureFitting.slack), accuracy: 1e-9)
        // A figure that did not move, or one that fits, asks for nothing.
        XCTAssertNil(fitting.nextHeights([above], heights: [:], original: ["a": 220]))
    }

    /// Shrinking is cumulative: a second pass starts from the heights given so far, floored.
    func testSecondPassStartsFromGivenHeights() throws {
        let moved = picture("f", page: 2, top: 0, height: 250, image: 210, before: PrintedPosition(page: 1, offset: 733.6 - 200))
        // Needs 54 pt; the floor is the width one, 0.55 · 504.6 / 1.6 = 173.4: 55.6 pt of room from 229, 26.6 from 200.
        XCTAssertNotNil(fitting.nextHeights([moved], heights: [:], original: ["f": 229]))
        XCTAssertNil(fitting.nextHeights([moved], heights: ["f": 200], original: ["f": 229]))
    }

    func testMarkupFindsFiguresAndLeavesOthersAlone() {
        let html = """
            <html><head><style>@page { size: A4; margin: 18mm 16mm 20mm 16mm; }</style></head><body><main>
            <figure class="figure" id="fig-a">
            <img src="data:image/png;base64,AA" alt="Figure 1." width="800" height="500">
            <figcaption><span class="label">Figure 1.</span> A.</figcaption>
            </figure><figure class="listing"><pre>x</pre></figure>
            <figure class="table" id="tab-b"><figcaption>T</figcaption><table></table></figure></main></body></html>
            """
        let markup = PrintedFigureMarkup(html)
        XCTAssertEqual(markup.figures.map(\.id), ["fig-a", "tab-b"])
        XCTAssertEqual(markup.figures[0].aspectRatio, 1.6)
        XCTAssertNil(markup.figures[1].aspectRatio)
        XCTAssertTrue(markup.instrumented.contains("<div id=\"report-fit-before-fig-a\"></div><figure class=\"figure\" id=\"fig-a\">"))
        XCTAssertTrue(markup.instrumented.contains("<img id=\"report-fit-image-fig-a\" src="))
        XCTAssertTrue(markup.instrumented.contains("<figcaption id=\"report-fit-caption-fig-a\">"))
        XCTAssertTrue(markup.instrumented.contains("<a href=\"#report-fit-after-tab-b\"></a></body>"))
        XCTAssertTrue(markup.instrumented.contains("<figure class=\"listing\"><pre>x</pre></figure>"))
        let page = PrintedPage(stylesheetOf: html)
        XCTAssertEqual(page?.topMargin ?? 0, 18 * 72 / 25.4, accuracy: 1e-9)
        XCTAssertEqual(page?.bottomMargin ?? 0, 20 * 72 / 25.4, accuracy: 1e-9)
        let styled = PrintedFigureMarkup.withImageHeights(html, ["fig-a": 200])
        XCTAssertTrue(styled.contains("<style>@media print { figure.figure[id=\"fig-a\"] img { max-height: 200.00pt; } }</style>\n</head>"))
        XCTAssertEqual(PrintedFigureMarkup.withImageHeights(html, [:]), html)
    }

    func testFixedDatesKeepTheLength() {
        let pdf = Data("1 0 obj\n<</Creator (Chromium)\n/CreationDate (D:20261202131246+00'00')\n/ModDate (D:20261202131247+00'00')>>".utf8)
        let fixed = PrintedPDF.withFixedDates(pdf)
        XCTAssertEqual(fixed.count, pdf.count)
        XCTAssertEqual(String(decoding: fixed, as: UTF8.self),
                       "1 0 obj\n<</Creator (Chromium)\n/CreationDate (D:20000101000000+00'00')\n/ModDate (D:20000101000000+00'00')>>")
    }

    /// Two prints of the same page give the same bytes, and its named destinations read back where they are.
    func testPrintsAreByteIdenticalAndDestinationsReadBack() throws {
        guard let chromium = PDFPrinter.find() else { throw XCTSkip("chromium missing: ./scripts/setup.sh --pdf") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fitting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("page.html")
        try """
            <!doctype html><html><head><style>@page { size: A4; margin: 18mm 16mm 20mm 16mm; } body { margin: 0; }
            </style></head><body><div style="height: 100pt"></div><div id="a">A</div><a href="#a">A</a></body></html>
            """.write(to: html, atomically: true, encoding: .utf8)
        let printer = PDFPrinter(executable: chromium)
        let first = folder.appendingPathComponent("first.pdf"), second = folder.appendingPathComponent("second.pdf")
        try printer.print(html, to: first)
        Thread.sleep(forTimeInterval: 1.1)
        try printer.print(html, to: second)
        let bytes = try Data(contentsOf: first)
        XCTAssertEqual(bytes, try Data(contentsOf: second))
        let layout = try PrintedPDF(bytes)
        XCTAssertEqual(layout.pageCount, 1)
        XCTAssertEqual(layout.pageHeight, 841.92, accuracy: 0.1)
        let heading = try XCTUnwrap(layout.destinations["a"])
        XCTAssertEqual(heading.page, 1)
        XCTAssertEqual(heading.offset, 100, accuracy: 1)
    }
}
