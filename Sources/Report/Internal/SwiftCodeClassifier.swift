@_implementationOnly import SwiftIDEUtils
@_implementationOnly import SwiftParser
@_implementationOnly import SwiftSyntax

/// Splits Swift source into runs of text, each with the kind of token it is, as the Swift compiler's own
/// grammar reads it: swift-syntax's `SwiftParser` builds the syntax tree and `SwiftIDEUtils`' syntax classifier
/// (what SourceKit-LSP colours editors with) names every token and comment. Both come prebuilt with the
/// toolchain (`<toolchain>/usr/lib/swift/host`, see Package.swift), so they cost no build time.
///
/// Why a parser and not patterns: `"// not a comment"`, `#"a "quoted" word"#`, `\(interpolation)` inside a
/// string, nested `/* /* */ */` comments, contextual keywords (`get`, `some`, `async` used as a name) and
/// `Int` in a type position are told apart only by the grammar.
///
/// The imports are implementation-only, so that nothing that imports `Report` (ReportKit, every experiment)
/// has to find and load these modules when it compiles; only `libReportKit.so` needs their libraries, at run
/// time, and finds them by its rpath. `internal import` is not enough: `Report` is built without library
/// evolution, so its clients would still load them ("missing required modules: 'SwiftIDEUtils', …"). It is
/// safe because no type of theirs is stored in a type of this module; they are used inside ``runs(of:)`` only.
///
/// The parser accepts any text: what does not parse becomes unexpected tokens, which still get a kind (a
/// keyword is still a keyword) or none, so this never fails and the runs always spell out the whole source.
enum SwiftCodeClassifier {
    /// The runs of `source` in order; their texts joined are `source` exactly. Adjacent text of the same style
    /// is one run, and text the classifier leaves unstyled (identifiers, operators, punctuation, whitespace)
    /// has style `nil`.
    static func runs(of source: String) -> [CodeRun] {
        let tree = Parser.parse(source: source)
        let bytes = Array(source.utf8)
        var runs: [CodeRun] = []
        var position = 0
        func append(_ end: Int, _ style: CodeStyle?) {
            guard end > position else { return }
            let text = String(decoding: bytes[position..<end], as: UTF8.self)
            position = end
            if let last = runs.last, last.style == style {
                runs[runs.count - 1].text += text
            } else {
                runs.append(CodeRun(text: text, style: style))
            }
        }
        for classified in tree.classifications {
            let start = min(max(classified.range.lowerBound.utf8Offset, position), bytes.count)
            let end = min(classified.range.upperBound.utf8Offset, bytes.count)
            append(start, nil)
            append(end, CodeStyle(classified.kind))
        }
        append(bytes.count, nil)
        return runs
    }
}

extension CodeStyle {
    /// The style of a classifier kind; `nil` for the kinds shown as plain text.
    fileprivate init?(_ kind: SyntaxClassification) {
        switch kind {
        case .keyword: self = .keyword
        case .stringLiteral: self = .string
        case .regexLiteral: self = .regex
        case .integerLiteral, .floatLiteral: self = .number
        case .lineComment, .blockComment, .docLineComment, .docBlockComment: self = .comment
        case .type: self = .type
        case .attribute: self = .attribute
        case .ifConfigDirective: self = .directive
        // Names, labels, `$0`, operators and punctuation are the bulk of any listing: colouring them would
        // leave nothing to stand out.
        case .identifier, .dollarIdentifier, .argumentLabel, .operator, .editorPlaceholder, .none: return nil
        @unknown default: return nil
        }
    }
}
