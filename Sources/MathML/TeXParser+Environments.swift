extension TeXParser {
    /// Parses `\begin{name} … \end{name}` (the `\begin` already consumed) for the amsmath environments the
    /// notes use: the matrix family, `cases`, the aligned family, `gather`, `array` and `equation`.
    /// - Parameter offset: where `\begin` starts, for error messages.
    /// - Returns: the table, wrapped in its fences for `pmatrix`, `bmatrix`, `cases` and the like.
    /// - Throws: `TeXToMathML.ConversionError` for an unknown environment, a missing or mismatched `\end`.
    /// - Note: vertical rules in an `array` column specification and `\hline` are dropped: MathML Core has
    ///   no table rules, and the notes use none.
    mutating func parseEnvironment(at offset: Int) throws -> MathNode {
        let name = try readEnvironmentName(after: "\\begin", at: offset)
        let fences: [String: (String, String)] = [
            "matrix": ("", ""), "smallmatrix": ("", ""), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"),
            "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"),
        ]
        var alignments: [MathTable.Alignment]
        let layout: MathTable.Layout
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
            (alignments, layout) = (try parseColumnSpecification(at: offset), .matrix)
        case "equation", "equation*", "displaymath":
            let rows = try parseRows(environment: name)
            try parseEnd(of: name, begunAt: offset)
            guard rows.count == 1, rows[0].count == 1 else {
                throw error("\\begin{\(name)} holds one line; use aligned for several", at: offset)
            }
            return .row(rows[0][0])
        default:
            throw error("Unknown environment \(name)", at: offset)
        }

        let rows = try parseRows(environment: name)
        try parseEnd(of: name, begunAt: offset)
        if layout == .aligned && alignments.isEmpty {
            // amsmath aligns columns in pairs: the first of a pair to the right, the second to the left.
            let columns = rows.map(\.count).max() ?? 1
            alignments = (0..<columns).map { $0.isMultiple(of: 2) ? .right : .left }
        }
        let table = MathNode.table(MathTable(rows: rows.map { $0.map { .row($0) } }, alignments: alignments,
                                             layout: layout))
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

    /// Reads an `array` column specification such as `{cc|l}`.
    private mutating func parseColumnSpecification(at offset: Int) throws -> [MathTable.Alignment] {
        let specification = try readText(of: "\\begin{array}", at: offset)
        var alignments: [MathTable.Alignment] = []
        for character in specification {
            switch character {
            case "l": alignments.append(.left)
            case "c": alignments.append(.center)
            case "r": alignments.append(.right)
            case "|", " ": continue
            default:
                throw error("Unsupported column type \"\(character)\" in \\begin{array}", at: offset)
            }
        }
        guard !alignments.isEmpty else { throw error("Empty column specification in \\begin{array}", at: offset) }
        return alignments
    }
}
