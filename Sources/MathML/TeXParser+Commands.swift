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
            var mark = accent.mark
            if Self.wideAccents.contains(name) { mark.scale = Self.wideAccentScale(over: base) }
            return (.accent(base: base, mark: mark, over: accent.over), accent.placement)
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
            // amsmath: \pod{{\operator@font mod}\mkern6mu#1}, where \pod puts 18 mu before in display style and
            // 8 mu in text style.
            let modulus = try parseArgument(after: "\\pmod", at: offset)
            return (.row([.space(width: (isDisplay ? 18 : 8) / 18), .operator(.fixedBracket("(")),
                          .identifier("mod", upright: true), .space(width: 6.0 / 18), modulus,
                          .operator(.fixedBracket(")"))]), .beside)
        case "overbrace", "underbrace":
            let base = try parseArgument(after: "\\" + name, at: offset)
            return (.enclosure(base, name == "overbrace" ? .overBrace : .underBrace), .belowAndAbove)
        case "overline", "underline", "underbar":
            let base = try parseArgument(after: "\\" + name, at: offset)
            return (.rule(base, over: name == "overline"), .beside)
        case "boxed":
            // amsmath: \fbox{\m@th$\displaystyle#1$}.
            let body = try parseArgument(after: "\\boxed", at: offset)
            return (.enclosure(.style(body, style: .display, color: nil), .box), .beside)
        case "cancel", "bcancel", "xcancel":
            let body = try parseArgument(after: "\\" + name, at: offset)
            let enclosure: Enclosure = name == "cancel" ? .upDiagonalStrike
                : name == "bcancel" ? .downDiagonalStrike : .cross
            return (.enclosure(body, enclosure), .beside)
        case _ where Self.extensibleArrows[name] != nil:
            skipSpaces()
            var below: MathNode?
            if peek()?.kind == .character("[") {
                position += 1
                below = .row(try parseList(endsAtBracket: true))
                try expect(.character("]"), "Missing ] after the lower label of \\" + name)
            }
            let above = try parseArgument(after: "\\" + name, at: offset)
            return (.extensibleArrow(arrow: Self.extensibleArrows[name]!, above: above.isEmpty ? nil : above,
                                     below: below.flatMap { $0.isEmpty ? nil : $0 }), .beside)
        case "phantom":
            return (.phantom(try parseArgument(after: "\\phantom", at: offset)), .beside)
        case "hphantom":
            let body = try parseArgument(after: "\\hphantom", at: offset)
            return (.padded(.phantom(body), width: nil, height: "0", depth: "0"), .beside)
        case "vphantom":
            let body = try parseArgument(after: "\\vphantom", at: offset)
            return (.padded(.phantom(body), width: "0", height: nil, depth: nil), .beside)
        case "smash":
            skipSpaces()
            var (height, depth) = (true, true)
            if peek()?.kind == .character("[") {
                position += 1
                let which = try readUntilBracket(of: "\\smash", at: offset)
                guard !which.isEmpty, which.allSatisfy({ $0 == "t" || $0 == "b" }) else {
                    throw error("\\smash[\(which)]: the option is t, b or tb", at: offset)
                }
                (height, depth) = (which.contains("t"), which.contains("b"))
            }
            let body = try parseArgument(after: "\\smash", at: offset)
            return (.padded(body, width: nil, height: height ? "0" : nil, depth: depth ? "0" : nil), .beside)
        case "rule":
            skipSpaces()
            var raise = 0.0
            if peek()?.kind == .character("[") {
                position += 1
                raise = try Self.ems(in: try readUntilBracket(of: "\\rule", at: offset), at: offset)
            }
            let width = try Self.ems(in: try readText(of: "\\rule", at: offset), at: offset)
            let height = try Self.ems(in: try readText(of: "\\rule", at: offset), at: offset)
            return (.filledRule(width: width, height: height, raise: raise), .beside)
        case "kern", "mkern", "mskip", "hskip", "mspace":
            let length = try readLength(of: "\\" + name, at: offset)
            return (.space(width: try Self.ems(in: length, at: offset)), .beside)
        case "mathop":
            let body = try parseArgument(after: "\\mathop", at: offset)
            if let word = body.identifierText {
                return (.function(word), .belowAndAboveInDisplayStyle)
            }
            if case .operator(var symbol) = body {
                symbol.takesLimits = true
                return (.operator(symbol), .belowAndAboveInDisplayStyle)
            }
            return (.classed(body, .largeOperator), .belowAndAboveInDisplayStyle)
        case _ where Self.atomClasses[name] != nil:
            let body = try parseArgument(after: "\\" + name, at: offset)
            return (.classed(body, Self.atomClasses[name]!), .beside)
        case "eqref", "ref":
            let label = try readText(of: "\\" + name, at: offset)
            throw error("\\\(name){\(label)} refers to an equation label; it is resolved only inside a document", at: offset)
        case "overset", "stackrel", "underset":
            let mark = try parseArgument(after: "\\" + name, at: offset)
            let base = try parseArgument(after: "\\" + name, at: offset)
            let over = name != "underset"
            // TeX sets the mark as a limit, at least 2 pt (big_op_spacing1/2) from the base; Chromium puts a
            // non-accent over-script right on it, so the mark gets that depth (or height) as padding.
            let spaced = MathNode.padded(mark, width: nil, height: over ? nil : "0.8em", depth: over ? "0.3em" : nil)
            return (.scripts(base: base, lowerScript: over ? nil : spaced, upperScript: over ? spaced : nil,
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
            guard pendingLine.tag == nil else { throw error("Two \\tag in one line", at: offset) }
            pendingLine.tag = starred ? text : "(\(text))"
            return nil
        case "label":
            let label = try readText(of: "\\label", at: offset).trimmingSpaces
            guard !label.isEmpty else { throw error("\\label{} needs a name", at: offset) }
            guard pendingLine.label == nil else { throw error("Two \\label in one line", at: offset) }
            pendingLine.label = label
            return nil
        case "nonumber", "notag":
            pendingLine.suppressed = true
            return nil
        case "hline":
            rowLines.insert(currentRow)
            return nil
        case "displaylimits", "strut", "allowbreak", "relax":
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
            case .verbatim(let verbatim):
                text += verbatim
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

    /// Reads the text up to a `]` (the `[` already consumed), for options such as `\smash[t]`.
    private mutating func readUntilBracket(of owner: String, at offset: Int) throws -> String {
        var text = ""
        while let token = peek() {
            position += 1
            if token.kind == .character("]") { return text.trimmingSpaces }
            text += token.kind.sourceText
        }
        throw error("Missing ] after \(owner)[", at: offset)
    }

    /// Reads a length after `\kern` and its relatives: `{3mu}` in braces or `-3mu`, `0.5em`, `2pt` written
    /// directly, as TeX reads a dimension.
    private mutating func readLength(of owner: String, at offset: Int) throws -> String {
        skipSpaces()
        if peek()?.kind == .openBrace { return try readText(of: owner, at: offset) }
        var text = ""
        while case .character(let character)? = peek()?.kind, character.isASCII,
              character.isNumber || character == "." || character == "-" || character == "+" {
            text.append(character)
            position += 1
        }
        skipSpaces()
        for _ in 0..<2 {
            guard case .character(let letter)? = peek()?.kind, letter.isASCIILetter else { break }
            text.append(letter)
            position += 1
        }
        guard !text.isEmpty else { throw error("Missing length after \(owner)", at: offset) }
        return text
    }

    /// The largest length TeX accepts, 16383.99999pt, in em (1pt = 0.1em here, as in ``ems(in:at:)``).
    static let maximumEms = 1638.399999

    /// Converts a TeX length (`1em`, `10pt`, `3mu`, `1ex`) to em.
    static func ems(in length: String, at offset: Int) throws -> Double {
        let trimmed = length.trimmingSpaces
        let units: [(String, Double)] = [("em", 1), ("ex", 0.431), ("pt", 0.1), ("mu", 1.0 / 18), ("px", 0.0625),
                                         ("mm", 0.2845), ("cm", 2.845), ("in", 7.227)]
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            if let value = Double(trimmed.dropLast(unit.count).trimmingSpaces) {
                // TeX's own limit: a dimension is at most 16383.99999pt ("Dimension too large"); without it a
                // length such as -10^70 mu overflowed the writer's fixed-point formatting (found by fuzzing).
                guard value.isFinite, abs(value * factor) <= maximumEms else {
                    throw TeXToMathML.ConversionError(
                        message: "Dimension too large: \"\(length)\" (TeX allows at most 16383.99999pt)", offset: offset)
                }
                return value * factor
            }
        }
        throw TeXToMathML.ConversionError(message: "Unsupported length \"\(length)\"", offset: offset)
    }

    /// mathtools' extensible arrows and the character each stretches.
    private static let extensibleArrows: [String: String] = [
        "xrightarrow": "→", "xleftarrow": "←", "xRightarrow": "⇒", "xLeftarrow": "⇐", "xleftrightarrow": "↔",
        "xLeftrightarrow": "⇔", "xmapsto": "↦", "xhookrightarrow": "↪", "xhookleftarrow": "↩",
        "xtwoheadrightarrow": "↠", "xtwoheadleftarrow": "↞", "xlongequal": "=",
    ]

    /// `\mathrel` and its relatives (`\mathop` is parsed on its own: it takes limits).
    private static let atomClasses: [String: AtomClass] = [
        "mathord": .ordinary, "mathbin": .binary, "mathrel": .relation, "mathopen": .opening,
        "mathclose": .closing, "mathpunct": .punctuation, "mathinner": .inner,
    ]

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
        // Chromium draws a stretchy combining circumflex (U+0302) as nothing at all; the ASCII one, widened as
        // \widetilde is, spans the base (Temml writes both this way).
        "widehat": (MathOperator(text: "^", stretchy: true, leftSpace: 0, rightSpace: 0), true, .beside),
        "tilde": (MathOperator(text: "~", stretchy: false), true, .beside),
        // DejaVu Math TeX Gyre has no wide variants for a tilde that Chromium can use, and the combining tilde
        // (U+0303) is drawn left of its base; the ASCII tilde's variant sits centred over it.
        "widetilde": (MathOperator(text: "~", stretchy: true, leftSpace: 0, rightSpace: 0), true, .beside),
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
    ]

    /// Accents meant to span their whole base, which Chromium draws at the size of one letter.
    private static let wideAccents: Set<String> = ["widetilde", "widehat"]

    /// How much to widen a wide accent over `base`, as Temml does until Chromium stretches these marks: from
    /// the base's estimated width in em (a lower-case Latin or Greek letter 0.56, a digit 0.5, anything else
    /// 0.92, scripts at 0.7 of their width), 2 × 1.1 over 1–1.6 em, 3 × 1.3 up to 2.5 em, 4 × 1.4 beyond;
    /// nil (the mark as drawn) over one letter.
    static func wideAccentScale(over base: MathNode) -> MathOperator.Scale? {
        let width = estimatedWidth(of: base)
        if width >= 2.5 { return MathOperator.Scale(horizontal: 4, vertical: 1.4) }
        if width >= 1.6 { return MathOperator.Scale(horizontal: 3, vertical: 1.3) }
        if width > 1 { return MathOperator.Scale(horizontal: 2, vertical: 1.1) }
        return nil
    }

    /// A rough width of `node` in em, for ``wideAccentScale(over:)``.
    private static func estimatedWidth(of node: MathNode) -> Double {
        func characters(_ text: String) -> Double {
            text.unicodeScalars.reduce(0) { total, scalar in
                let value = scalar.value
                if (0x61...0x7A).contains(value) || (0x3B1...0x3C9).contains(value) { return total + 0.56 }
                if (0x1D44E...0x1D467).contains(value) || (0x1D6FC...0x1D714).contains(value) { return total + 0.56 }
                if (0x30...0x39).contains(value) { return total + 0.5 }
                return total + 0.92
            }
        }
        switch node {
        case .identifier(let text, _), .number(let text), .text(let text): return characters(text)
        case .operator(let mathOperator): return characters(mathOperator.text)
        case .row(let nodes): return nodes.reduce(0) { $0 + estimatedWidth(of: $1) }
        case .scripts(let base, let lower, let upper, _):
            return estimatedWidth(of: base) + 0.7 * (lower.map(estimatedWidth) ?? 0) + 0.7 * (upper.map(estimatedWidth) ?? 0)
        case .accent(let base, _, _), .rule(let base, _), .style(let base, _, _), .classed(let base, _),
             .enclosure(let base, _), .phantom(let base), .padded(let base, _, _, _):
            return estimatedWidth(of: base)
        case .function(let name): return characters(name)
        case .space(let width): return width
        default: return 1
        }
    }

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
