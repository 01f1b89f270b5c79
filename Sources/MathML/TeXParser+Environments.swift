extension TeXParser {
    /// Parses `\begin{name} … \end{name}` (the `\begin` already consumed) for the amsmath environments the
    /// notes use: the matrix family, `cases`, the aligned family, `gather`, `array` and `equation`.
    /// - Parameter offset: where `\begin` starts, for error messages.
    /// - Returns: the table, wrapped in its fences for `pmatrix`, `bmatrix`, `cases` and the like.
    /// - Throws: `TeXToMathML.ConversionError` for an unknown environment, a missing or mismatched `\end`.
    /// - Note: MathML Core has no table rules, so the writer draws `array`'s `|` and `\hline` as cell borders.
    ///   Numbered environments record their lines' numbers (see ``EquationLine``).
    mutating func parseEnvironment(at offset: Int) throws -> MathNode {
        let name = try readEnvironmentName(after: "\\begin", at: offset)
        let fences: [String: (String, String)] = [
            "matrix": ("", ""), "smallmatrix": ("", ""), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"),
            "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"),
        ]
        var alignments: [MathTable.Alignment]
        let layout: MathTable.Layout
        var columnLines: Set<Int> = []
        switch name {
        case _ where fences[name] != nil:
            (alignments, layout) = ([.center], .matrix)
        case "cases", "dcases":
            (alignments, layout) = ([.left], .cases)
        case "aligned", "align", "align*", "split", "eqnarray", "eqnarray*", "flalign", "flalign*":
            (alignments, layout) = ([], .aligned)
        case "alignat", "alignat*", "alignedat":
            _ = try readText(of: "\\begin{\(name)}", at: offset)
            (alignments, layout) = ([], .aligned)
        case "gather", "gather*", "gathered", "multline", "multline*":
            (alignments, layout) = ([.center], .aligned)
        case "array":
            (alignments, columnLines) = try parseColumnSpecification(at: offset)
            layout = .matrix
        case "equation", "equation*", "displaymath":
            // The line belongs to the formula's top level, which numbers it: `equation` asks for a number.
            if name == "equation" && pendingLine.tag == nil { pendingLine.isAutomatic = true }
            let rows = try parseRows(environment: name)
            pendingLine.tagTokenIndex = position
            try parseEnd(of: name, begunAt: offset)
            guard rows.count == 1, rows[0].count == 1 else {
                throw error("\\begin{\(name)} holds one line; use aligned for several", at: offset)
            }
            return .row(rows[0][0])
        default:
            throw error("Unknown environment \(name)", at: offset)
        }

        let base = name.hasSuffix("*") ? String(name.dropLast()) : name
        let numbersLines = Self.numberedEnvironments.contains(base)
        var tableIndex: Int?
        if numbersLines {
            numberedEnvironmentCount += 1
            tableIndex = numberedEnvironmentCount
        }
        let firstLine = lines.count
        let rows = try parseRows(environment: name, numbersLines: numbersLines,
                                 numbered: numbersLines && !name.hasSuffix("*") && base != "multline",
                                 table: tableIndex)
        let spacing = rowSpacing
        let rules = finishedRowLines
        if base == "multline" && !name.hasSuffix("*") { numberLastLine(ofRows: rows.count, table: tableIndex) }
        try parseEnd(of: name, begunAt: offset)
        if layout == .aligned && alignments.isEmpty {
            // amsmath aligns columns in pairs: the first of a pair to the right, the second to the left.
            let columns = rows.map(\.count).max() ?? 1
            alignments = (0..<columns).map { $0.isMultiple(of: 2) ? .right : .left }
        }
        var mathTable = MathTable(rows: rows.map { $0.map { .row($0) } }, alignments: alignments, layout: layout)
        mathTable.rowSpacing = spacing
        mathTable.rowLines = rules
        mathTable.columnLines = columnLines
        if numbersLines {
            let own = lines[firstLine...].filter { $0.table == tableIndex }
            mathTable.lineNumbers = rows.indices.map { row in own.first { $0.row == row }?.numbering }
        }
        let table = MathNode.table(mathTable)
        if layout == .cases {
            return .row([.operator(.stretchyFence("{", form: .prefix)), table])
        }
        guard let (open, close) = fences[name], !open.isEmpty else { return table }
        return .row([.operator(.stretchyFence(open, form: .prefix)), table,
                     .operator(.stretchyFence(close, form: .postfix))])
    }

    /// Parses `\end{name}` and checks that it closes the environment begun at `offset`.
    private mutating func parseEnd(of name: String, begunAt offset: Int) throws {
        let end = try expect(.command("end"), "Missing \\end{\(name)}")
        let endName = try readEnvironmentName(after: "\\end", at: end.offset)
        guard endName == name else {
            throw error("\\begin{\(name)} at character \(offset) ended by \\end{\(endName)}", at: end.offset)
        }
    }

    private mutating func readEnvironmentName(after owner: String, at offset: Int) throws -> String {
        let name = try readText(of: owner, at: offset).trimmingSpaces
        guard !name.isEmpty, name.allSatisfy({ $0.isASCIILetter || $0 == "*" }) else {
            throw error("Invalid environment name \"\(name)\"", at: offset)
        }
        return name
    }

    /// The amsmath environments that number their lines (their starred forms do not).
    static let numberedEnvironments: Set<String> = ["align", "gather", "multline", "flalign", "alignat", "eqnarray"]

    /// `multline` has one number, on its last line.
    private mutating func numberLastLine(ofRows count: Int, table: Int?) {
        guard count > 0, !lines.contains(where: { $0.table == table && $0.numbering.tag != nil }) else { return }
        automaticCount += 1
        let number = automaticCount <= automaticNumbers.count
            ? automaticNumbers[automaticCount - 1] : "(\(automaticCount))"
        if let index = lines.firstIndex(where: { $0.table == table && $0.row == count - 1 }) {
            lines[index].numbering.tag = number
            lines[index].numbering.isAutomatic = true
        } else {
            let numbering = EquationLine.Numbering(tag: number, isAutomatic: true)
            lines.append(EquationLine(numbering: numbering, row: count - 1, table: table, tokenIndex: position,
                                      offset: peek()?.offset ?? sourceLength))
        }
    }

    /// Reads an `array` column specification such as `{cc|l}`: the columns' alignments and where vertical rules
    /// go (column boundaries, 0 for the left edge).
    private mutating func parseColumnSpecification(at offset: Int) throws -> ([MathTable.Alignment], Set<Int>) {
        let specification = try readText(of: "\\begin{array}", at: offset)
        var alignments: [MathTable.Alignment] = []
        var rules: Set<Int> = []
        for character in specification {
            switch character {
            case "l": alignments.append(.left)
            case "c": alignments.append(.center)
            case "r": alignments.append(.right)
            case "|": rules.insert(alignments.count)
            case " ": continue
            default:
                throw error("Unsupported column type \"\(character)\" in \\begin{array}", at: offset)
            }
        }
        guard !alignments.isEmpty else { throw error("Empty column specification in \\begin{array}", at: offset) }
        return (alignments, rules)
    }
}
