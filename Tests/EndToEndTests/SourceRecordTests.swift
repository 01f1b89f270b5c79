import Foundation
import XCTest

/// The appendix's commit and uncommitted-changes flag depend only on the experiment's files: an untracked
/// unrelated file, or an unrelated commit, leaves every byte of the report as it was.
final class SourceRecordTests: XCTestCase {
    func testUnrelatedFilesLeaveTheReportUnchanged() throws {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write(["experiments/note/Note.swift": TinyExperiments.note("Note"), "README.md": "# A course\n"], under: root)
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"] + arguments
            process.currentDirectoryURL = root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
        }
        try git("init", "-q")
        try git("add", ".")
        try git("commit", "-q", "-m", "course")
        // Keep the output out of git, as a real repository would.
        try TemporaryFolder.write([".git/info/exclude": "output/\n"], under: root)

        let first = try ReportExecutable.run(["run", "experiments/note"], in: root)
        XCTAssertEqual(first.status, 0, first.standardError)
        let output = root.appendingPathComponent("output/note")
        let before = try TemporaryFolder.snapshot(of: output)
        let markdown = String(decoding: before["report.md"]!, as: UTF8.self)
        XCTAssertTrue(markdown.contains("(clean tree)"), markdown)

        try TemporaryFolder.write(["unrelated/scratch.txt": "notes\n", "README.md": "# A course, edited\n"], under: root)
        let untracked = try ReportExecutable.run(["run", "experiments/note"], in: root)
        XCTAssertEqual(untracked.status, 0, untracked.standardError)
        XCTAssertEqual(try TemporaryFolder.snapshot(of: output), before, "an unrelated change changed the report")

        try git("add", "README.md")
        try git("commit", "-q", "-m", "unrelated")
        let committed = try ReportExecutable.run(["run", "experiments/note"], in: root)
        XCTAssertEqual(committed.status, 0, committed.standardError)
        XCTAssertEqual(try TemporaryFolder.snapshot(of: output), before, "an unrelated commit changed the report")

        try TemporaryFolder.write(["experiments/note/Extra.md": "more\n"], under: root)
        let dirty = try ReportExecutable.run(["run", "experiments/note"], in: root)
        XCTAssertEqual(dirty.status, 0, dirty.standardError)
        let dirtyMarkdown = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(dirtyMarkdown.contains("(with uncommitted changes)"), "a new file in the experiment's folder is a change")
    }
}
