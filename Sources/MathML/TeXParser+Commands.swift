extension TeXParser {
    /// Parses the command `name` (already consumed) and its arguments.
    /// - Parameters:
    ///   - name: the command's name without its backslash.
    ///   - offset: where the command starts, for error messages.
    /// - Returns: the node and where scripts attached to it go, or `nil` for commands that produce nothing
    ///   (`\label`, `\tag`, `\nonumber`, `\hline`).
    /// - Throws: `TeXToMathML.ConversionError` naming an unknown command, or for a malformed argument.
    mutating func parseCommand(_ name: String, at offset: Int) throws -> (MathNode, LimitPlacement)? {
        if let symbol = SymbolTable.symbol(named: name) {
            return (node(for: symbol), placement(for: symbol))
        }
        if let textVariant = Self.textCommands[name] {
            let text = try readText(of: "\\" + name, at: offset)
            return (.text(textVariant.apply(to: text)), .beside)
        }
        if let fontVariant = MathVariant(command: name) {
            let saved = variant
            variant = fontVariant
            defer { variant = saved }
            return (try parseArgument(after: "\\" + name, at: offset), .beside)
        }
        if let accent = Self.accents[name] {
            let base = try parseArgument(after: "\\" + name, at: offset)
            return (.accent(base: base, mark: accent.mark, over: accent.over), accent.placement)
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = try parseArgument(after: "\\" + name, at: offset)
            let denominator = try parseArgument(after: "\\" + name, at: offset)
            let style: MathStyle? = switch name {
            case "dfrac", "cfrac": .display
            case "tfrac": .text
            default: nil
            }
            return (.fraction(numerator: numerator, denominator: denominator, style: style, hasRule: true), .beside)
        case "binom", "dbinom", "tbinom":
            let top = try parseArgument(after: "\\" + name, at: offset)
            let bottom = try parseArgument(after: "\\" + name, at: offset)
            let style: MathStyle? = name == "dbinom" ? .display : name == "tbinom" ? .text : nil
            let fraction = MathNode.fraction(numerator: top, denominator: bottom, style: style, hasRule: false)
            return (.row([.operator(.stretchyFence("(", form: .prefix)), fraction,
                          .operator(.stretchyFence(")", form: .postfix))]), .beside)
        case "sqrt":
            skipSpaces()
            var index: MathNode?
            if peek()?.kind == .character("[") {
                position += 1
                index = .row(try parseList(endsAtBracket: true))
                try expect(.character("]"), "Missing ] after the index of \\sqrt")
            }
            let radicand = try parseArgument(after: "\\sqrt", at: offset)
            return (.root(radicand: radicand, index: index), .beside)
        case "left":
            return (try parseFenced(at: offset), .beside)
        case "big", "Big", "bigg", "Bigg", "bigl", "Bigl", "biggl", "Biggl", "bigr", "Bigr", "biggr", "Biggr",
             "bigm", "Bigm", "biggm", "Biggm":
            return (try parseSizedDelimiter(name, at: offset), .beside)
        case "begin":
            return (try parseEnvironment(at: offset), .beside)
        case "operatorname":
            skipSpaces()
            let takesLimits = peek()?.kind == .character("*")
            if takesLimits { position += 1 }
            let text = try readText(of: "\\operatorname", at: offset)
            return (.function(text), takesLimits ? .belowAndAboveInDisplayStyle : .beside)
        case "substack":
            skipSpaces()
            try expect(.openBrace, "Missing { after \\substack")
            let rows = try parseRows(environment: nil, endsAtBrace: true)
            let table = MathTable(rows: rows.map { $0.map { .row($0) } }, alignments: [.center], layout: .stack)
            return (.table(table), .beside)
        case "bmod":
            return (.operator(MathOperator(text: "mod", leftSpace: 0.2222, rightSpace: 0.2222)), .beside)
        case "pmod":
            let modulus = try parseArgument(after: "\\pmod", at: offset)
            return (.row([.space(width: 1), .operator(.fixedBracket("(")), .function("mod"), modulus,
                          .operator(.fixedBracket(")"))]), .beside)
        case "overline", "underline":
            let base = try parseArgument(after: "\\" + name, at: offset)
            return (.rule(base, over: name == "overline"), .beside)
        case "overset", "stackrel", "underset":
            let mark = try parseArgument(after: "\\" + name, at: offset)
            let base = try parseArgument(after: "\\" + name, at: offset)
            let over = name != "underset"
            return (.scripts(base: base, lowerScript: over ? nil : mark, upperScript: over ? mark : nil,
                             placement: .belowAndAbove), .beside)
        case "textcolor":
            let color = try parseColor()
            let body = try parseArgument(after: "\\textcolor", at: offset)
            return (.style(body, style: nil, color: color), .beside)
        case "not":
            return (try parseNegation(at: offset), .beside)
        case "hspace":
            skipSpaces()
            if peek()?.kind == .character("*") { position += 1 }
            let length = try readText(of: "\\hspace", at: offset)
            return (.space(width: try Self.ems(in: length, at: offset)), .beside)
        case "tag":
            skipSpaces()
            let starred = peek()?.kind == .character("*")
            if starred { position += 1 }
            let text = try readText(of: "\\tag", at: offset)
            tag = starred ? text : "(\(text))"
            return nil
        case "label":
            _ = try readText(of: "\\label", at: offset)
            return nil
        case "nonumber", "notag", "hline", "displaylimits", "strut", "allowbreak", "relax":
            return nil
        case "limits", "nolimits":
            throw error("\\\(name) must follow an operator", at: offset)
        case "\\", "end", "right", "middle", "cr", "newline":
            throw unexpected(TeXToken(kind: .command(name), offset: offset))
        default:
            throw error("Unknown command \\\(name)", at: offset)
        }
    }

    private func node(for symbol: SymbolTable.Symbol) -> MathNode {
        switch symbol {
        case .identifier(let text, let upright):
            guard let variant else { return .identifier(text, upright: upright) }
            return .identifier(variant.apply(to: text), upright: variant == .normal || (upright && variant.apply(to: text) == text))
        case .operator(let mathOperator):
            return .operator(mathOperator)
        case .largeOperator(let text, _):
            return .operator(MathOperator(text: text, takesLimits: true))
        case .function(let text, _):
            return .function(text)
        case .space(let width):
            return .space(width: width)
        }
    }

    private func placement(for symbol: SymbolTable.Symbol) -> LimitPlacement {
        switch symbol {
        case .largeOperator(_, let placement): placement
        case .function(_, true): .belowAndAboveInDisplayStyle
        default: .beside
        }
    }

    /// Parses `\left<delimiter> … [\middle<delimiter> …] \right<delimiter>`. The delimiters are stretchy
    /// fences in one `<mrow>`, so they grow to the height of what they enclose; `.` is an empty delimiter.
    private mutating func parseFenced(at offset: Int) throws -> MathNode {
        var nodes: [MathNode] = []
        let open = try parseDelimiter(after: "\\left", at: offset)
        if !open.isEmpty {
            nodes.append(.operator(.stretchyFence(open, form: .prefix)))
        }
        while true {
            nodes.append(contentsOf: try parseList())
            guard let token = peek() else {
                throw error("Missing \\right for the \\left at character \(offset)", at: sourceLength)
            }
            switch token.kind {
            case .command("middle"):
                position += 1
                let middle = try parseDelimiter(after: "\\middle", at: token.offset)
                if !middle.isEmpty {
                    nodes.append(.operator(.stretchyFence(middle, form: .infix)))
                }
            case .command("right"):
                position += 1
                let close = try parseDelimiter(after: "\\right", at: token.offset)
                if !close.isEmpty {
                    nodes.append(.operator(.stretchyFence(close, form: .postfix)))
                }
                return .row(nodes)
            default:
                throw error("Missing \\right for the \\left at character \(offset)", at: token.offset)
            }
        }
    }

    /// Parses the delimiter after `\left`, `\right`, `\middle` or `\big`.
    private mutating func parseDelimiter(after owner: String, at offset: Int) throws -> String {
        skipSpaces()
        guard let token = peek() else { throw error("Missing delimiter after \(owner)", at: offset) }
        let delimiter: String?
        switch token.kind {
        case .character(let character): delimiter = SymbolTable.delimiter(character: character)
        case .command(let name): delimiter = SymbolTable.delimiter(named: name)
        default: delimiter = nil
        }
        guard let delimiter else { throw error("Missing delimiter after \(owner)", at: token.offset) }
        position += 1
        return delimiter
    }

    /// Parses `\big(`, `\Bigr]` and the like: a delimiter of fixed height (1.2, 1.623, 2.047 and 2.470 em,
    /// TeX's sizes as MathJax measures them).
    private mutating func parseSizedDelimiter(_ name: String, at offset: Int) throws -> MathNode {
        let delimiter = try parseDelimiter(after: "\\" + name, at: offset)
        guard !delimiter.isEmpty else { return .row([]) }
        let size: Double = switch name.prefix(4) {
        case "bigg": 2.047
        case "Bigg": 2.470
        default: name.hasPrefix("Big") ? 1.623 : 1.2
        }
        let form: MathOperator.Form? = switch name.last {
        case "l": .prefix
        case "r": .postfix
        default: nil
        }
        return .operator(MathOperator(text: delimiter, stretchy: true, form: form, size: size))
    }

    /// Parses the relation after `\not` and returns its negated form (`\not=` is ≠); a relation with no
    /// negated character of its own gets a combining long solidus.
    private mutating func parseNegation(at offset: Int) throws -> MathNode {
        skipSpaces()
        guard let token = peek() else { throw error("Missing relation after \\not", at: offset) }
        let key: String
        switch token.kind {
        case .character(let character): key = String(character)
        case .command(let name): key = name
        default: throw error("Missing relation after \\not", at: token.offset)
        }
        if let negated = Self.negations[key] {
            position += 1
            return .operator(MathOperator(text: negated))
        }
        guard let (node, _) = try parseBase(), case .operator(var relation) = node else {
            throw error("\\not must be followed by a relation", at: token.offset)
        }
        relation.text += "\u{0338}"
        return .operator(relation)
    }

    /// Reads a colour name or `#rrggbb` in braces. Only these forms are accepted, so nothing but a colour can
    /// reach the `mathcolor` attribute.
    mutating func parseColor() throws -> String {
        let offset = peek()?.offset ?? sourceLength
        let color = try readText(of: "\\color", at: offset).trimmingSpaces
        let isName = !color.isEmpty && color.allSatisfy(\.isASCIILetter)
        let isHex = color.count == 7 && color.first == "#" && color.dropFirst().allSatisfy(\.isHexDigit)
        guard isName || isHex else {
            throw error("Unsupported colour \"\(color)\" (use a name or #rrggbb)", at: offset)
        }
        return color
    }

    /// Reads a braced argument as text: characters are kept as written, white space becomes one space, and
    /// the escapes `\{ \} \_ \% \& \$ \#` and the space commands are understood.
    /// - Parameters:
    ///   - owner: the command that takes the text, for error messages.
    ///   - offset: where that command starts.
    /// - Returns: the text without its braces (inner braces only group).
    mutating func readText(of owner: String, at offset: Int) throws -> String {
        skipSpaces()
        guard peek()?.kind == .openBrace else {
            throw error("Missing { after \(owner)", at: peek()?.offset ?? sourceLength)
        }
        position += 1
        var text = ""
        var depth = 0
        while let token = peek() {
            position += 1
            switch token.kind {
            case .openBrace:
                depth += 1
            case .closeBrace:
                if depth == 0 { return text }
                depth -= 1
            case .character(let character):
                guard character != "$" else {
                    throw error("Math inside \(owner) is not supported", at: token.offset)
                }
                text.append(character)
            case .space:
                text.append(" ")
            case .caret:
                text.append("^")
            case .underscore:
                text.append("_")
            case .alignmentTab:
                throw error("Misplaced & inside \(owner)", at: token.offset)
            case .command(let name):
                if let escaped = Self.textEscapes[name] {
                    text.append(escaped)
                } else if case .space? = SymbolTable.symbol(named: name) {
                    text.append(" ")
                } else {
                    throw error("Unknown command \\\(name) inside \(owner)", at: token.offset)
                }
            }
        }
        throw error("Missing } after \(owner)", at: sourceLength)
    }

    /// Converts a TeX length (`1em`, `10pt`, `3mu`, `1ex`) to em.
    private static func ems(in length: String, at offset: Int) throws -> Double {
        let trimmed = length.trimmingSpaces
        let units: [(String, Double)] = [("em", 1), ("ex", 0.431), ("pt", 0.1), ("mu", 1.0 / 18), ("px", 0.0625)]
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            if let value = Double(trimmed.dropLast(unit.count).trimmingSpaces) {
                return value * factor
            }
        }
        throw TeXToMathML.ConversionError(message: "Unsupported length \"\(length)\"", offset: offset)
    }

    /// Text commands and the alphabet each sets.
    private static let textCommands: [String: MathVariant] = [
        "text": .normal, "textrm": .normal, "textup": .normal, "textnormal": .normal, "mbox": .normal,
        "hbox": .normal, "textbf": .bold, "textit": .italic, "textsf": .sansSerif, "texttt": .monospace,
    ]

    private static let textEscapes: [String: String] = [
        "{": "{", "}": "}", "_": "_", "%": "%", "&": "&", "$": "$", "#": "#", "textbackslash": "\\",
    ]

    /// Accents and braces: the mark drawn over or under the base, and where scripts on the result go.
    private static let accents: [String: (mark: MathOperator, over: Bool, placement: LimitPlacement)] = [
        "hat": (MathOperator(text: "^", stretchy: false), true, .beside),
        "widehat": (MathOperator(text: "\u{0302}", stretchy: true), true, .beside),
        "tilde": (MathOperator(text: "~", stretchy: false), true, .beside),
        "widetilde": (MathOperator(text: "\u{0303}", stretchy: true), true, .beside),
        "bar": (MathOperator(text: "\u{00AF}", stretchy: false), true, .beside),
        // A full-size arrow would cover the letter; TeX's \vec arrow is about seven tenths of it.
        "vec": (MathOperator(text: "\u{2192}", stretchy: false, relativeSize: 0.7), true, .beside),
        "dot": (MathOperator(text: "\u{02D9}"), true, .beside),
        "ddot": (MathOperator(text: "\u{00A8}"), true, .beside),
        "check": (MathOperator(text: "\u{02C7}"), true, .beside),
        "breve": (MathOperator(text: "\u{02D8}"), true, .beside),
        "acute": (MathOperator(text: "\u{00B4}"), true, .beside),
        "grave": (MathOperator(text: "`"), true, .beside),
        "mathring": (MathOperator(text: "\u{02DA}"), true, .beside),
        "overrightarrow": (MathOperator(text: "\u{2192}", stretchy: true), true, .beside),
        "overleftarrow": (MathOperator(text: "\u{2190}", stretchy: true), true, .beside),
        "overleftrightarrow": (MathOperator(text: "\u{2194}", stretchy: true), true, .beside),
        "overbrace": (MathOperator(text: "\u{23DE}", stretchy: true), true, .belowAndAbove),
        "underbrace": (MathOperator(text: "\u{23DF}", stretchy: true), false, .belowAndAbove),
    ]

    /// Relations with a negated character of their own, for `\not`.
    private static let negations: [String: String] = [
        "=": "≠", "<": "≮", ">": "≯", "in": "∉", "ni": "∌", "subset": "⊄", "supset": "⊅", "subseteq": "⊈",
        "supseteq": "⊉", "equiv": "≢", "sim": "≁", "approx": "≉", "cong": "≇", "le": "≰", "leq": "≰",
        "ge": "≱", "geq": "≱", "parallel": "∦", "mid": "∤", "exists": "∄",
    ]
}

extension String {
    /// The string without leading and trailing white space.
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(self).trimmingSpaces
    }
}
