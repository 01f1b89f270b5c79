import Foundation

/// One experiment folder and what `report list` says about it.
public struct ExperimentEntry: Equatable {
    /// The folder name, which is also the output folder name.
    public let name: String
    /// The experiment's folder.
    public let directory: URL
    /// Its Swift source files, sorted by name so compilation is deterministic.
    public let sourceFiles: [URL]
    /// The first line of the `///` comment above `@main`, or a note that there is none.
    public let summary: String
}

/// Finds experiments: every sub-folder of the experiments folder that holds at least one `.swift` file.
public struct ExperimentCatalog {
    /// The folder holding one folder per experiment (normally `experiments/`).
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// All experiments, sorted by name.
    public func experiments() throws -> [ExperimentEntry] {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: directory.path) else { return [] }
        return try names.sorted().compactMap { name in
            guard !name.hasPrefix(".") else { return nil }
            let folder = directory.appendingPathComponent(name, isDirectory: true)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            return try Self.entry(at: folder)
        }
    }

    /// The experiment in `folder`, or `nil` when the folder holds no Swift source.
    public static func entry(at folder: URL) throws -> ExperimentEntry? {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".swift") }
            .sorted()
            .map { folder.appendingPathComponent($0) }
        guard !files.isEmpty else { return nil }
        return ExperimentEntry(
            name: folder.lastPathComponent,
            directory: folder,
            sourceFiles: files,
            summary: files.lazy.compactMap(summary(ofSourceAt:)).first ?? "(no /// description above @main)"
        )
    }

    /// The first line of the documentation comment directly above `@main`, if the file has one.
    public static func summary(ofSourceAt file: URL) -> String? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let lines = text.components(separatedBy: .newlines)
        guard let mainLine = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("@main") }) else {
            return nil
        }
        var commentLines: [String] = []
        var index = mainLine - 1
        while index >= 0 {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("///") else { break }
            commentLines.insert(String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), at: 0)
            index -= 1
        }
        return commentLines.first { !$0.isEmpty }
    }
}
