import Foundation
import MathML

/// The math pass of document resolution, run over the resolved blocks in document order: applies the document's
/// macros (from `macros.tex` in the experiment folder, then from definitions in formulas), numbers display
/// equations, and resolves equation references (`\eqref{x}`, `\ref{x}`, `@eq:x`) in prose and inside formulas.
///
/// Equations are numbered 1, 2, 3 … through the whole document, as figures are. `\eqref` reads "(3)" and `\ref`
/// "3" in both languages; `@eq:x` reads "Equation (3)" or "式 (3)", like `@fig:` references. A reference to a
/// label the document does not have is an error naming the place, as for figures.
///
/// Both writers get TeX with every macro expanded and every number written as an explicit `\tag`, so the
/// MathML and the Markdown (rendered by GitHub's MathJax) cannot disagree.
struct EquationResolver {
    var macros: TeXMacros
    let vocabulary: Vocabulary
    /// Label → the number as written in the formula ("3", or a `\tag`'s text) and its anchor.
    private var targets: [String: (number: String, anchor: String)] = [:]
    private var count = 0

    init(macros: TeXMacros, vocabulary: Vocabulary) {
        self.macros = macros
        self.vocabulary = vocabulary
    }

    /// The HTML anchor of a label: `eq-` and the label with anything but ASCII letters, digits, `-` and `_` as `-`.
    static func anchor(forLabel label: String) -> String {
        "eq-" + String(label.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
    }

    /// Expands, numbers and resolves every formula and equation reference of `blocks`.
    /// - Throws: ``ReportError`` naming the formula and where it is.
    mutating func apply(to blocks: inout [ResolvedBlock]) throws {
        for index in blocks.indices {
            blocks[index] = try blocks[index].mappingTexts { try self.number($0) }
        }
        for index in blocks.indices {
            blocks[index] = try blocks[index].mappingTexts { try self.resolveReferences(in: $0) }
        }
    }

    private mutating func number(_ text: ResolvedText) throws -> ResolvedText {
        var text = text
        var segments: [ResolvedSegment] = []
        for segment in text.segments {
            switch segment {
            case .inlineMath(let tex, let line):
                let expanded = try expand(tex, display: false, in: text, line: line)
                if !expanded.isEmpty { segments.append(.inlineMath(expanded, line: line)) }
            case .displayMath(let tex, let prefix, let line):
                let expanded = try expand(tex, display: true, in: text, line: line)
                guard !expanded.isEmpty else { continue }
                segments.append(.displayMath(try numbered(expanded, in: text, line: line), linePrefix: prefix,
                                             line: line))
            default:
                segments.append(segment)
            }
        }
        text.segments = segments
        return text
    }

    private mutating func expand(_ tex: String, display: Bool, in text: ResolvedText, line: Int) throws -> String {
        do {
            return try macros.expand(tex)
        } catch {
            throw Self.formulaError(tex, display: display, in: text, line: line, error)
        }
    }

    private mutating func numbered(_ tex: String, in text: ResolvedText, line: Int) throws -> String {
        do {
            var numbers: [String] = []
            for equation in try TeXEquations.lines(in: tex) {
                var number = equation.tag ?? ""
                if equation.isAutomatic {
                    count += 1
                    number = String(count)
                    numbers.append(number)
                }
                guard let label = equation.label else { continue }
                guard targets[label] == nil else {
                    throw ReportError("two equations are labelled '\(label)' (the second in \(text.location(line: line))); "
                        + "labels must be unique")
                }
                // A `\tag{A}` reads "(A)" in the formula; references add their own parentheses.
                if let tag = equation.tag, tag.hasPrefix("("), tag.hasSuffix(")") {
                    number = String(tag.dropFirst().dropLast())
                }
                targets[label] = (number, Self.anchor(forLabel: label))
            }
            guard tex.contains("\\label") || !numbers.isEmpty || tex.contains("\\begin") else { return tex }
            return try TeXEquations.numbering(tex, numbers: numbers, anchor: Self.anchor(forLabel:))
        } catch let error as ReportError {
            throw error
        } catch {
            throw Self.formulaError(tex, display: true, in: text, line: line, error)
        }
    }

    private func resolveReferences(in text: ResolvedText) throws -> ResolvedText {
        var text = text
        text.segments = try text.segments.map { segment in
            switch segment {
            case .equationReference(let label, let form, let line):
                let target = try target(label, form: form, in: text, line: line)
                let number = form == .bare ? target.number : "(\(target.number))"
                return .link(text: form == .named ? vocabulary.equation(number) : number, anchor: target.anchor)
            case .inlineMath(let tex, let line):
                return .inlineMath(try references(in: tex, text: text, line: line), line: line)
            case .displayMath(let tex, let prefix, let line):
                return .displayMath(try references(in: tex, text: text, line: line), linePrefix: prefix, line: line)
            default:
                return segment
            }
        }
        return text
    }

    private func references(in tex: String, text: ResolvedText, line: Int) throws -> String {
        guard tex.contains("ref") else { return tex }
        do {
            return try TeXEquations.resolvingReferences(in: tex) { label, parenthesized in
                let number = try target(label, form: parenthesized ? .parenthesized : .bare, in: text, line: line).number
                return parenthesized ? "(\(number))" : number
            }
        } catch let error as ReportError {
            throw error
        } catch {
            throw Self.formulaError(tex, display: false, in: text, line: line, error)
        }
    }

    private func target(_ label: String, form: EquationReferenceForm, in text: ResolvedText,
                        line: Int) throws -> (number: String, anchor: String) {
        // `@eq:loss` finds `\label{loss}` or, by the usual LaTeX naming, `\label{eq:loss}`.
        if let target = targets[label] ?? (form == .named ? targets["eq:" + label] : nil) { return target }
        let written = switch form {
        case .parenthesized: "\\eqref{\(label)}"
        case .bare: "\\ref{\(label)}"
        case .named: "@eq:\(label)"
        }
        let known = targets.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
        throw ReportError("reference to missing equation '\(label)' (\(written)) in \(text.location(line: line))"
            + (known.isEmpty ? "; the document has no labelled equations" : "; known labels: \(known)"))
    }

    /// The error for a formula that does not expand or parse, as the HTML writer words it.
    static func formulaError(_ tex: String, display: Bool, in text: ResolvedText, line: Int, _ error: Error) -> ReportError {
        let delimiter = display ? "$$" : "$"
        return ReportError("cannot convert formula \(delimiter)\(tex.abbreviatedFormula)\(delimiter) in "
            + "\(text.location(line: line)): \(error)")
    }
}

extension String {
    /// A formula short enough for an error message: long ones (a 10,000-deep nesting) are cut to their first
    /// 100 characters.
    var abbreviatedFormula: String {
        count > 120 ? prefix(100) + "… (\(count) characters)" : self
    }
}
