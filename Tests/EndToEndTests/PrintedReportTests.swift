import Foundation
import XCTest

/// Every shipped report opened in real headless Chromium (Debian's `chromium`): no horizontal overflow at
/// 1200 px, readable at 400 px, every image decodes, and `report run --pdf` prints a PDF whose pages are
/// well filled. Skipped only when Chromium or poppler-utils is absent (`./scripts/setup.sh --pdf` installs
/// both, and `.ci/run` does so, so CI runs these).
final class PrintedReportTests: XCTestCase {
    /// Pages of a printed handout are at least this full on average, the last page left out, where a page's
    /// fill is the share of its text block that content reaches down to (scripts/page-fill.py "used"): a report
    /// is one flow, so the blank a page break leaves is all at the end of the page. Measured on the shipped
    /// reports: 92–98 % (adam-vs-sgd's 8 pages before the print stylesheet sized figures: 56 % by the harsher
    /// count of inked rows, which scores even a page of stacked display equations that reaches the bottom
    /// margin at 73 %).
    static let minimumMeanFill = 0.85
    /// No page but the last is emptier than this: a figure or table that moved whole to the next page leaves
    /// at most this much of a page blank. Measured: 69–71 % at worst, before a tall picture that could not be
    /// shrunk enough to fit.
    static let minimumPageFill = 0.60

    private func tool(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = try TemporaryFolder.make().appendingPathComponent("out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try String(contentsOf: output, encoding: .utf8)
    }

    /// The report with a script that measures its layout once loaded and writes the result into the page.
    /// The report's own Content-Security-Policy forbids scripts, so the copy drops it.
    private func instrumented(_ html: String) -> String {
        let probe = """
            <script>
            window.addEventListener("load", () => {
              const root = document.documentElement;
              const images = [...document.images];
              const broken = images.filter(image => !(image.complete && image.naturalWidth > 0)).length;
              const main = document.querySelector("main");
              const result = {
                overflow: root.scrollWidth - root.clientWidth,
                images: images.length,
                broken: broken,
                fontSize: parseFloat(getComputedStyle(document.body).fontSize),
                scrollingVertically: [...document.querySelectorAll("main *")]
                  .filter(element => element.scrollHeight > element.clientHeight
                    && ["auto", "scroll"].includes(getComputedStyle(element).overflowY)).length,
                columnWidth: main.getBoundingClientRect().width
              };
              const output = document.createElement("pre");
              output.id = "layout-probe";
              output.textContent = JSON.stringify(result);
              document.body.appendChild(output);
            });
            </script>
            """
        var text = html
        if let start = text.range(of: "<meta http-equiv=\"Content-Security-Policy\""),
           let end = text[start.upperBound...].range(of: ">") {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return text.replacingOccurrences(of: "</head>", with: probe + "\n</head>")
    }

    private struct Probe: Decodable {
        var overflow: Double
        var images: Int
        var broken: Int
        var fontSize: Double
        var scrollingVertically: Int
        var columnWidth: Double
    }

    private func probe(_ html: URL, width: Int, chromium: String) throws -> Probe {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("probe.html")
        try instrumented(try String(contentsOf: html, encoding: .utf8)).write(to: copy, atomically: true, encoding: .utf8)
        let dom = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                     "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                                     "--window-size=\(width),1000", "--dump-dom", copy.absoluteString])
        guard let start = dom.range(of: "<pre id=\"layout-probe\">"),
              let end = dom[start.upperBound...].range(of: "</pre>") else {
            throw XCTSkip("Chromium printed no layout probe for \(html.path)")
        }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
        return try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
    }

    /// For each page: the share of the text block (between the 18 mm top and 20 mm bottom margins) from its
    /// top down to the page's last row with ink (a pixel darker than 250 of 255).
    private func pageFills(_ pdf: URL, pdftoppm: String) throws -> [Double] {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try run(pdftoppm, ["-r", "40", "-gray", pdf.path, folder.appendingPathComponent("page").path])
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pgm") }.sorted()
        return try pages.map { name in
            let data = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            // Binary PGM: "P5\n<width> <height>\n255\n", then one byte per pixel.
            var newlines: [Int] = []
            for (index, byte) in data.enumerated() where byte == 10 {
                newlines.append(index)
                if newlines.count == 3 { break }
            }
            let header = String(decoding: data[(newlines[0] + 1)..<newlines[1]], as: UTF8.self).split(separator: " ")
            let width = Int(header[0])!, height = Int(header[1])!
            let pixels = data[(newlines[2] + 1)...]
            let millimetre = 40 / 25.4
            let top = Int(18 * millimetre), bottom = height - Int(20 * millimetre)
            let lastInked = (top..<bottom).last { row in
                let start = pixels.startIndex + row * width
                return pixels[start..<(start + width)].contains { $0 < 250 }
            }
            return Double((lastInked ?? (top - 1)) + 1 - top) / Double(bottom - top)
        }
    }

    func testShippedReportsInChromium() throws {
        guard let chromium = tool("chromium"), let pdftoppm = tool("pdftoppm") else {
            throw XCTSkip("chromium or pdftoppm missing: ./scripts/setup.sh --pdf installs them")
        }
        let experiments = ReportExecutable.packageRoot.appendingPathComponent("experiments")
        let names = try FileManager.default.contentsOfDirectory(atPath: experiments.path)
            .filter { !$0.hasPrefix(".") }.sorted()
        let output = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: output) }
        for name in names {
            let result = try ReportExecutable.run(["run", "--pdf", "experiments/\(name)", "--output", output.path])
            XCTAssertEqual(result.status, 0, "\(name): \(result.standardError)")
            let folder = output.appendingPathComponent(name)
            let html = folder.appendingPathComponent("report.html")

            let wide = try probe(html, width: 1200, chromium: chromium)
            XCTAssertLessThanOrEqual(wide.overflow, 0, "\(name): the page scrolls sideways at 1200 px")
            XCTAssertGreaterThan(wide.images, 0, name)
            XCTAssertEqual(wide.broken, 0, "\(name): \(wide.broken) of \(wide.images) images do not decode")
            XCTAssertEqual(wide.scrollingVertically, 0, "\(name): paragraphs or equations with a vertical scroll bar")

            let narrow = try probe(html, width: 400, chromium: chromium)
            XCTAssertLessThanOrEqual(narrow.overflow, 0, "\(name): the page scrolls sideways at 400 px")
            XCTAssertGreaterThanOrEqual(narrow.fontSize, 15, "\(name): text too small at 400 px")
            XCTAssertGreaterThanOrEqual(narrow.columnWidth, 320, "\(name): reading column too narrow at 400 px")

            let pdf = folder.appendingPathComponent("report.pdf")
            XCTAssertTrue(FileManager.default.fileExists(atPath: pdf.path), "\(name): no report.pdf")
            let fills = try pageFills(pdf, pdftoppm: pdftoppm)
            XCTAssertGreaterThanOrEqual(fills.count, 2, "\(name): \(fills.count) pages")
            let body = fills.dropLast()
            let mean = body.reduce(0, +) / Double(max(body.count, 1))
            let percentages = fills.map { Int(($0 * 100).rounded()) }
            XCTAssertGreaterThanOrEqual(mean, Self.minimumMeanFill, "\(name): pages \(percentages) % full, mean \(Int(mean * 100)) %")
            for (index, fill) in body.enumerated() {
                XCTAssertGreaterThanOrEqual(fill, Self.minimumPageFill, "\(name): page \(index + 1) of \(percentages) % full")
            }
        }
    }

    /// `--pdf` without Chromium fails before compiling, saying how to install it.
    func testPDFWithoutChromiumIsAClearError() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = ReportExecutable.path
        process.arguments = ["run", "--pdf", "experiments/adam-vs-sgd", "--output", folder.path]
        process.currentDirectoryURL = ReportExecutable.packageRoot
        var environment = ProcessInfo.processInfo.environment
        // A PATH with swiftc's folder only: no Chromium on it.
        environment["PATH"] = "/opt/swift/usr/bin"
        process.environment = environment
        let errors = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertNotEqual(process.terminationStatus, 0)
        let message = try String(contentsOf: errors, encoding: .utf8)
        XCTAssertTrue(message.contains("./scripts/setup.sh --pdf"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("adam-vs-sgd").path))
    }
}
