/// Serialises a `MathNode` tree as MathML Core markup.
///
/// Output is compact (no indentation, so it can sit inside a line of HTML), deterministic (attributes in a
/// fixed order, numbers in a fixed format), and escapes `&`, `<` and `>` in all text and `"` in attributes.
///
/// The writer tracks TeX's style (display or text) as it descends, because one decision depends on it:
/// the limits of `\sum`, `\lim` and the like go below and above the operator (`<munderover>`) in display
/// style and beside it (`<msubsup>`) otherwise. Fractions, scripts, roots' indices and matrix cells are in
/// text style; aligned environments are in display style.
///
/// It also tracks MathML's script level, because TeX puts no space around relations and binary operators in
/// scripts (TeXbook, chapter 18: those spaces are "only in display and text styles"; Temml's `mclass.js` does the
/// same, "Operator spacing is zero inside a (sub|super)script"), while MathML's operator dictionary spaces them
/// at every level.
struct MathMLWriter {
    private var output = ""
    private var scriptLevel = 0

    /// Returns the complete `<math>` element for `node`.
    /// - Parameters:
    ///   - node: the formula's tree.
    ///   - display: `true` for a block formula (display style), `false` for an inline one.
    /// - Returns: `<math xmlns="http://www.w3.org/1998/Math/MathML" display="block|inline">…</math>`. An inline
    ///   formula is cut after each top-level relation and binary operator, where TeX may break a line (TeXbook,
    ///   p. 173), into one `<math>` element per piece: Chromium breaks lines between `<math>` elements but not
    ///   inside one (Temml's `linebreaking.js` cuts the same places into `<mrow>`s, which Chromium 156 does not
    ///   break between), so a long inline formula wraps instead of overflowing the column.
    static func document(for node: MathNode, display: Bool) -> String {
        var children: [MathNode]
        if case .row(let nodes) = node {
            children = nodes
        } else {
            children = [node]
        }
        let start = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"\(display ? "block" : "inline")\">"
        var writer = MathMLWriter()
        for chunk in display ? [children] : Self.lineBreakChunks(children) {
            writer.output += start
            // Every piece after the first starts after an operator, where a sign is unary, as at the start.
            writer.writeChildren(chunk, displayStyle: display)
            writer.output += "</math>"
        }
        return writer.output
    }

    /// Relations and binary operators after which TeX may break an inline formula.
    private static let breakableOperators: Set<String> = [
        "=", "<", ">", "+", "\u{2212}", "±", "∓", "×", "⋅", "÷", "≤", "≥", "≠", "≈", "≡", "∼", "≃", "≅", "∝", "≪",
        "≫", "→", "←", "↔", "⇒", "⇐", "⇔", "⟶", "⟵", "⟹", "⟸", "⟺", "↦", "∈", "∉", "⊂", "⊆", "⊃", "⊇", "∪", "∩",
        "≔", "≜", "⩽", "⩾",
    ]

    /// The children cut after each breakable operator that is not a sign (`= -1` keeps `-1` whole).
    private static func lineBreakChunks(_ children: [MathNode]) -> [[MathNode]] {
        var chunks: [[MathNode]] = [[]]
        for (index, child) in children.enumerated() {
            chunks[chunks.count - 1].append(child)
            guard case .operator(let mathOperator) = child, breakableOperators.contains(mathOperator.text),
                  mathOperator.form == nil, index + 1 < children.count,
                  let previous = children[..<index].last(where: { !$0.isSpace }), previous.isOrdinary
            else { continue }
            chunks.append([])
        }
        return chunks.filter { !$0.isEmpty }
    }

    // MARK: - Nodes

    /// Writes one node. `leadingSignIsPrefix` applies to a row: whether a sign that starts it is unary, which it
    /// is everywhere in TeX except after the empty atom amsmath puts at the start of an aligned right column.
    private mutating func write(_ node: MathNode, displayStyle: Bool, leadingSignIsPrefix: Bool = true) {
        switch node {
        case .identifier(let text, let upright):
            output += upright && text.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>"
            output += Self.escaped(text) + "</mi>"
        case .number(let text):
            output += "<mn>" + Self.escaped(text) + "</mn>"
        case .operator(let mathOperator):
            writeOperator(mathOperator)
        case .text(let text):
            // Spaces become no-break spaces so that leading and trailing ones survive HTML white-space rules.
            output += "<mtext>" + Self.escaped(text).replacingSpaces(with: "&#xA0;") + "</mtext>"
        case .space(let width):
            output += "<mspace width=\"\(Self.ems(width))\"/>"
        case .row(let children):
            if children.count == 1 {
                write(children[0], displayStyle: displayStyle)
            } else {
                output += "<mrow>"
                writeChildren(children, displayStyle: displayStyle, leadingSignIsPrefix: leadingSignIsPrefix)
                output += "</mrow>"
            }
        case .fraction(let numerator, let denominator, let style, let hasRule):
            if let style {
                output += "<mstyle displaystyle=\"\(style == .display)\">"
            }
            output += hasRule ? "<mfrac>" : "<mfrac linethickness=\"0\">"
            // In text style a fraction's parts are in script style; in display style, in text style.
            let isDisplay = style.map { $0 == .display } ?? displayStyle
            inScript(isDisplay ? 0 : 1) {
                $0.write(numerator, displayStyle: false)
                $0.write(denominator, displayStyle: false)
            }
            output += "</mfrac>"
            if style != nil {
                output += "</mstyle>"
            }
        case .root(let radicand, let index):
            if let index {
                output += "<mroot>"
                write(radicand, displayStyle: displayStyle)
                inScript(2) { $0.write(index, displayStyle: false) }
                output += "</mroot>"
            } else if displayStyle && radicand.hasLimitsAbove {
                // Chromium places the bar of a display root right on the upper limit of a big operator inside
                // it (`\sqrt{\sum_{i=1}^n x_i^2}`); TeX keeps its usual clearance, given here as padding.
                output += "<msqrt><mrow style=\"padding-top: 0.2em\">"
                write(radicand, displayStyle: displayStyle)
                output += "</mrow></msqrt>"
            } else {
                output += "<msqrt>"
                write(radicand, displayStyle: displayStyle)
                output += "</msqrt>"
            }
        case .scripts(let base, let lowerScript, let upperScript, let placement):
            writeScripts(base: base, lowerScript: lowerScript, upperScript: upperScript, placement: placement,
                         displayStyle: displayStyle)
        case .accent(let base, let mark, let over):
            output += over ? "<mover accent=\"true\">" : "<munder accentunder=\"true\">"
            write(base, displayStyle: displayStyle)
            if over, case .scripts(_, _, .some, _) = base {
                // A superscript (a prime in `\vec{x_i'}`) reaches above the box Chromium sets the accent on;
                // padding under the mark keeps it clear, as TeX clears the whole accentee.
                output += "<mrow style=\"padding-bottom: 0.15em\">"
                writeOperator(mark)
                output += "</mrow>"
            } else {
                writeOperator(mark)
            }
            output += over ? "</mover>" : "</munder>"
        case .rule(let base, let over):
            // A border, not a stretched `<mo>`: no overline character in the math fonts stretches to an
            // arbitrary width in Chromium.
            output += over ? "<mrow style=\"border-top: 0.06em solid; padding-top: 0.1em\">"
                : "<mrow style=\"border-bottom: 0.06em solid; padding-bottom: 0.1em\">"
            write(base, displayStyle: displayStyle)
            output += "</mrow>"
        case .function(let name):
            output += name.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>"
            output += Self.escaped(name) + "</mi>"
        case .table(let table):
            writeTable(table)
        case .style(let child, let style, let color):
            output += "<mstyle"
            if let style {
                output += " displaystyle=\"\(style == .display)\""
                switch style {
                case .display, .text: output += " scriptlevel=\"0\""
                case .script: output += " scriptlevel=\"1\""
                case .scriptScript: output += " scriptlevel=\"2\""
                }
            }
            if let color {
                output += " mathcolor=\"\(Self.escaped(color, quotes: true))\""
            }
            output += ">"
            let saved = scriptLevel
            if let style {
                scriptLevel = style == .script ? 1 : style == .scriptScript ? 2 : 0
            }
            write(child, displayStyle: style.map { $0 == .display } ?? displayStyle)
            scriptLevel = saved
            output += "</mstyle>"
        case .enclosure(let child, let enclosure) where enclosure == .overBrace || enclosure == .underBrace:
            writeBrace(over: enclosure == .overBrace, child, displayStyle: displayStyle)
        case .enclosure(let child, let enclosure):
            // MathML Core has no <menclose>; like Temml (`enclose.js`), the box is a CSS border with 3 pt of
            // padding and the strikes are a CSS gradient across the content.
            output += "<mrow style=\"\(Self.style(of: enclosure))\">"
            if enclosure == .box { output += "<mspace width=\"0.3em\"/>" }
            write(child, displayStyle: displayStyle)
            if enclosure == .box { output += "<mspace width=\"0.3em\"/>" }
            output += "</mrow>"
        case .extensibleArrow(let arrow, let above, let below):
            writeExtensibleArrow(arrow, above: above, below: below)
        case .phantom(let child):
            output += "<mphantom>"
            write(child, displayStyle: displayStyle)
            output += "</mphantom>"
        case .padded(let child, let width, let height, let depth):
            output += "<mpadded"
            if let width { output += " width=\"\(width)\"" }
            if let height { output += " height=\"\(height)\"" }
            if let depth { output += " depth=\"\(depth)\"" }
            output += ">"
            write(child, displayStyle: displayStyle)
            output += "</mpadded>"
        case .filledRule(let width, let height, let raise):
            // As Temml's `rule.js`: an <mspace> with a background, raised by an <mpadded>.
            let rule = "<mspace width=\"\(Self.ems(width))\" height=\"\(Self.ems(height))\" "
                + "mathbackground=\"currentColor\"/>"
            if raise == 0 {
                output += rule
            } else {
                output += "<mpadded voffset=\"\(Self.ems(raise))\" height=\"\(Self.ems(max(0, height + raise)))\" "
                    + "depth=\"\(Self.ems(max(0, -raise)))\">\(rule)</mpadded>"
            }
        case .classed(let child, let atomClass):
            writeClassed(child, atomClass, displayStyle: displayStyle)
        }
    }

    /// Runs `body` with the script level raised by `increment`.
    private mutating func inScript(_ increment: Int, _ body: (inout MathMLWriter) -> Void) {
        scriptLevel += increment
        body(&self)
        scriptLevel -= increment
    }

    /// A horizontal brace drawn with CSS: the content's border with rounded ends, and a small chevron for the tip
    /// centred under (or over) it. A stretched ⏟ (U+23DF) cannot be used: Chromium stops at the largest glyph
    /// variant of DejaVu Math TeX Gyre, about 8 em, and draws even shorter braces about 1 em short of their
    /// content's left edge (measured in Chromium 156), which left `\underbrace` spanning some 60 % of it.
    private mutating func writeBrace(over: Bool, _ child: MathNode, displayStyle: Bool) {
        // An over-accent is lowered onto short content by Chromium, which put the tip into the letters.
        let (element, accent) = over ? ("mover", "accent=\"false\"") : ("munder", "accentunder=\"true\"")
        let line = over
            ? "border-top: 0.06em solid; border-radius: 0.3em 0.3em 0 0; padding: 0.15em 0.1em 0"
            : "border-bottom: 0.06em solid; border-radius: 0 0 0.3em 0.3em; padding: 0 0.1em 0.15em"
        let tip = over
            ? "border-left: 0.06em solid; border-top: 0.06em solid; transform: translateY(0.04em) rotate(45deg)"
            : "border-right: 0.06em solid; border-bottom: 0.06em solid; transform: translateY(-0.2em) rotate(45deg)"
        output += "<\(element) \(accent)><mrow style=\"\(line)\">"
        write(child, displayStyle: displayStyle)
        output += "</mrow><mspace width=\"0.22em\" height=\"0.22em\" style=\"\(tip)\"/></\(element)>"
    }

    private static func style(of enclosure: Enclosure) -> String {
        let stroke = { (direction: String) in
            "linear-gradient(to \(direction), transparent calc(50% - 0.03em), currentColor calc(50% - 0.03em), "
                + "currentColor calc(50% + 0.03em), transparent calc(50% + 0.03em))"
        }
        switch enclosure {
        case .box: return "border: 0.06em solid; padding: 0.3em 0"
        case .upDiagonalStrike: return "background: \(stroke("top left"))"
        case .downDiagonalStrike: return "background: \(stroke("top right"))"
        case .cross: return "background: \(stroke("top left")), \(stroke("top right"))"
        case .overBrace, .underBrace: return ""
        }
    }

    /// An arrow that stretches under its labels, as Temml writes mathtools' `\xrightarrow` (`arrow.js`): a
    /// relation (thick spaces around it) whose labels are padded by 0.3 em each side, at least 1.75 em long.
    private mutating func writeExtensibleArrow(_ arrow: String, above: MathNode?, below: MathNode?) {
        let space = "<mspace width=\"0.2778em\"/>"
        output += "<mrow>\(space)"
        let element = above != nil && below != nil ? "munderover" : below != nil ? "munder" : "mover"
        output += "<\(element) accent=\"false\"><mo stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">"
            + Self.escaped(arrow) + "</mo>"
        for label in [below, above].compactMap({ $0 }) {
            output += "<mrow><mspace width=\"0.3em\"/>"
            inScript(1) { $0.write(label, displayStyle: false) }
            output += "<mspace width=\"0.3em\"/></mrow>"
        }
        if above == nil && below == nil {
            output += "<mspace width=\"1.75em\"/>"
        }
        output += "</\(element)>\(space)</mrow>"
    }

    /// Content given a TeX atom class: a single operator gets the class's spaces as `lspace`/`rspace`, anything
    /// else is padded with `<mspace>` (as Temml's `mclass.js`); in scripts there is no space.
    private mutating func writeClassed(_ child: MathNode, _ atomClass: AtomClass, displayStyle: Bool) {
        let spaces: (Double, Double) = switch atomClass {
        case .binary: (0.2222, 0.2222)
        case .relation: (0.2778, 0.2778)
        case .punctuation: (0, 0.1667)
        case .largeOperator, .inner: (0.1667, 0.1667)
        case .ordinary, .opening, .closing: (0, 0)
        }
        let (left, right) = scriptLevel > 0 ? (0, 0) : spaces
        if case .operator(var mathOperator) = child {
            mathOperator.leftSpace = left
            mathOperator.rightSpace = right
            writeOperator(mathOperator)
            return
        }
        output += "<mrow>"
        if left > 0 { output += "<mspace width=\"\(Self.ems(left))\"/>" }
        write(child, displayStyle: displayStyle)
        if right > 0 { output += "<mspace width=\"\(Self.ems(right))\"/>" }
        output += "</mrow>"
    }

    /// Writes the children of a row, adding what TeX's spacing rules would and MathML's operator dictionary
    /// does not: an invisible function application after a function name, with a thin space before an
    /// argument that is not in brackets and after an ordinary symbol before it (`2\sin x`); and prefix form
    /// for a sign that TeX makes unary: one that follows an operator or an opening bracket (`= -1` has no space
    /// after the minus), or starts the row, as at the start of a formula, a group (`x^{-1}`) or a matrix cell
    /// (after `&` or `\\`). Spaces are skipped when looking back, as TeX skips glue.
    ///
    /// - Note: MathML would infer prefix form for the first operator of an `<mrow>` with several children, but
    ///   the explicit form keeps a leading sign tight however a renderer groups a table cell's content.
    private mutating func writeChildren(_ children: [MathNode], displayStyle: Bool, leadingSignIsPrefix: Bool = true) {
        for (index, child) in children.enumerated() {
            let previous = index > 0 ? children[index - 1] : nil
            if child.isFunction, let previous, previous.isOrdinary {
                output += "<mspace width=\"0.1667em\"/>"
            }
            let previousAtom = children[..<index].last { !$0.isSpace }
            if case .operator(var sign) = child, sign.form == nil, Self.signs.contains(sign.text),
               previousAtom.map({ !$0.isOrdinary }) ?? true {
                // MathML would make a row's first operator prefix, so the binary one is said explicitly.
                sign.form = previousAtom != nil || leadingSignIsPrefix ? .prefix : .infix
                writeOperator(sign)
            } else {
                write(child, displayStyle: displayStyle)
            }
            if child.isFunction {
                output += "<mo>&#x2061;</mo>"
                if index + 1 < children.count, !children[index + 1].startsWithOpeningBracket {
                    output += "<mspace width=\"0.1667em\"/>"
                }
            }
        }
    }

    private mutating func writeOperator(_ mathOperator: MathOperator, limitsBelowAndAbove: Bool = false) {
        var mathOperator = mathOperator
        if scriptLevel > 0, !mathOperator.takesLimits, mathOperator.stretchy != true {
            mathOperator.leftSpace = mathOperator.leftSpace ?? 0
            mathOperator.rightSpace = mathOperator.rightSpace ?? 0
        }
        output += "<mo"
        if let form = mathOperator.form {
            output += " form=\"\(form.rawValue)\""
        }
        if mathOperator.isFence {
            output += " fence=\"true\""
        }
        if let stretchy = mathOperator.stretchy {
            output += " stretchy=\"\(stretchy)\""
        }
        if let leftSpace = mathOperator.leftSpace {
            output += " lspace=\"\(Self.ems(leftSpace))\""
        }
        if let rightSpace = mathOperator.rightSpace {
            output += " rspace=\"\(Self.ems(rightSpace))\""
        }
        if let size = mathOperator.size {
            // Centred on the math axis like TeX's \big delimiters, rather than grown upwards from the baseline.
            output += " symmetric=\"true\" minsize=\"\(Self.ems(size))\" maxsize=\"\(Self.ems(size))\""
        }
        if let relativeSize = mathOperator.relativeSize {
            output += " mathsize=\"\(Self.percent(relativeSize))\""
        }
        if let scale = mathOperator.scale {
            output += " style=\"transform: scale(\(Self.decimal(scale.horizontal)), \(Self.decimal(scale.vertical)))\""
        }
        if limitsBelowAndAbove {
            // The writer has chosen below and above itself (`\sum\limits` inline); without this, MathML would
            // move the limits to the side again outside display style.
            output += " movablelimits=\"false\""
        }
        output += ">" + Self.escaped(mathOperator.text) + "</mo>"
    }

    private mutating func writeScripts(base: MathNode, lowerScript: MathNode?, upperScript: MathNode?,
                                       placement: LimitPlacement, displayStyle: Bool) {
        let belowAndAbove = placement == .belowAndAbove || (placement == .belowAndAboveInDisplayStyle && displayStyle)
        let element = switch (lowerScript != nil, upperScript != nil, belowAndAbove) {
        case (true, true, true): "munderover"
        case (true, false, true): "munder"
        case (false, _, true): "mover"
        case (true, true, false): "msubsup"
        case (true, false, false): "msub"
        case (false, _, false): "msup"
        }
        output += "<\(element)>"
        if case .operator(let delimiter) = base, delimiter.size != nil {
            // Chromium ignores the size of an operator that is itself the base of scripts (`\bigg|_{x=0}`)
            // unless it sits in a row of its own.
            output += "<mrow>"
            writeOperator(delimiter)
            output += "</mrow>"
        } else if case .operator(let symbol) = base, belowAndAbove {
            writeOperator(symbol, limitsBelowAndAbove: true)
        } else {
            write(base, displayStyle: displayStyle)
        }
        inScript(1) {
            if let lowerScript {
                $0.write(lowerScript, displayStyle: false)
            }
            if let upperScript {
                $0.write(upperScript, displayStyle: false)
            }
        }
        output += "</\(element)>"
    }

    /// Writes a table. Chromium ignores MathML's `columnalign`, so each cell also carries CSS `text-align`;
    /// aligned environments put no space inside a right-left column pair and 2 em between pairs, as amsmath.
    ///
    /// A numbered table (a display formula with `\tag`, `\label` or a numbering environment) spans the line, as
    /// Temml writes it (`buildMathML.js`, `taggedExpression`): an empty cell of half the width on the left, the
    /// formula's cells, and a cell of half the width on the right holding the number, right-aligned, so the
    /// formula stays centred and the number sits at the margin. A labelled row has its label as `id`.
    ///
    /// Rules of an `array` (`|`, `\hline`) are cell borders, also as Temml draws them, since Chromium ignores
    /// `columnlines` and `rowlines`; extra row space from `\\[length]` is padding below the row.
    private mutating func writeTable(_ table: MathTable) {
        let columns = table.rows.map(\.count).max() ?? 0
        let alignments = (0..<columns).map { table.alignment(ofColumn: $0) }
        let numbered = table.isNumbered
        output += "<mtable"
        if table.layout == .aligned {
            output += " displaystyle=\"true\""
        }
        if alignments.contains(where: { $0 != .center }) && !numbered {
            output += " columnalign=\"\(alignments.map(\.rawValue).joined(separator: " "))\""
        }
        if numbered {
            output += " style=\"width: 100%\""
        }
        output += ">"
        let glue = "padding: 0; width: 50%"
        for (rowIndex, row) in table.rows.enumerated() {
            let numbering = rowIndex < table.lineNumbers.count ? table.lineNumbers[rowIndex] : nil
            output += "<mtr"
            if let label = numbering?.label {
                output += " id=\"\(Self.escaped(label, quotes: true))\""
            }
            output += ">"
            if numbered {
                output += "<mtd style=\"\(glue)\"></mtd>"
            }
            for (column, cell) in row.enumerated() {
                output += "<mtd"
                var parts = [Self.cellStyle(layout: table.layout, column: column, alignment: alignments[column])]
                parts += Self.ruleStyles(of: table, row: rowIndex, column: column, columns: columns)
                if let extra = table.rowSpacing[rowIndex] {
                    parts.append("padding-bottom: \(Self.ems(extra + 0.25))")
                }
                let style = parts.compactMap { $0 }.joined(separator: "; ")
                if !style.isEmpty {
                    output += " style=\"\(style)\""
                }
                output += ">"
                // amsmath starts each right-hand column of an aligned environment with `{}`, so `&= x` and
                // `&- x` have a binary operator there.
                let followsEmptyAtom = table.layout == .aligned && !column.isMultiple(of: 2)
                write(cell, displayStyle: table.layout == .aligned, leadingSignIsPrefix: !followsEmptyAtom)
                output += "</mtd>"
            }
            if numbered {
                output += "<mtd style=\"\(glue); text-align: right; text-align: -webkit-right\">"
                if let tag = numbering?.tag {
                    output += "<mtext>" + Self.escaped(tag).replacingSpaces(with: "&#xA0;") + "</mtext>"
                }
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
    }

    /// The borders that draw an `array`'s rules on one cell.
    private static func ruleStyles(of table: MathTable, row: Int, column: Int, columns: Int) -> [String?] {
        let line = "0.06em solid"
        return [
            table.columnLines.contains(column) ? "border-left: \(line)" : nil,
            column == columns - 1 && table.columnLines.contains(columns) ? "border-right: \(line)" : nil,
            table.rowLines.contains(row) ? "border-top: \(line)" : nil,
            row == table.rows.count - 1 && table.rowLines.contains(table.rows.count) ? "border-bottom: \(line)" : nil,
        ]
    }

    private static func cellStyle(layout: MathTable.Layout, column: Int, alignment: MathTable.Alignment) -> String? {
        // Chromium lays a cell's content out as one block, which plain `right`/`left` do not move but the
        // `-webkit-` values do; other browsers skip the value they do not know and keep the first.
        let textAlign = alignment == .center
            ? nil : "text-align: \(alignment.rawValue); text-align: -webkit-\(alignment.rawValue)"
        let padding: String? = switch layout {
        case .matrix:
            nil
        case .aligned:
            alignment == .center ? "padding: 0.25em 0" : column.isMultiple(of: 2) && column > 0
                ? "padding: 0.25em 0 0.25em 2em" : "padding: 0.25em 0"
        case .cases:
            column == 0 ? "padding: 0.1em 1em 0.1em 0.2em" : "padding: 0.1em 0"
        case .stack:
            // Lines of `\substack` are set at a script's baseline skip in TeX; without a little padding the
            // ascenders of one touch the descenders of the other.
            "padding: 0.06em 0"
        }
        let parts = [textAlign, padding].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    // MARK: - Text

    /// Signs that are unary after an operator: `= -1`, `(+x)`.
    private static let signs: Set<String> = ["+", "\u{2212}", "±", "∓"]

    /// Escapes text for XML: `&`, `<`, `>` always, `"` in attribute values.
    static func escaped(_ text: String, quotes: Bool = false) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Formats a length in em with at most four decimals and no trailing zeros: `0.1667em`, `2em`.
    static func ems(_ value: Double) -> String {
        decimal(value) + "em"
    }

    private static func percent(_ fraction: Double) -> String {
        decimal(fraction * 100) + "%"
    }

    private static func decimal(_ value: Double) -> String {
        let scaled = Int((abs(value) * 10_000).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let whole = scaled / 10_000
        var fraction = String(scaled % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") {
            fraction.removeLast()
        }
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}

private extension String {
    func replacingSpaces(with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == " " {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }
}

private extension MathNode {
    /// A function name, possibly with scripts (`\log_2`, `\max_i`).
    var isFunction: Bool {
        switch self {
        case .function: true
        case .scripts(let base, _, _, _): base.isFunction
        default: false
        }
    }

    /// Letters, numbers, text and closing brackets: what TeX calls ordinary and closing atoms, after which a
    /// sign is binary and before which a function name gets a thin space.
    var isOrdinary: Bool {
        switch self {
        case .identifier, .number, .text, .fraction, .root, .table: true
        case .operator(let mathOperator):
            mathOperator.form == .postfix || (Self.ordinaryOperators.contains(mathOperator.text) && mathOperator.form == nil)
        case .scripts(let base, _, _, _), .accent(let base, _, _), .rule(let base, _): base.isOrdinary
        case .row(let children): !children.isEmpty
        case .style(let child, _, _), .enclosure(let child, _), .phantom(let child), .padded(let child, _, _, _):
            child.isOrdinary
        case .classed(_, let atomClass): atomClass == .ordinary || atomClass == .closing || atomClass == .inner
        case .filledRule: true
        case .space, .function, .extensibleArrow: false
        }
    }

    /// Closing brackets, and dots, which TeX sets as ordinary symbols although MathML writes them as `<mo>`.
    private static let ordinaryOperators: Set<String> = [")", "]", "}", "|", "‖", "⟩", "⌉", "⌋", "…", "⋯", "⋮", "⋱", "."]

    var isSpace: Bool {
        if case .space = self { true } else { false }
    }

    /// `true` if the node holds, at its top level, an operator with limits above it in display style.
    var hasLimitsAbove: Bool {
        switch self {
        case .scripts(_, _, let upper, let placement): upper != nil && placement != .beside
        case .row(let children): children.contains(where: \.hasLimitsAbove)
        case .style(let child, _, _): child.hasLimitsAbove
        default: false
        }
    }

    /// `true` if the node begins with an opening bracket, so a function before it needs no space.
    var startsWithOpeningBracket: Bool {
        switch self {
        case .operator(let mathOperator):
            mathOperator.form == .prefix || ["(", "[", "{", "⟨", "⌈", "⌊"].contains(mathOperator.text)
        case .row(let children): children.first?.startsWithOpeningBracket ?? false
        case .scripts(let base, _, _, _): base.startsWithOpeningBracket
        case .style(let child, _, _): child.startsWithOpeningBracket
        default: false
        }
    }
}
