/// A recursive-descent parser from TeX math tokens to a `MathNode` tree.
///
/// Grammar (white space between tokens is ignored except inside `\text{…}`):
///
///     formula  = rows
///     rows     = list { ("&" | "\\") list }          — more than one cell only inside an environment,
///                                                      or lines broken by "\\" at the top level
///     list     = { atom | switch list }             — a switch (\displaystyle, \color{c}, \bf) applies
///                                                      to the rest of its list, as in TeX
///     atom     = base { "^" argument | "_" argument | "'" | "\limits" | "\nolimits" }
///     base     = "{" list "}" | letter | number | character | command
///     argument = "{" list "}" | character | command   — one token, as TeX reads macro arguments
///
/// A list stops at `}`, `&`, `\\`, `\end`, `\right` or `\middle`; whoever called it decides whether that
/// token is allowed there, which is where unbalanced braces and stray `&` are reported.
struct TeXParser {
    let tokens: [TeXToken]
    let sourceLength: Int
    var position = 0
    /// Extra space below rows from `\\[length]`, in em by row, of the rows ``parseRows`` returned last.
    var rowSpacing: [Int: Double] = [:]
    /// Rules from `\hline`, as row boundaries, of the rows being parsed.
    var rowLines: Set<Int> = []
    /// The same for the rows ``parseRows`` returned last.
    var finishedRowLines: Set<Int> = []
    /// The row being parsed in the innermost table.
    var currentRow = 0
    /// Whether the formula is display math (which sets `\pmod`'s space).
    var isDisplay = true
    /// Numbers for the automatically numbered lines, in order; lines past the end are numbered (1), (2), ….
    var automaticNumbers: [String] = []
    /// How many lines have been numbered automatically so far.
    var automaticCount = 0
    /// How many numbered environments have begun so far.
    var numberedEnvironmentCount = 0
    /// The alphabet set by the innermost font command (`\mathbf{…}`), applied to letters and digits.
    var variant: MathVariant?
    /// What the line being parsed says about its number (`\tag`, `\label`, `\nonumber`), until its row ends.
    var pendingLine = EquationLine.Numbering()
    /// Every line of the formula that has a number, a tag or a label, in order.
    var lines: [EquationLine] = []
    /// How deep constructs are nested now; see ``maximumNesting``.
    var nesting = 0

    /// The deepest nesting of groups, arguments, fences, environments and style switches accepted (a `\frac{…}`
    /// is two levels: the command and its braced argument). Deeper input is an error rather than a stack
    /// overflow: 100 levels of `\left(` take under 1 MiB of stack in a release build and 50 `\frac`s under 4 MiB
    /// in a debug build (measured), well inside the main thread's 8 MiB, and far deeper than formulas are written
    /// (TeX itself stops at 255 grouping levels).
    static let maximumNesting = 100

    /// Prepares to parse `source`.
    /// - Parameter source: TeX math without its `$` delimiters.
    /// - Throws: `TeXToMathML.ConversionError` if the source cannot be tokenised.
    init(_ source: String) throws {
        tokens = try TeXTokenizer(source).tokens()
        sourceLength = source.count
    }

    /// Prepares to parse tokens already made (and macro-expanded) from a source of `sourceLength` characters.
    init(tokens: [TeXToken], sourceLength: Int) {
        self.tokens = tokens
        self.sourceLength = sourceLength
    }

    /// Parses the whole source.
    /// - Parameter display: whether the formula is display math; only display lines can be numbered.
    /// - Returns: the formula's tree; several lines (top-level `\\`) become a one-column table, and a numbered
    ///   or labelled single line becomes a one-row table that carries its number.
    /// - Throws: `TeXToMathML.ConversionError` for anything the parser does not accept.
    mutating func parseFormula(display: Bool = true) throws -> MathNode {
        var rows = try parseRows(environment: nil, numbersLines: true)
        // A `\\` at the very end ends the last line rather than starting an empty one.
        if rows.count > 1, let last = rows.last, last.count == 1, last[0].isEmpty {
            rows.removeLast()
            if let line = lines.last, line.row == rows.count, line.table == nil { lines.removeLast() }
        }
        if !display, let line = lines.first {
            throw error("\\tag and \\label number display formulas only; this one is inline", at: line.offset)
        }
        let topLevel = lines.filter { $0.table == nil }
        guard rows.count > 1 || !topLevel.isEmpty else {
            return .row(rows[0][0])
        }
        var table = MathTable(rows: rows.map { $0.map { .row($0) } }, alignments: [.center], layout: .aligned)
        table.lineNumbers = rows.indices.map { row in topLevel.first { $0.row == row }?.numbering }
        table.rowSpacing = rowSpacing
        return .table(table)
    }

    // MARK: - Lists and rows

    /// Parses cells separated by `&` and rows separated by `\\` until `\end{environment}` (not consumed),
    /// or `}` when `endsAtBrace` (consumed; the argument of `\substack`), or else the end of the source.
    ///
    /// With `numbersLines`, each row is a line of a display formula that may be numbered: what it says about its
    /// number (`\tag`, `\label`, `\nonumber`, and `numbered` for the amsmath environments that number every
    /// line) is recorded in ``lines``. Extra space asked for with `\\[length]` goes to ``rowSpacing``, which the
    /// caller reads right after.
    mutating func parseRows(environment: String?, endsAtBrace: Bool = false, numbersLines: Bool = false,
                            numbered: Bool = false, table: Int? = nil) throws -> [[[MathNode]]] {
        var rows: [[[MathNode]]] = []
        var cells: [[MathNode]] = []
        let outerLine = pendingLine
        if numbersLines { pendingLine = EquationLine.Numbering() }
        var spacing: [Int: Double] = [:]
        let outerRow = currentRow
        let outerRules = rowLines
        rowLines = []
        defer {
            if numbersLines { pendingLine = outerLine }
            rowSpacing = spacing
            finishedRowLines = rowLines
            rowLines = outerRules
            currentRow = outerRow
        }
        func endLine(at offset: Int) {
            guard numbersLines else { return }
            var line = pendingLine
            pendingLine = EquationLine.Numbering()
            // A labelled top-level line is numbered even without an environment (see ``EquationLine``).
            if numbered || (table == nil && line.label != nil) { line.isAutomatic = true }
            if line.tag != nil || line.suppressed { line.isAutomatic = false }
            if line.isAutomatic {
                automaticCount += 1
                line.tag = automaticCount <= automaticNumbers.count
                    ? automaticNumbers[automaticCount - 1] : "(\(automaticCount))"
            }
            if line.tag != nil || line.label != nil {
                lines.append(EquationLine(numbering: line, row: rows.count, table: table,
                                          tokenIndex: line.tagTokenIndex ?? position, offset: offset))
            }
        }
        while true {
            currentRow = rows.count
            cells.append(try parseList())
            guard let token = peek() else {
                if let environment {
                    throw error("Missing \\end{\(environment)}", at: sourceLength)
                }
                if endsAtBrace {
                    throw error("Missing } after \\substack", at: sourceLength)
                }
                endLine(at: sourceLength)
                rows.append(cells)
                return rows
            }
            switch token.kind {
            case .alignmentTab:
                guard environment != nil else {
                    throw error("Misplaced & outside an alignment environment", at: token.offset)
                }
                position += 1
            case .command("\\"), .command("cr"), .command("newline"):
                endLine(at: token.offset)
                position += 1
                if let extra = try parseRowSpacing() { spacing[rows.count] = extra }
                rows.append(cells)
                cells = []
            case .closeBrace where endsAtBrace:
                position += 1
                rows.append(cells)
                return rows
            case .command("end") where environment != nil:
                // A final `\\` before `\end` ends the last row rather than starting an empty one.
                if !(cells.count == 1 && cells[0].isEmpty && !rows.isEmpty) {
                    endLine(at: token.offset)
                    rows.append(cells)
                } else if numbersLines, pendingLine != EquationLine.Numbering() {
                    throw error("\\tag or \\label after the last line break of \\begin{\(environment ?? "")}",
                                at: token.offset)
                }
                return rows
            default:
                throw unexpected(token)
            }
        }
    }

    /// Parses atoms until a token that ends a list: `}`, `&`, `\\`, `\end`, `\right`, `\middle` or, when
    /// `endsAtBracket`, a `]` (the end of `\sqrt`'s optional index).
    mutating func parseList(endsAtBracket: Bool = false) throws -> [MathNode] {
        var nodes: [MathNode] = []
        while let token = peek() {
            switch token.kind {
            case .closeBrace, .alignmentTab:
                return nodes
            case .command("\\"), .command("cr"), .command("newline"), .command("end"), .command("right"),
                 .command("middle"):
                return nodes
            case .character("]") where endsAtBracket:
                return nodes
            case .space:
                position += 1
            case .command(let name) where MathStyle(command: name) != nil:
                position += 1
                let rest = try nested(at: token.offset) { try $0.parseList(endsAtBracket: endsAtBracket) }
                nodes.append(.style(.row(rest), style: MathStyle(command: name), color: nil))
                return nodes
            case .command("color"):
                position += 1
                let color = try parseColor()
                let rest = try nested(at: token.offset) { try $0.parseList(endsAtBracket: endsAtBracket) }
                nodes.append(.style(.row(rest), style: nil, color: color))
                return nodes
            case .command(let name) where ["rm", "bf", "it", "cal", "sf", "tt"].contains(name):
                position += 1
                let saved = variant
                variant = MathVariant(command: name)
                let rest = try nested(at: token.offset) { try $0.parseList(endsAtBracket: endsAtBracket) }
                variant = saved
                nodes.append(contentsOf: rest)
                return nodes
            case .command(let name) where Self.infixFractions[name] != nil:
                // `a \over b`: everything before it in the group is the numerator, everything after the denominator.
                position += 1
                let denominator = try nested(at: token.offset) { try $0.parseList(endsAtBracket: endsAtBracket) }
                let (fences, hasRule) = Self.infixFractions[name]!
                let fraction = MathNode.fraction(numerator: .row(nodes), denominator: .row(denominator), style: nil,
                                                 hasRule: hasRule)
                guard let (open, close) = fences else { return [fraction] }
                return [.row([.operator(.stretchyFence(open, form: .prefix)), fraction,
                              .operator(.stretchyFence(close, form: .postfix))])]
            default:
                if let atom = try parseAtom() {
                    nodes.append(atom)
                }
            }
        }
        return nodes
    }

    /// The infix fractions of plain TeX (`a \over b`, `n \choose k`): the fences around each and whether it has
    /// a rule.
    static let infixFractions: [String: (fences: (String, String)?, hasRule: Bool)] = [
        "over": (nil, true), "atop": (nil, false), "choose": (("(", ")"), false), "brace": (("{", "}"), false),
        "brack": (("[", "]"), false),
    ]

    /// Runs `body` one nesting level deeper, or throws if that passes ``maximumNesting``.
    mutating func nested<Result>(at offset: Int, _ body: (inout TeXParser) throws -> Result) throws -> Result {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw error("The formula nests more than \(Self.maximumNesting) levels deep (groups, arguments, "
                        + "fences or environments inside one another)", at: offset)
        }
        return try body(&self)
    }

    // MARK: - Atoms and scripts

    /// Parses a base and the scripts attached to it. Returns `nil` for commands that produce nothing
    /// (`\label`, `\tag`, `\nonumber`).
    private mutating func parseAtom() throws -> MathNode? {
        var base: MathNode
        var placement: LimitPlacement
        switch peek()?.kind {
        case .caret, .underscore, .character("'"):
            // Scripts with nothing before them attach to an empty base, as in `{}^{14}C`.
            (base, placement) = (.row([]), .beside)
        default:
            guard let parsed = try parseBase() else { return nil }
            (base, placement) = parsed
        }

        var lowerScript: MathNode?
        var upperScript: MathNode?
        var primes = 0
        var canTakeLimits = placement != .beside
        while let token = peek() {
            switch token.kind {
            case .space:
                position += 1
            case .caret:
                position += 1
                guard upperScript == nil else { throw error("Double superscript", at: token.offset) }
                upperScript = try parseArgument(after: "^", at: token.offset)
            case .underscore:
                position += 1
                guard lowerScript == nil else { throw error("Double subscript", at: token.offset) }
                lowerScript = try parseArgument(after: "_", at: token.offset)
            case .character("'"):
                position += 1
                guard upperScript == nil else { throw error("Double superscript", at: token.offset) }
                primes += 1
            case .command("limits"), .command("nolimits"):
                position += 1
                guard case .command(let name) = token.kind, canTakeLimits || isOperatorBase(base) else {
                    throw error("\\limits and \\nolimits must follow an operator", at: token.offset)
                }
                canTakeLimits = true
                placement = name == "limits" ? .belowAndAbove : .beside
            default:
                return attach(base: base, lowerScript: lowerScript, upperScript: upperScript, primes: primes,
                              placement: placement)
            }
        }
        return attach(base: base, lowerScript: lowerScript, upperScript: upperScript, primes: primes,
                      placement: placement)
    }

    private func isOperatorBase(_ base: MathNode) -> Bool {
        switch base {
        case .function, .operator: true
        default: false
        }
    }

    /// Builds the scripted node. Primes alone stay on the base line as `′` (as in plain Unicode math,
    /// which renders them at the right height); with other scripts they join the superscript, as in TeX.
    private func attach(base: MathNode, lowerScript: MathNode?, upperScript: MathNode?, primes: Int,
                        placement: LimitPlacement) -> MathNode {
        var upperScript = upperScript
        var primes = primes
        var base = base
        // A prime on a function name belongs to the name (`\operatorname{ReLU}'(x)`): the invisible function
        // application and its space come after the prime, not between name and prime.
        if primes > 0, upperScript == nil, case .function(let name) = base {
            (base, primes) = (.function(name + Self.primeText(count: primes)), 0)
        }
        // `f^{\prime}` is how `f'` is spelled out, and is set the same way.
        if primes == 0, case .identifier("′", _)? = upperScript {
            (primes, upperScript) = (1, nil)
        }
        if primes > 0 {
            let prime = MathNode.operator(MathOperator(text: Self.primeText(count: primes), leftSpace: 0, rightSpace: 0))
            if lowerScript == nil && upperScript == nil {
                return .row([base, prime])
            }
            upperScript = upperScript.map { .row([prime, $0]) } ?? prime
        }
        guard lowerScript != nil || upperScript != nil else { return base }
        return .scripts(base: base, lowerScript: lowerScript, upperScript: upperScript, placement: placement)
    }

    private static func primeText(count: Int) -> String {
        switch count {
        case 1: "′"
        case 2: "″"
        case 3: "‴"
        default: String(repeating: "′", count: count)
        }
    }

    /// Parses one argument, as TeX reads a macro argument: a braced group or a single token.
    /// - Parameters:
    ///   - owner: what the argument belongs to, for the error message (`^`, `\frac`).
    ///   - offset: where the owner starts.
    mutating func parseArgument(after owner: String, at offset: Int) throws -> MathNode {
        skipSpaces()
        guard let token = peek() else {
            throw error("Missing argument for \(owner)", at: offset)
        }
        switch token.kind {
        case .openBrace:
            return try nested(at: token.offset) { try $0.parseGroup() }
        case .character(let character) where character.isNumber && character.isASCII:
            // TeX takes a single digit: `x^23` is x² followed by 3.
            position += 1
            return .number(variant?.apply(to: String(character)) ?? String(character))
        case .character, .command:
            guard let (node, _) = try parseBase() else {
                throw error("Missing argument for \(owner)", at: offset)
            }
            return node
        default:
            throw error("Missing argument for \(owner)", at: offset)
        }
    }

    /// Parses `{ list }`.
    mutating func parseGroup() throws -> MathNode {
        let open = try expect(.openBrace, "Missing {")
        let list = try parseList()
        guard let token = peek() else {
            throw error("Missing } for the { at character \(open.offset)", at: sourceLength)
        }
        guard token.kind == .closeBrace else { throw unexpected(token) }
        position += 1
        return list.count == 1 ? list[0] : .row(list)
    }

    // MARK: - Bases

    /// Parses the base of an atom and says where scripts attached to it go.
    mutating func parseBase() throws -> (MathNode, LimitPlacement)? {
        guard let token = peek() else { return nil }
        switch token.kind {
        case .openBrace:
            return (try nested(at: token.offset) { try $0.parseGroup() }, .beside)
        case .character(let character):
            position += 1
            return (try parseCharacter(character, at: token.offset), .beside)
        case .command(let name):
            position += 1
            return try nested(at: token.offset) { try $0.parseCommand(name, at: token.offset) }
        case .verbatim(let text):
            position += 1
            return (.text(MathVariant.monospace.apply(to: text)), .beside)
        case .closeBrace, .caret, .underscore, .alignmentTab, .space:
            throw unexpected(token)
        }
    }

    /// Turns a character written in math into a node: letters become identifiers, runs of digits numbers,
    /// runs of Chinese text `<mtext>`, everything else operators.
    private mutating func parseCharacter(_ character: Character, at offset: Int) throws -> MathNode {
        if character.isASCII && character.isNumber {
            var digits = String(character)
            while case .character(let next)? = peek()?.kind {
                if next.isASCII && next.isNumber {
                    digits.append(next)
                } else if next == ".", case .character(let after)? = peek(1)?.kind, after.isASCII && after.isNumber {
                    digits.append(next)
                } else {
                    break
                }
                position += 1
            }
            return .number(variant?.apply(to: digits) ?? digits)
        }
        if character.isWideText {
            var text = String(character)
            while case .character(let next)? = peek()?.kind, next.isWideText {
                text.append(next)
                position += 1
            }
            return .text(text)
        }
        if character.isLetter {
            guard let variant else {
                return .identifier(String(character), upright: character.isUppercaseGreek)
            }
            // Under a font command a word is one identifier, as `\mathrm{ReLU}` reads.
            var word = String(character)
            while case .character(let next)? = peek()?.kind, next.isLetter, !next.isWideText {
                word.append(next)
                position += 1
            }
            return .identifier(variant.apply(to: word), upright: variant == .normal)
        }
        switch character {
        case "(", ")", "[", "]":
            return .operator(.fixedBracket(String(character)))
        case "|":
            // TeX sets `|` as an ordinary symbol: no space on either side, where MathML's dictionary gives the
            // infix form a space (`||x||` would read "| | x | |").
            return .operator(MathOperator(text: "|", stretchy: false, leftSpace: 0, rightSpace: 0))
        case ".":
            // An ordinary symbol in TeX; MathML's default for an operator it does not know is a thick space on
            // each side, which spread `...` to ". . .".
            return .operator(MathOperator(text: ".", leftSpace: 0, rightSpace: 0))
        case "/":
            // TeX sets a slash as an ordinary symbol, without the space MathML's dictionary gives it.
            return .operator(MathOperator(text: "/", stretchy: false, leftSpace: 0, rightSpace: 0))
        case "-":
            return .operator(MathOperator(text: "\u{2212}"))
        case "*":
            return .operator(MathOperator(text: "\u{2217}"))
        case "'":
            return .operator(MathOperator(text: "′"))
        case "~":
            return .space(width: 0.3333)
        case "#", "$":
            throw error("Unexpected \(character) in math", at: offset)
        default:
            if character.isNumber {
                return .number(String(character))
            }
            return .operator(MathOperator(text: String(character)))
        }
    }

    // MARK: - Helpers shared with the command and environment parsers

    func peek(_ lookahead: Int = 0) -> TeXToken? {
        position + lookahead < tokens.count ? tokens[position + lookahead] : nil
    }

    mutating func skipSpaces() {
        while peek()?.kind == .space {
            position += 1
        }
    }

    /// Reads the optional `[length]` after `\\`: extra space below the row, in em.
    private mutating func parseRowSpacing() throws -> Double? {
        let start = position
        skipSpaces()
        guard let open = peek(), open.kind == .character("[") else {
            position = start
            return nil
        }
        guard let close = tokens[position...].firstIndex(where: { $0.kind == .character("]") }) else {
            throw error("Missing ] after \\\\[", at: open.offset)
        }
        let length = TeXSource.text(of: Array(tokens[position + 1..<close]))
        position = close + 1
        return try Self.ems(in: length, at: open.offset)
    }

    @discardableResult
    mutating func expect(_ kind: TeXToken.Kind, _ message: String) throws -> TeXToken {
        skipSpaces()
        guard let token = peek() else { throw error(message, at: sourceLength) }
        guard token.kind == kind else { throw error(message, at: token.offset) }
        position += 1
        return token
    }

    func error(_ message: String, at offset: Int) -> TeXToMathML.ConversionError {
        TeXToMathML.ConversionError(message: message, offset: offset)
    }

    /// The error for a token that cannot stand where it was found.
    func unexpected(_ token: TeXToken) -> TeXToMathML.ConversionError {
        switch token.kind {
        case .closeBrace: error("Unexpected } without a matching {", at: token.offset)
        case .alignmentTab: error("Misplaced & outside an alignment environment", at: token.offset)
        case .command("\\"): error("Unexpected \\\\ here", at: token.offset)
        case .command("end"): error("\\end without a matching \\begin", at: token.offset)
        case .command("right"): error("\\right without a matching \\left", at: token.offset)
        case .command("middle"): error("\\middle outside \\left … \\right", at: token.offset)
        case .command(let name): error("Unexpected \\\(name) here", at: token.offset)
        case .character(let character): error("Unexpected \(character)", at: token.offset)
        case .caret, .underscore: error("Missing argument for a script", at: token.offset)
        case .openBrace: error("Unexpected {", at: token.offset)
        case .space: error("Unexpected space", at: token.offset)
        case .verbatim: error("Unexpected \\verb here", at: token.offset)
        }
    }
}

extension Character {
    /// `true` for Chinese, Japanese and Korean characters and full-width punctuation, which math shows as
    /// text (`<mtext>`) rather than as italic identifiers.
    var isWideText: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x2E80...0x2FFF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF,
             0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    /// `true` for capital Greek letters, which TeX sets upright.
    var isUppercaseGreek: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        return (0x391...0x3A9).contains(scalar.value)
    }
}
