import Foundation
import XCTest

/// The experiment printed in README.md compiles and runs as printed.
final class ReadmeExampleTests: XCTestCase {
    func testReadmeExperimentRuns() throws {
        let readme = try String(contentsOf: ReportExecutable.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.range(of: "## Write your own experiment"), "README.md lost its section")
        let rest = readme[section.upperBound...]
        let start = try XCTUnwrap(rest.range(of: "```swift\n"), "no Swift example in the section")
        let end = try XCTUnwrap(rest[start.upperBound...].range(of: "```\n"))
        let source = String(rest[start.upperBound..<end.lowerBound])

        let root = try TemporaryFolder.make()
        try TemporaryFolder.write(["experiments/sigmoid-note/SigmoidNote.swift": source], under: root)
        let result = try ReportExecutable.run(["run", "experiments/sigmoid-note"], in: root)
        XCTAssertEqual(result.status, 0, result.standardError)
        let markdown = try String(contentsOf: root.appendingPathComponent("output/sigmoid-note/report.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("# The sigmoid"), markdown)
        XCTAssertTrue(markdown.contains("\\sigma(x)(1-\\sigma(x))"), markdown)
    }
}
