/// Equation numbers and references across the formulas of a document.
///
/// A document numbers its display formulas' lines in order (see ``EquationLine`` for which lines amsmath numbers),
/// so the numbers are assigned outside any one formula: ``lines(in:)`` says which lines of a formula want a
/// number, the document assigns them, and ``numbering(_:numbers:anchor:)`` writes the numbers into the TeX as
/// explicit `\tag`s, with the numbered environments starred so that a renderer that numbers by itself (GitHub's
/// MathJax) does not number them again. `\eqref{x}` and `\ref{x}` inside formulas become text
/// (``resolvingReferences(in:_:)``).
public enum TeXEquations {
    /// A line of a display formula with a number, a tag or a label.
    public struct Line: Equatable, Sendable {
        /// The name of its `\label`, if any.
        public var label: String?
        /// Its `\tag` as shown ("(A)" for `\tag{A}`, "A" for `\tag*{A}`), if any.
        public var tag: String?
        /// Whether the document numbers it (no `\tag`, not `\nonumber`).
        public var isAutomatic: Bool
    }

    /// The lines of display formula `tex` (macros already expanded) that have a number, a tag or a label.
    /// - Throws: `TeXToMathML.ConversionError` if the formula does not parse.
    public static func lines(in tex: String) throws -> [Line] {
        try parse(tex).lines.map { line in
            Line(label: line.numbering.label, tag: line.numbering.isAutomatic ? nil : line.numbering.tag,
                 isAutomatic: line.numbering.isAutomatic)
        }
    }

    /// Writes the numbers into display formula `tex`.
    /// - Parameters:
    ///   - tex: the formula, macros expanded.
    ///   - numbers: the number of each automatically numbered line, in order ("3" is written `\tag{3}`).
    ///   - anchor: the name a label becomes (the HTML `id` of its row).
    /// - Returns: the formula with a `\tag` on every numbered line, numbered environments starred, labels renamed.
    /// - Throws: `TeXToMathML.ConversionError` if the formula does not parse.
    public static func numbering(_ tex: String, numbers: [String], anchor: (String) -> String) throws -> String {
        let parser = try parse(tex)
        var tokens = parser.tokens
        let automatic = parser.lines.filter(\.numbering.isAutomatic)
        for (line, number) in zip(automatic, numbers).reversed() {
            let offset = line.offset
            let tag = [TeXToken(kind: .command("tag"), offset: offset), TeXToken(kind: .openBrace, offset: offset)]
                + number.map { TeXToken(kind: .character($0), offset: offset) }
                + [TeXToken(kind: .closeBrace, offset: offset), TeXToken(kind: .space, offset: offset)]
            tokens.insert(contentsOf: tag, at: line.tokenIndex)
        }
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard case .command(let command) = tokens[index].kind else { continue }
            switch command {
            case "begin", "end":
                guard let (name, close) = groupText(in: tokens, after: index),
                      name == "equation" || TeXParser.numberedEnvironments.contains(name) else { continue }
                tokens.insert(TeXToken(kind: .character("*"), offset: tokens[close].offset), at: close)
            case "label":
                guard let (name, close) = groupText(in: tokens, after: index) else { continue }
                let renamed = anchor(name.trimmingSpaces).map { TeXToken(kind: .character($0), offset: tokens[index].offset) }
                tokens.replaceSubrange(index + 2..<close, with: renamed)
            default:
                continue
            }
        }
        return tokens == parser.tokens ? tex : TeXSource.text(of: tokens)
    }

    /// Replaces every `\eqref{label}` and `\ref{label}` in `tex` with `\text{…}`.
    /// - Parameters:
    ///   - tex: a formula.
    ///   - text: the reference's text for a label; `parenthesized` is `true` for `\eqref`. It throws for a label
    ///     the document does not have.
    /// - Returns: the formula with references replaced.
    public static func resolvingReferences(in tex: String,
                                           _ text: (_ label: String, _ parenthesized: Bool) throws -> String) throws -> String {
        var tokens = try TeXTokenizer(tex).tokens()
        var index = 0
        var changed = false
        while index < tokens.count {
            if case .command(let command) = tokens[index].kind, command == "eqref" || command == "ref",
               let (label, close) = groupText(in: tokens, after: index) {
                let offset = tokens[index].offset
                let replacement = try text(label.trimmingSpaces, command == "eqref")
                let textTokens = [TeXToken(kind: .command("text"), offset: offset), TeXToken(kind: .openBrace, offset: offset)]
                    + replacement.map { TeXToken(kind: $0 == " " ? .space : .character($0), offset: offset) }
                    + [TeXToken(kind: .closeBrace, offset: offset)]
                tokens.replaceSubrange(index...close, with: textTokens)
                index += textTokens.count
                changed = true
            } else {
                index += 1
            }
        }
        return changed ? TeXSource.text(of: tokens) : tex
    }

    /// The formula without its `\label{…}`s, and the labels in order: for outputs that place their own anchors.
    public static func removingLabels(_ tex: String) -> (tex: String, labels: [String]) {
        guard tex.contains("\\label"), var tokens = try? TeXTokenizer(tex).tokens() else { return (tex, []) }
        var labels: [String] = []
        var index = 0
        while index < tokens.count {
            if tokens[index].kind == .command("label"), let (label, close) = groupText(in: tokens, after: index) {
                labels.append(label.trimmingSpaces)
                tokens.removeSubrange(index...close)
            } else {
                index += 1
            }
        }
        return (TeXSource.text(of: tokens).trimmingSpaces, labels)
    }

    private static func parse(_ tex: String) throws -> TeXParser {
        var parser = try TeXParser(tex)
        _ = try parser.parseFormula(display: true)
        return parser
    }

    /// The text of the `{…}` group right after the command at `index` (spaces skipped), and the index of its `}`.
    private static func groupText(in tokens: [TeXToken], after index: Int) -> (String, Int)? {
        var open = index + 1
        while open < tokens.count, tokens[open].kind == .space { open += 1 }
        guard open < tokens.count, tokens[open].kind == .openBrace,
              let close = tokens[open...].firstIndex(where: { $0.kind == .closeBrace }) else { return nil }
        return (TeXSource.text(of: Array(tokens[open + 1..<close])), close)
    }
}
