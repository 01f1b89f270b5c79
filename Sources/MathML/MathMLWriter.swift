/// Serialises a `MathNode` tree as MathML Core markup.
///
/// Output is compact (no indentation, so it can sit inside a line of HTML), deterministic (attributes in a
/// fixed order, numbers in a fixed format), and escapes `&`, `<` and `>` in all text and `"` in attributes.
///
/// The writer tracks TeX's style (display or text) as it descends, because one decision depends on it:
/// the limits of `\sum`, `\lim` and the like go below and above the operator (`<munderover>`) in display
/// style and beside it (`<msubsup>`) otherwise. Fractions, scripts, roots' indices and matrix cells are in
/// text style; aligned environments are in display style.
struct MathMLWriter {
    private var output = ""

    /// Returns the complete `<math>` element for `node`.
    /// - Parameters:
    ///   - node: the formula's tree.
    ///   - display: `true` for a block formula (display style), `false` for an inline one.
    ///   - tag: an equation tag from `\tag`, written at the end after a 2 em space.
    /// - Returns: `<math xmlns="http://www.w3.org/1998/Math/MathML" display="block|inline">…</math>`.
    static func document(for node: MathNode, display: Bool, tag: String?) -> String {
        var writer = MathMLWriter()
        writer.output = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"\(display ? "block" : "inline")\">"
        var children: [MathNode]
        if case .row(let nodes) = node {
            children = nodes
        } else {
            children = [node]
        }
        if let tag {
            children += [.space(width: 2), .text(tag)]
        }
        writer.writeChildren(children, displayStyle: display)
        writer.output += "</math>"
        return writer.output
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
            write(numerator, displayStyle: false)
            write(denominator, displayStyle: false)
            output += "</mfrac>"
            if style != nil {
                output += "</mstyle>"
            }
        case .root(let radicand, let index):
            if let index {
                output += "<mroot>"
                write(radicand, displayStyle: displayStyle)
                write(index, displayStyle: false)
                output += "</mroot>"
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
            writeOperator(mark)
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
            }
            if let color {
                output += " mathcolor=\"\(Self.escaped(color, quotes: true))\""
            }
            output += ">"
            write(child, displayStyle: style.map { $0 == .display } ?? displayStyle)
            output += "</mstyle>"
        }
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

    private mutating func writeOperator(_ mathOperator: MathOperator) {
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
        } else {
            write(base, displayStyle: displayStyle)
        }
        if let lowerScript {
            write(lowerScript, displayStyle: false)
        }
        if let upperScript {
            write(upperScript, displayStyle: false)
        }
        output += "</\(element)>"
    }

    /// Writes a table. Chromium ignores MathML's `columnalign`, so each cell also carries CSS `text-align`;
    /// aligned environments put no space inside a right-left column pair and 2 em between pairs, as amsmath.
    private mutating func writeTable(_ table: MathTable) {
        let columns = table.rows.map(\.count).max() ?? 0
        let alignments = (0..<columns).map { table.alignment(ofColumn: $0) }
        output += "<mtable"
        if table.layout == .aligned {
            output += " displaystyle=\"true\""
        }
        if alignments.contains(where: { $0 != .center }) {
            output += " columnalign=\"\(alignments.map(\.rawValue).joined(separator: " "))\""
        }
        output += ">"
        for row in table.rows {
            output += "<mtr>"
            for (column, cell) in row.enumerated() {
                output += "<mtd"
                if let style = Self.cellStyle(layout: table.layout, column: column, alignment: alignments[column]) {
                    output += " style=\"\(style)\""
                }
                output += ">"
                // amsmath starts each right-hand column of an aligned environment with `{}`, so `&= x` and
                // `&- x` have a binary operator there.
                let followsEmptyAtom = table.layout == .aligned && !column.isMultiple(of: 2)
                write(cell, displayStyle: table.layout == .aligned, leadingSignIsPrefix: !followsEmptyAtom)
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
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
            "padding: 0"
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
        case .style(let child, _, _): child.isOrdinary
        case .space, .function: false
        }
    }

    /// Closing brackets, and dots, which TeX sets as ordinary symbols although MathML writes them as `<mo>`.
    private static let ordinaryOperators: Set<String> = [")", "]", "}", "|", "‖", "⟩", "⌉", "⌋", "…", "⋯", "⋮", "⋱"]

    var isSpace: Bool {
        if case .space = self { true } else { false }
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
