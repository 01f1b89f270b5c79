import Foundation
import XCTest

/// A formula found in a Markdown file: its TeX, whether it was display math, and the line it starts on.
struct SeedFormula {
    var file: String
    var line: Int
    var tex: String
    var display: Bool
}

/// Finds the `$…$` and `$$…$$` formulas in Markdown the way a Markdown reader sees them: not inside fenced
/// code blocks or code spans, not at an escaped `\$`, and with blockquote markers (`> `) removed from every
/// line, since a formula inside a quote carries them on each of its lines.
enum SeedFormulaExtractor {
    /// The seed notes: `../shared/seeds/*.txt` from the package root.
    static var seedDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // MathMLTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .deletingLastPathComponent()
            .appendingPathComponent("shared/seeds")
    }

    /// All formulas of all seed notes, in file order.
    /// - Throws: `XCTSkip` when the notes are not beside this checkout (CI always has them there).
    static func seedFormulas() throws -> [SeedFormula] {
        guard FileManager.default.fileExists(atPath: seedDirectory.path) else {
            throw XCTSkip("the seed notes (../shared/seeds beside the package) are not here")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: seedDirectory.path)
            .filter { $0.hasSuffix(".txt") }
            .sorted()
        return try files.flatMap { name in
            let text = try String(contentsOf: seedDirectory.appendingPathComponent(name), encoding: .utf8)
            return formulas(in: text, file: name)
        }
    }

    /// The formulas of one Markdown text.
    static func formulas(in markdown: String, file: String) -> [SeedFormula] {
        let characters = Array(proseLines(of: markdown).joined(separator: "\n"))
        var formulas: [SeedFormula] = []
        var line = 1
        var index = 0
        func advance(to end: Int) {
            line += characters[index..<end].filter { $0 == "\n" }.count
            index = end
        }
        while index < characters.count {
            switch characters[index] {
            case "\\":
                advance(to: min(index + 2, characters.count))
            case "`":
                let run = runLength(of: "`", in: characters, at: index)
                if let close = closingRun(of: "`", length: run, in: characters, after: index + run) {
                    advance(to: close + run)
                } else {
                    advance(to: index + run)
                }
            case "$":
                let display = index + 1 < characters.count && characters[index + 1] == "$"
                let delimiter = display ? 2 : 1
                guard let close = closingDollars(count: delimiter, in: characters, after: index + delimiter) else {
                    advance(to: index + delimiter)
                    continue
                }
                let tex = String(characters[(index + delimiter)..<close])
                formulas.append(SeedFormula(file: file, line: line, tex: tex, display: display))
                advance(to: close + delimiter)
            default:
                advance(to: index + 1)
            }
        }
        return formulas
    }

    /// The lines of `markdown` with blockquote markers removed and fenced code blocks blanked (kept as
    /// empty lines so that line numbers stay right).
    private static func proseLines(of markdown: String) -> [String] {
        var fence: String?
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).map { rawLine in
            var line = Substring(rawLine)
            while let first = line.first(where: { $0 != " " && $0 != "\t" }), first == ">" {
                line = line.drop(while: { $0 == " " || $0 == "\t" }).dropFirst()
            }
            let content = line.drop(while: { $0 == " " })
            for marker in ["```", "~~~"] where content.hasPrefix(marker) {
                if fence == nil {
                    fence = marker
                    return ""
                } else if fence == marker {
                    fence = nil
                    return ""
                }
            }
            return fence == nil ? String(line) : ""
        }
    }

    private static func runLength(of character: Character, in characters: [Character], at start: Int) -> Int {
        var end = start
        while end < characters.count && characters[end] == character {
            end += 1
        }
        return end - start
    }

    private static func closingRun(of character: Character, length: Int, in characters: [Character],
                                   after start: Int) -> Int? {
        var index = start
        while index < characters.count {
            let run = runLength(of: character, in: characters, at: index)
            if run == length { return index }
            index += max(run, 1)
        }
        return nil
    }

    /// The index of the `$` or `$$` that closes a formula, skipping escaped characters (`\$`, `\\`).
    private static func closingDollars(count: Int, in characters: [Character], after start: Int) -> Int? {
        var index = start
        while index < characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            if characters[index] == "$" && (count == 1 || (index + 1 < characters.count && characters[index + 1] == "$")) {
                return index
            }
            index += 1
        }
        return nil
    }
}
