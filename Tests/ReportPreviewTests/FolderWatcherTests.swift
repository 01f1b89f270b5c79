import Foundation
@testable import ReportPreview
import XCTest

final class FolderWatcherTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("watcher-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try "let x = 1\n".write(to: folder.appendingPathComponent("X.swift"), atomically: false, encoding: .utf8)
        try "# Notes\n".write(to: folder.appendingPathComponent("notes.md"), atomically: false, encoding: .utf8)
        try "a,b\n1,2\n".write(to: folder.appendingPathComponent("data/points.csv"), atomically: false, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testEveryKindOfEditIsSeenAndNothingElse() throws {
        let watcher = FolderWatcher(folder: folder)
        let before = watcher.snapshot()
        XCTAssertEqual(before.keys.sorted(), ["X.swift", "data/points.csv", "notes.md"])
        XCTAssertEqual(FolderWatcher.changes(from: before, to: watcher.snapshot()), [], "looking changes nothing")

        // Same size, in place: only the modification time tells.
        try "# Nitos\n".write(to: folder.appendingPathComponent("notes.md"), atomically: false, encoding: .utf8)
        // Written to a new file and renamed over the old one, as many editors save.
        try "a,b\n1,3\n".write(to: folder.appendingPathComponent("data/points.csv"), atomically: true, encoding: .utf8)
        try "new".write(to: folder.appendingPathComponent("data/more.csv"), atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("X.swift"))
        // Editor droppings are not the experiment's files.
        try "swap".write(to: folder.appendingPathComponent(".notes.md.swp"), atomically: false, encoding: .utf8)
        try "backup".write(to: folder.appendingPathComponent("notes.md~"), atomically: false, encoding: .utf8)

        XCTAssertEqual(FolderWatcher.changes(from: before, to: watcher.snapshot()),
                       ["X.swift", "data/more.csv", "data/points.csv", "notes.md"])
    }

    func testAnOutputFolderInsideTheExperimentIsNotWatched() throws {
        let output = folder.appendingPathComponent("output")
        let watcher = FolderWatcher(folder: folder, excluded: [output])
        let before = watcher.snapshot()
        try FileManager.default.createDirectory(at: output.appendingPathComponent("x"), withIntermediateDirectories: true)
        try "<html>".write(to: output.appendingPathComponent("x/report.html"), atomically: false, encoding: .utf8)
        XCTAssertEqual(FolderWatcher.changes(from: before, to: watcher.snapshot()), [])
    }
}
