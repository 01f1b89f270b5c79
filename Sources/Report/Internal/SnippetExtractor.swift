import Foundation
import NeuralNetworks

/// Reads named slices of Swift source marked with `// snippet: name` … `// end snippet` comment lines.
struct SnippetExtractor {
    /// The experiment folder; file names in messages are relative to it.
    let directory: URL

    /// A slice found in a file.
    private struct Slice {
        var file: String
        var startLine: Int
        var lines: [String] = []
    }

    /// Returns the slice's text: marker lines removed, common indentation removed, blank lines trimmed from both
    /// ends.
    /// - Parameters:
    ///   - name: the slice's name.
    ///   - file: the file to search, relative to ``directory``; `nil` searches every `.swift` file in it.
    /// - Throws: ``ReportError`` naming the file and slice when the slice is missing, defined twice or unended.
    func extract(_ name: String, file: String?) throws -> String {
        let files = try file.map { [$0] } ?? swiftFiles()
        var found: [Slice] = []
        for relativePath in files {
            found += try slices(named: name, in: relativePath)
        }
        guard let slice = found.first else {
            let place = file.map { "'\($0)'" } ?? "the experiment's Swift files (\(files.joined(separator: ", ")))"
            throw ReportError("snippet '\(name)' not found in \(place): mark it with '// snippet: \(name)' "
                + "and '// end snippet'")
        }
        guard found.count == 1 else {
            let places = found.map { "\($0.file):\($0.startLine)" }.joined(separator: " and ")
            throw ReportError("snippet '\(name)' is defined more than once: \(places)")
        }
        return Self.dedented(slice.lines)
    }

    /// The experiment's Swift files, relative to the folder, sorted so the search order never depends on the file
    /// system.
    private func swiftFiles() throws -> [String] {
        let base = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else {
            throw ReportError("cannot read the experiment folder to look for snippets")
        }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted()
    }

    private func slices(named name: String, in relativePath: String) throws -> [Slice] {
        let url = directory.appendingPathComponent(relativePath)
        guard let data = InputFileLedger.contents(of: url),
              let source = String(data: data, encoding: .utf8) else {
            throw ReportError("snippet '\(name)': cannot read source file '\(relativePath)'")
        }
        var open: [(name: String, line: Int)] = []
        var result: [Slice] = []
        var current: Slice?
        for (offset, line) in source.components(separatedBy: "\n").enumerated() {
            let lineNumber = offset + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let marker = Self.markerName(trimmed) {
                open.append((marker, lineNumber))
                if marker == name { current = Slice(file: relativePath, startLine: lineNumber) }
                continue
            }
            if Self.isEndMarker(trimmed) {
                guard let closed = open.popLast() else {
                    throw ReportError("\(relativePath):\(lineNumber): '// end snippet' without an open snippet")
                }
                if closed.name == name, let slice = current {
                    result.append(slice)
                    current = nil
                }
                continue
            }
            current?.lines.append(line)
        }
        if let unclosed = open.last {
            throw ReportError("\(relativePath):\(unclosed.line): snippet '\(unclosed.name)' has no '// end snippet'")
        }
        return result
    }

    /// The name after `// snippet:`, if the line is an opening marker.
    private static func markerName(_ trimmedLine: String) -> String? {
        guard trimmedLine.hasPrefix("//") else { return nil }
        let comment = trimmedLine.dropFirst(2).trimmingCharacters(in: .whitespaces)
        guard comment.hasPrefix("snippet:") else { return nil }
        let name = comment.dropFirst("snippet:".count).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    private static func isEndMarker(_ trimmedLine: String) -> Bool {
        guard trimmedLine.hasPrefix("//") else { return false }
        return trimmedLine.dropFirst(2).trimmingCharacters(in: .whitespaces) == "end snippet"
    }

    private static func dedented(_ lines: [String]) -> String {
        var lines = lines.map { $0.replacingOccurrences(of: "\t", with: "    ") }
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        let indentation = lines
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.prefix(while: { $0 == " " }).count }
            .min() ?? 0
        return lines.map { line in
            line.trimmingCharacters(in: .whitespaces).isEmpty ? "" : String(line.dropFirst(indentation))
        }.joined(separator: "\n")
    }
}
