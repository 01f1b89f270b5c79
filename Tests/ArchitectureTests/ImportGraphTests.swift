import Foundation
import XCTest

/// The module graph is written down three times: the targets' `dependencies:` in Package.swift, the arrow lines
/// of Package.swift's header comment and of ARCHITECTURE.md; and it exists once for real, in the `import` lines
/// of the sources. These tests read all four and require them to agree, so that none can drift.
final class ImportGraphTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// One target of Package.swift.
    struct Target {
        var name: String
        var kind: String
        var folder: URL
        var dependencies: Set<String>
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The targets as Package.swift declares them (its own layout: one `.kind(name: …, dependencies: […], …)`
    /// call per target; a product dependency counts by its product name).
    static func declaredTargets() throws -> [Target] {
        let manifest = try read("Package.swift")
        let call = try NSRegularExpression(pattern: #"\.(target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"(\w+)""#)
        let matches = call.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest))
        return try matches.enumerated().map { index, match in
            let kind = String(manifest[Range(match.range(at: 1), in: manifest)!])
            let name = String(manifest[Range(match.range(at: 2), in: manifest)!])
            let end = index + 1 < matches.count ? Range(matches[index + 1].range, in: manifest)!.lowerBound
                : manifest.endIndex
            let body = String(manifest[Range(match.range, in: manifest)!.upperBound..<end])
            var dependencies = Set<String>()
            if let list = body.range(of: #"dependencies:\s*\[[^\]]*\]"#, options: .regularExpression) {
                let text = body[list].replacingOccurrences(of: #"package:\s*"[^"]*""#, with: "", options: .regularExpression)
                let quoted = try NSRegularExpression(pattern: #""(\w+)""#)
                for item in quoted.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    dependencies.insert(String(text[Range(item.range(at: 1), in: text)!]))
                }
                // The manifest names swift-argument-parser's product once, as `argumentParser`.
                if text.contains("argumentParser") { dependencies.insert("ArgumentParser") }
            }
            var folder = root.appendingPathComponent(kind == "testTarget" ? "Tests/\(name)" : "Sources/\(name)")
            if let path = body.range(of: #"path:\s*"[^"]*""#, options: .regularExpression) {
                let value = body[path].split(separator: "\"")[1]
                folder = root.appendingPathComponent(String(value))
            }
            return Target(name: name, kind: kind, folder: folder, dependencies: dependencies)
        }
    }

    /// The modules of the package (and its product dependencies) that a target's Swift files import.
    static func imports(of target: Target, known: Set<String>) throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #"^\s*(?:@\w+\s+)*(?:(?:internal|public|private)\s+)?import\s+(\w+)"#)
        var modules = Set<String>()
        let files = FileManager.default.enumerator(at: target.folder, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            // Only the file's opening lines: an `import` further down sits in a string, such as the source of
            // an experiment that an end-to-end test writes.
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let text = String(line), trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("//") { continue }
                guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { break }
                let module = String(text[Range(match.range(at: 1), in: text)!])
                if known.contains(module) { modules.insert(module) }
            }
        }
        return modules
    }

    /// `X → A, B` lines (between the first line that has an arrow and the next line without one).
    static func arrowLines(in text: String) -> [String: Set<String>] {
        var graph: [String: Set<String>] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.contains("→") {
            let sides = line.replacingOccurrences(of: "//", with: "").split(separator: "→", omittingEmptySubsequences: false)
            let name = sides[0].trimmingCharacters(in: .whitespaces)
            guard sides.count == 2, !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else { continue }
            graph[name] = Set(sides[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty })
        }
        return graph
    }

    func testEveryImportIsDeclaredAndEveryDeclarationImported() throws {
        let targets = try Self.declaredTargets()
        XCTAssertGreaterThan(targets.count, 15, "Package.swift was not parsed")
        // The package's modules and the products of its package dependencies (any declared name that is no target).
        let known = Set(targets.map(\.name)).union(targets.flatMap(\.dependencies))
        for target in targets where target.kind != "systemLibrary" {
            let imported = try Self.imports(of: target, known: known)
            XCTAssertEqual(imported.subtracting(target.dependencies), [],
                           "\(target.name) imports modules it does not declare in Package.swift")
            XCTAssertEqual(target.dependencies.subtracting(imported), [],
                           "\(target.name) declares dependencies it never imports")
        }
    }

    func testPackageDiagramAndArchitectureAgreeWithTheTargets() throws {
        let targets = try Self.declaredTargets()
        let manifestHeader = try Self.read("Package.swift").components(separatedBy: "import PackageDescription")[0]
        let diagram = Self.arrowLines(in: manifestHeader)
        let architecture = Self.arrowLines(in: try Self.read("ARCHITECTURE.md"))
        let libraries = targets.filter { $0.kind == "target" && $0.folder.path.hasPrefix(Self.root.path + "/Sources") }
            + targets.filter { $0.name == "ReportCLI" }
        XCTAssertEqual(Set(diagram.keys), Set(libraries.map(\.name)), "Package.swift's diagram lists other modules")
        for target in libraries {
            XCTAssertEqual(diagram[target.name], target.dependencies, "Package.swift's diagram line of \(target.name)")
        }
        XCTAssertEqual(architecture, diagram, "ARCHITECTURE.md's graph differs from Package.swift's")
    }

    /// The parser itself, on a manifest fragment of known content.
    func testArrowLinesParse() {
        let graph = Self.arrowLines(in: "//   A → B, C\n//   D →\nthe line → of prose, not a module\n")
        XCTAssertEqual(graph["A"], ["B", "C"])
        XCTAssertEqual(graph["D"], [])
        XCTAssertEqual(graph.count, 2)
    }
}
