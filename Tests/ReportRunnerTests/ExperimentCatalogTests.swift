import Foundation
import ReportRunner
import XCTest

final class ExperimentCatalogTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ text: String, to relativePath: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func testListsFoldersWithSwiftSourcesSortedByNameAndSkipsTheRest() throws {
        try write("/// Second.\n@main\nstruct B {}\n", to: "beta/B.swift")
        try write("/// First line.\n/// Second line.\n@main\nstruct A {}\n", to: "alpha/A.swift")
        try write("just notes", to: "notes-only/notes.md")
        try write("", to: ".hidden/H.swift")
        try write("a file, not a folder", to: "loose.swift")

        let experiments = try ExperimentCatalog(directory: root).experiments()

        XCTAssertEqual(experiments.map(\.name), ["alpha", "beta"])
        XCTAssertEqual(experiments.map(\.summary), ["First line.", "Second."])
    }

    func testSourceFilesAreSortedSoCompilationIsDeterministic() throws {
        try write("struct Z {}", to: "x/Zeta.swift")
        try write("struct A {}", to: "x/Alpha.swift")
        try write("/// Main.\n@main struct M {}", to: "x/Main.swift")

        let entry = try XCTUnwrap(ExperimentCatalog.entry(at: root.appendingPathComponent("x")))

        XCTAssertEqual(entry.sourceFiles.map(\.lastPathComponent), ["Alpha.swift", "Main.swift", "Zeta.swift"])
        XCTAssertEqual(entry.summary, "Main.")
    }

    func testAnExperimentWithoutADescriptionSaysSo() throws {
        try write("@main\nstruct A {}\n", to: "plain/A.swift")
        let entry = try XCTUnwrap(ExperimentCatalog.entry(at: root.appendingPathComponent("plain")))
        XCTAssertEqual(entry.summary, "(no /// description above @main)")
    }

    func testCacheKeyChangesWithEveryPartAndItsBoundaries() {
        XCTAssertEqual(CacheKey.hash(["a", "b"]), CacheKey.hash(["a", "b"]))
        XCTAssertNotEqual(CacheKey.hash(["a", "b"]), CacheKey.hash(["a", "c"]))
        // The separator between parts keeps ["ab", ""] apart from ["a", "b"].
        XCTAssertNotEqual(CacheKey.hash(["ab", ""]), CacheKey.hash(["a", "b"]))
    }
}
