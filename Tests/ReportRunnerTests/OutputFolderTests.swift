import XCTest
@testable import ReportRunner

final class OutputFolderTests: XCTestCase {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("output-folder-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testPublishedFoldersAreMarkedAndReplaced() throws {
        let root = try temporaryFolder()
        let destination = root.appendingPathComponent("output/x")
        let first = try OutputFolder(destination: destination)
        try Data("one".utf8).write(to: first.staging.appendingPathComponent("report.md"))
        try first.publish()
        XCTAssertEqual(try String(contentsOf: destination.appendingPathComponent(OutputFolder.markerName), encoding: .utf8),
                       OutputFolder.markerText)
        let second = try OutputFolder(destination: destination)
        try Data("two".utf8).write(to: second.staging.appendingPathComponent("report.md"))
        try second.publish()
        XCTAssertEqual(try String(contentsOf: destination.appendingPathComponent("report.md"), encoding: .utf8), "two")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("output").path), ["x"])
    }

    func testForeignFoldersAndSourceFoldersAreRefused() throws {
        let root = try temporaryFolder()
        let foreign = root.appendingPathComponent("output/x")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try OutputFolder(destination: foreign)) {
            XCTAssertTrue(String(describing: $0).contains("it was not written by report"), "\($0)")
        }
        let sources = root.appendingPathComponent("experiments/y")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try Data("// code\n".utf8).write(to: sources.appendingPathComponent("Y.swift"))
        XCTAssertThrowsError(try OutputFolder(destination: sources.appendingPathComponent("out/y"))) {
            XCTAssertTrue(String(describing: $0).contains("holds Swift source files"), "\($0)")
        }
        XCTAssertThrowsError(try OutputFolder(destination: sources)) {
            XCTAssertTrue(String(describing: $0).contains("holds Swift source files"), "\($0)")
        }
        // A report of the days before markers is recognised by what it holds.
        let legacy = root.appendingPathComponent("legacy/z")
        try FileManager.default.createDirectory(at: legacy.appendingPathComponent("figures"), withIntermediateDirectories: true)
        try Data().write(to: legacy.appendingPathComponent("report.md"))
        try Data().write(to: legacy.appendingPathComponent("figures/a.png"))
        XCTAssertNoThrow(try OutputFolder(destination: legacy).discard())
    }

    func testStagingFoldersOfDeadRunsAreRemoved() throws {
        let root = try temporaryFolder()
        // pid 2³¹ − 2 does not exist; our own pid does.
        let dead = root.appendingPathComponent(".x.staging-2147483646-1")
        let alive = root.appendingPathComponent(".x.staging-\(getpid())-1")
        for folder in [dead, alive] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        OutputFolder.removeAbandonedStagingFolders(in: root)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [alive.lastPathComponent])
    }
}
