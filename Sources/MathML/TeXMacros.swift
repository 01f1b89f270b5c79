/// Macros a document defines for its formulas: `\newcommand`, `\renewcommand`, `\providecommand`, `\def` and
/// `\DeclareMathOperator`, as LaTeX and MathJax read them.
///
/// Definitions hold from where they are made to the end of the document, as in LaTeX: a handout can define
/// `\newcommand{\R}{\mathbb{R}}` in its first formula (or in a macros file read first) and use `\R` in every
/// later one. Expansion works on tokens and is iterative, so a macro that expands to itself is stopped by a
/// limit rather than by the stack.
///
/// Forms accepted:
/// - `\newcommand{\name}[n][default]{body}` and `\newcommand\name{body}` (also starred), with `#1…#9` in the
///   body; `[default]` makes the first argument optional, written `\name[x]{…}`;
/// - `\def\name#1#2{body}` with undelimited parameters only;
/// - `\DeclareMathOperator{\name}{text}`, and `\DeclareMathOperator*` whose limits go below and above in display
///   style, both meaning `\operatorname{text}`.
public struct TeXMacros: Sendable, Equatable {
    struct Macro: Sendable, Equatable {
        var parameterCount: Int
        /// The first argument's default when it is optional (`\newcommand{\x}[2][0]{…}`).
        var defaultArgument: [TeXToken]?
        var body: [TeXToken]
    }

    private(set) var macros: [String: Macro] = [:]

    /// At most this many expansions in one formula, the limit Temml sets (`maxExpand`, 1000) against macros that
    /// expand to themselves.
    static let maximumExpansions = 1000
    /// At most this many tokens after expansion, against macros that double at each step.
    static let maximumTokens = 100_000

    /// No macros.
    public init() {}

    /// Reads a macros file: definitions only, with comments (`%`) and blank lines allowed between them.
    /// - Parameter definitions: the file's text.
    /// - Throws: `TeXToMathML.ConversionError` for a malformed definition or anything that is not a definition.
    public init(definitions: String) throws {
        let rest = try expandTokens(TeXTokenizer(definitions).tokens())
        if let stray = rest.first(where: { $0.kind != .space }) {
            throw TeXToMathML.ConversionError(
                message: "A macros file holds only \\newcommand, \\renewcommand, \\def and \\DeclareMathOperator; "
                    + "found \(stray.kind.sourceText)", offset: stray.offset)
        }
    }

    /// The names of the macros defined so far, without backslashes, sorted.
    public var names: [String] { macros.keys.sorted() }

    /// Expands the macros in `tex` and records the definitions it makes, for this and later formulas.
    /// - Parameter tex: a formula without its `$` delimiters.
    /// - Returns: the formula with every macro expanded and every definition removed, as TeX source (empty when
    ///   the formula held only definitions).
    /// - Throws: `TeXToMathML.ConversionError` for a malformed definition, a missing argument or runaway expansion.
    ///   The formula comes back exactly as written when it holds neither macros nor definitions.
    public mutating func expand(_ tex: String) throws -> String {
        let tokens = try TeXTokenizer(tex).tokens()
        let expanded = try expandTokens(tokens)
        return expanded == tokens ? tex.trimmingSpaces : TeXSource.text(of: expanded).trimmingSpaces
    }

    /// Expands macros in `tokens`; definitions are recorded and removed.
    mutating func expandTokens(_ tokens: [TeXToken]) throws -> [TeXToken] {
        var input = tokens
        var output: [TeXToken] = []
        var index = 0
        var expansions = 0
        while index < input.count {
            let token = input[index]
            guard case .command(let name) = token.kind else {
                output.append(token)
                index += 1
                continue
            }
            switch name {
            case "newcommand", "renewcommand", "providecommand":
                index = try define(from: input, at: index, replacing: name != "newcommand",
                                   keepingExisting: name == "providecommand")
            case "def":
                index = try defineTeXStyle(from: input, at: index)
            case "DeclareMathOperator":
                index = try declareOperator(from: input, at: index)
            default:
                guard let macro = macros[name] else {
                    output.append(token)
                    index += 1
                    continue
                }
                expansions += 1
                guard expansions <= Self.maximumExpansions else {
                    throw TeXToMathML.ConversionError(
                        message: "Macro expansion went past \(Self.maximumExpansions) steps (does \\\(name) "
                            + "expand to itself?)", offset: token.offset)
                }
                let (arguments, end) = try readArguments(of: macro, named: name, in: input, after: index)
                let expansion = Self.substitute(arguments, into: macro.body, at: token.offset)
                input.replaceSubrange(index..<end, with: expansion)
                guard input.count <= Self.maximumTokens else {
                    throw TeXToMathML.ConversionError(
                        message: "Macro expansion grew past \(Self.maximumTokens) tokens (\\\(name))",
                        offset: token.offset)
                }
            }
        }
        return output
    }

    // MARK: - Definitions

    /// `\newcommand{\name}[n][default]{body}`; returns the index past the definition.
    private mutating func define(from tokens: [TeXToken], at start: Int, replacing: Bool,
                                 keepingExisting: Bool) throws -> Int {
        let owner = tokens[start].kind.sourceText
        var index = start + 1
        index = Self.skipSpaces(in: tokens, from: index)
        if index < tokens.count, tokens[index].kind == .character("*") { index += 1 }
        let (name, afterName) = try Self.readMacroName(in: tokens, from: index, owner: owner, at: tokens[start].offset)
        index = Self.skipSpaces(in: tokens, from: afterName)
        var parameterCount = 0
        var defaultArgument: [TeXToken]?
        if let (count, end) = try Self.readBracketed(in: tokens, from: index) {
            let digits = TeXSource.text(of: count).trimmingSpaces
            guard let number = Int(digits), (0...9).contains(number) else {
                throw TeXToMathML.ConversionError(
                    message: "\(owner)\\\(name): the number of arguments must be 0 to 9, not \"\(digits)\"",
                    offset: tokens[index].offset)
            }
            parameterCount = number
            index = Self.skipSpaces(in: tokens, from: end)
            if let (value, end) = try Self.readBracketed(in: tokens, from: index) {
                defaultArgument = value
                index = Self.skipSpaces(in: tokens, from: end)
            }
        }
        guard let (body, end) = try Self.readGroup(in: tokens, from: index) else {
            throw TeXToMathML.ConversionError(message: "Missing {body} in \(owner)\\\(name)",
                                              offset: tokens[start].offset)
        }
        try Self.checkParameters(in: body, count: parameterCount, name: name)
        if macros[name] != nil, !replacing {
            throw TeXToMathML.ConversionError(
                message: "\\newcommand: \\\(name) is already defined (use \\renewcommand to change it)",
                offset: tokens[start].offset)
        }
        if !(keepingExisting && macros[name] != nil) {
            macros[name] = Macro(parameterCount: parameterCount, defaultArgument: defaultArgument, body: body)
        }
        return end
    }

    /// `\def\name#1#2{body}`; returns the index past the definition.
    private mutating func defineTeXStyle(from tokens: [TeXToken], at start: Int) throws -> Int {
        var index = Self.skipSpaces(in: tokens, from: start + 1)
        guard index < tokens.count, case .command(let name) = tokens[index].kind, name.first?.isASCIILetter == true else {
            throw TeXToMathML.ConversionError(message: "\\def must be followed by a command name, as in \\def\\R{…}",
                                              offset: tokens[start].offset)
        }
        index += 1
        var parameterCount = 0
        while index < tokens.count, tokens[index].kind != .openBrace {
            guard tokens[index].kind == .character("#"), index + 1 < tokens.count,
                  tokens[index + 1].kind == .character(Character(String(parameterCount + 1))) else {
                throw TeXToMathML.ConversionError(
                    message: "\\def\\\(name): only undelimited parameters #1#2… are supported",
                    offset: tokens[index].offset)
            }
            parameterCount += 1
            index += 2
        }
        guard let (body, end) = try Self.readGroup(in: tokens, from: index) else {
            throw TeXToMathML.ConversionError(message: "Missing {body} in \\def\\\(name)", offset: tokens[start].offset)
        }
        try Self.checkParameters(in: body, count: parameterCount, name: name)
        macros[name] = Macro(parameterCount: parameterCount, defaultArgument: nil, body: body)
        return end
    }

    /// `\DeclareMathOperator{\name}{text}` (or starred); returns the index past the declaration.
    private mutating func declareOperator(from tokens: [TeXToken], at start: Int) throws -> Int {
        var index = Self.skipSpaces(in: tokens, from: start + 1)
        let starred = index < tokens.count && tokens[index].kind == .character("*")
        if starred { index += 1 }
        let (name, afterName) = try Self.readMacroName(in: tokens, from: index, owner: "\\DeclareMathOperator",
                                                       at: tokens[start].offset)
        index = Self.skipSpaces(in: tokens, from: afterName)
        guard let (text, end) = try Self.readGroup(in: tokens, from: index) else {
            throw TeXToMathML.ConversionError(message: "Missing {text} in \\DeclareMathOperator{\\\(name)}",
                                              offset: tokens[start].offset)
        }
        let offset = tokens[start].offset
        var body = [TeXToken(kind: .command("operatorname"), offset: offset)]
        if starred { body.append(TeXToken(kind: .character("*"), offset: offset)) }
        body += [TeXToken(kind: .openBrace, offset: offset)] + text + [TeXToken(kind: .closeBrace, offset: offset)]
        macros[name] = Macro(parameterCount: 0, defaultArgument: nil, body: body)
        return end
    }

    // MARK: - Reading

    private static func skipSpaces(in tokens: [TeXToken], from start: Int) -> Int {
        var index = start
        while index < tokens.count, tokens[index].kind == .space { index += 1 }
        return index
    }

    /// `{\name}` or `\name`.
    private static func readMacroName(in tokens: [TeXToken], from start: Int, owner: String,
                                      at offset: Int) throws -> (String, Int) {
        var index = start
        let braced = index < tokens.count && tokens[index].kind == .openBrace
        if braced { index = skipSpaces(in: tokens, from: index + 1) }
        guard index < tokens.count, case .command(let name) = tokens[index].kind else {
            throw TeXToMathML.ConversionError(message: "\(owner) must name a command, as in \(owner){\\R}{…}",
                                              offset: offset)
        }
        index += 1
        if braced {
            index = skipSpaces(in: tokens, from: index)
            guard index < tokens.count, tokens[index].kind == .closeBrace else {
                throw TeXToMathML.ConversionError(message: "\(owner){\\\(name)…: missing }", offset: offset)
            }
            index += 1
        }
        return (name, index)
    }

    /// A balanced `{…}` at `start`: its inner tokens and the index past it, or `nil` if none starts there.
    private static func readGroup(in tokens: [TeXToken], from start: Int) throws -> ([TeXToken], Int)? {
        guard start < tokens.count, tokens[start].kind == .openBrace else { return nil }
        var depth = 0
        for index in start..<tokens.count {
            switch tokens[index].kind {
            case .openBrace: depth += 1
            case .closeBrace:
                depth -= 1
                if depth == 0 { return (Array(tokens[start + 1..<index]), index + 1) }
            default: continue
            }
        }
        throw TeXToMathML.ConversionError(message: "Missing } for the { at character \(tokens[start].offset)",
                                          offset: tokens[start].offset)
    }

    /// A `[…]` at `start` (brackets inside braces do not end it), or `nil` if none starts there.
    private static func readBracketed(in tokens: [TeXToken], from start: Int) throws -> ([TeXToken], Int)? {
        guard start < tokens.count, tokens[start].kind == .character("[") else { return nil }
        var depth = 0
        for index in start + 1..<tokens.count {
            switch tokens[index].kind {
            case .openBrace: depth += 1
            case .closeBrace: depth -= 1
            case .character("]") where depth == 0: return (Array(tokens[start + 1..<index]), index + 1)
            default: continue
            }
        }
        throw TeXToMathML.ConversionError(message: "Missing ] for the [ at character \(tokens[start].offset)",
                                          offset: tokens[start].offset)
    }

    private static func checkParameters(in body: [TeXToken], count: Int, name: String) throws {
        for (index, token) in body.enumerated() where token.kind == .character("#") {
            guard index + 1 < body.count else { continue }
            if case .character(let digit) = body[index + 1].kind, let number = digit.wholeNumberValue,
               number > count {
                throw TeXToMathML.ConversionError(
                    message: "\\\(name) uses #\(number) but takes \(count) argument\(count == 1 ? "" : "s")",
                    offset: token.offset)
            }
        }
    }

    /// Reads a macro's arguments after its name at `index`: each a braced group (braces removed) or one token;
    /// an optional first argument in brackets when the macro has a default.
    private func readArguments(of macro: Macro, named name: String, in tokens: [TeXToken],
                               after index: Int) throws -> ([[TeXToken]], Int) {
        var arguments: [[TeXToken]] = []
        var cursor = index + 1
        if let defaultArgument = macro.defaultArgument {
            let next = Self.skipSpaces(in: tokens, from: cursor)
            if let (value, end) = try Self.readBracketed(in: tokens, from: next) {
                arguments.append(value)
                cursor = end
            } else {
                arguments.append(defaultArgument)
            }
        }
        while arguments.count < macro.parameterCount {
            cursor = Self.skipSpaces(in: tokens, from: cursor)
            guard cursor < tokens.count, tokens[cursor].kind != .closeBrace else {
                throw TeXToMathML.ConversionError(
                    message: "\\\(name) takes \(macro.parameterCount) argument\(macro.parameterCount == 1 ? "" : "s"); "
                        + "found \(arguments.count)", offset: tokens[index].offset)
            }
            if let (group, end) = try Self.readGroup(in: tokens, from: cursor) {
                arguments.append(group)
                cursor = end
            } else {
                arguments.append([tokens[cursor]])
                cursor += 1
            }
        }
        return (arguments, cursor)
    }

    /// The body with `#k` replaced by argument k and `##` by `#`; every token takes the offset of the macro's use,
    /// so errors inside an expansion point at the macro.
    private static func substitute(_ arguments: [[TeXToken]], into body: [TeXToken], at offset: Int) -> [TeXToken] {
        var result: [TeXToken] = []
        var index = 0
        while index < body.count {
            let token = body[index]
            if token.kind == .character("#"), index + 1 < body.count {
                if case .character(let digit) = body[index + 1].kind, let number = digit.wholeNumberValue,
                   number >= 1, number <= arguments.count {
                    // As in TeX, the argument's own braces are gone: `\sq{a+b}` with body `#1^2` is `a+b^2`.
                    result += arguments[number - 1].map { TeXToken(kind: $0.kind, offset: offset) }
                    index += 2
                    continue
                }
                if body[index + 1].kind == .character("#") {
                    result.append(TeXToken(kind: .character("#"), offset: offset))
                    index += 2
                    continue
                }
            }
            result.append(TeXToken(kind: token.kind, offset: offset))
            index += 1
        }
        return result
    }
}
