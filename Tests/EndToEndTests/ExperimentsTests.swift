import Foundation
import XCTest

/// Every experiment in `experiments/` compiles, runs and writes a complete report, so none can rot unseen.
/// (adam-vs-sgd is covered in depth by `AdamVersusSGDTests`.)
final class ExperimentsTests: XCTestCase {
    func testEveryExperimentWritesItsReport() throws {
        let experiments = ReportExecutable.packageRoot.appendingPathComponent("experiments")
        let names = try FileManager.default.contentsOfDirectory(atPath: experiments.path)
            .filter { !$0.hasPrefix(".") && $0 != "adam-vs-sgd" }
            .sorted()
        XCTAssertFalse(names.isEmpty)
        let output = try TemporaryFolder.make()
        for name in names {
            let result = try ReportExecutable.run(["run", "experiments/\(name)", "--output", output.path])
            XCTAssertEqual(result.status, 0, "\(name): \(result.standardError)")
            let folder = output.appendingPathComponent(name)
            for file in ["report.md", "report.html"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(name)/\(file)")
            }
            let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
            XCTAssertFalse(markdown.contains("NaN"), "\(name)/report.md prints a NaN")
            let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
            XCTAssertNil(html.range(of: "<script", options: .caseInsensitive), "\(name)/report.html must stay script-free")
        }
    }
}
