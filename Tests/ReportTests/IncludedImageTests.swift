import XCTest
@testable import Report
import TestSupport

final class IncludedImageTests: XCTestCase {
    private var folder: URL!
    private let png = TestPNG.solid(width: 2, height: 1, red: 9, green: 8, blue: 7)

    override func setUpWithError() throws {
        folder = try SampleDocument.makeExperimentFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes/img"), withIntermediateDirectories: true)
        try png.write(to: folder.appendingPathComponent("notes/img/plot.png"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func render(notes: String) throws -> (markdown: String, html: String, images: [IncludedImage]) {
        try Data(notes.utf8).write(to: folder.appendingPathComponent("notes/week1.md"))
        let document = Document(title: "Images", includesReproducibilityAppendix: false) { Include("notes/week1.md") }
        let rendered = try document.render(context: SampleDocument.context(sourceDirectory: folder),
                                           convertMath: SampleDocument.fakeMath)
        return (rendered.markdown, rendered.html, rendered.images)
    }

    func testImagesBesideTheNotesAreCopiedAndEmbedded() throws {
        let rendered = try render(notes: "A plot: ![the plot](img/plot.png) and again ![again](./img/plot.png).\n")
        XCTAssertTrue(rendered.markdown.contains("![the plot](figures/included/notes-img-plot.png)"), rendered.markdown)
        XCTAssertTrue(rendered.markdown.contains("![again](figures/included/notes-img-plot.png)"), rendered.markdown)
        XCTAssertEqual(rendered.images.map(\.outputPath), ["figures/included/notes-img-plot.png"])
        XCTAssertEqual(rendered.images.first?.data, png)
        XCTAssertTrue(rendered.html.contains("<img src=\"data:image/png;base64,\(png.base64EncodedString())\" alt=\"the plot\""))
    }

    func testMissingAndOutsideImagesAreErrorsNamingThem() {
        XCTAssertThrowsError(try render(notes: "![x](img/absent.png)")) { error in
            XCTAssertEqual("\(error)", "notes/week1.md: image 'img/absent.png' not found in the experiment folder")
        }
        XCTAssertThrowsError(try render(notes: "![x](../../outside.png)")) { error in
            XCTAssertTrue("\(error)".contains("'../../outside.png' is outside the experiment folder"), "\(error)")
        }
        XCTAssertThrowsError(try render(notes: "![x](https://example.com/x.png)")) { error in
            XCTAssertTrue("\(error)".contains("'https://example.com/x.png' is not a file in the experiment folder"), "\(error)")
        }
    }

    func testWrittenReportContainsTheCopies() throws {
        try Data("![p](img/plot.png)\n".utf8).write(to: folder.appendingPathComponent("notes/week1.md"))
        let output = folder.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let document = Document(title: "Images") { Include("notes/week1.md") }
        let written = try document.write(to: output, context: SampleDocument.context(sourceDirectory: folder))
        XCTAssertEqual(written.figureFiles.map(\.lastPathComponent), ["notes-img-plot.png"])
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("figures/included/notes-img-plot.png")), png)
    }
}
