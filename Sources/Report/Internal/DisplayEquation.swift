/// A display formula made of relation chains such as `z = W a + b = [⋯][⋯] + [⋯] = [⋯]`, written on one line
/// when its estimated width fits the HTML reading column and otherwise as an `aligned` block that starts a new
/// line before a relation, so that wide matrices do not push the formula past the column (a scroll bar).
///
/// Layout: all chains on one line, separated by `,\quad`, if the estimate is at most ``readingWidth``; else
///
/// ```
/// \begin{aligned} left₁ &rel₁ right₁ rel₂ right₂ \\ &rel₃ right₃ \\ left₂ &rel right \end{aligned}
/// ```
///
/// where each line takes as many steps of its chain as fit (at least one).
///
/// - Note: Widths are estimates in em of the math font, from glyph classes (digits ½ em, letters 0.6 em, a
///   fraction as wide as its wider part, scripts at 70 %, a matrix column as wide as its widest cell plus the
///   0.8 em MathML puts between cells); they err on the wide side, and only decide where lines break.
struct DisplayEquation {
    /// A piece of TeX and its estimated width in em.
    struct Expression {
        var tex: String
        var width: Double

        /// Symbols written in TeX (no matrices), with their width estimated from the source.
        init(_ tex: String) {
            self.tex = tex
            var scanner = WidthScanner(Array(tex))
            width = scanner.width(untilGroupEnd: false)
        }

        private init(tex: String, width: Double) {
            self.tex = tex
            self.width = width
        }

        /// A `bmatrix` of cells given in TeX: as wide as its columns plus the brackets.
        static func matrix(_ rows: [[String]]) -> Expression {
            let tex = "\\begin{bmatrix} " + rows.map { $0.joined(separator: " & ") }.joined(separator: " \\\\ ")
                + " \\end{bmatrix}"
            let columns = rows.map(\.count).max() ?? 0
            let columnWidths = (0..<columns).map { column in
                rows.map { column < $0.count ? Expression($0[column]).width : 0 }.max() ?? 0
            }
            return Expression(tex: tex, width: columnWidths.reduce(0) { $0 + $1 + cellSpacing } + bracketWidth)
        }

        /// The two pieces side by side, separated by a space in the source.
        static func + (left: Expression, right: Expression) -> Expression {
            Expression(tex: left.tex + " " + right.tex, width: left.width + right.width)
        }
    }

    /// One chain `left rel₁ right₁ rel₂ right₂ …`.
    struct Chain {
        var left: Expression
        var steps: [(relation: String, right: Expression)]

        var tex: String {
            ([left.tex] + steps.map { "\($0.relation) \($0.right.tex)" }).joined(separator: " ")
        }

        var width: Double {
            steps.reduce(left.width) { $0 + relationWidth + $1.right.width }
        }
    }

    var chains: [Chain]

    /// The widest formula, in em of the math font, written on one line: the 46 em reading column at a 1.05 em
    /// math font holds about 43.8 em, less a margin for the estimate.
    static let readingWidth = 38.0
    /// A relation (`=`, `\leftarrow`) with TeX's thick spaces on both sides.
    static let relationWidth = 1.4
    /// MathML's default padding of a table cell, 0.4 em on each side.
    static let cellSpacing = 0.8
    /// Both brackets of a matrix with the table's outer padding.
    static let bracketWidth = 1.0
    /// `,\quad` between chains on one line.
    static let chainSeparatorWidth = 1.3

    /// The estimated width of the formula written on one line.
    var width: Double {
        chains.reduce(0) { $0 + $1.width } + Double(max(0, chains.count - 1)) * Self.chainSeparatorWidth
    }

    /// The formula's TeX, on one line or broken into aligned lines as described above.
    var tex: String {
        if width <= Self.readingWidth {
            return chains.map(\.tex).joined(separator: ", \\quad ")
        }
        var lines: [String] = []
        for chain in chains {
            var line = chain.left.tex + " "
            var lineWidth = chain.left.width
            for (index, step) in chain.steps.enumerated() {
                let stepWidth = Self.relationWidth + step.right.width
                if index > 0 && lineWidth + stepWidth > Self.readingWidth {
                    lines.append(line)
                    line = ""
                    lineWidth = chain.left.width
                }
                line += (index == 0 || line.isEmpty ? "&" : " ") + "\(step.relation) \(step.right.tex)"
                lineWidth += stepWidth
            }
            lines.append(line)
        }
        return "\\begin{aligned} " + lines.joined(separator: " \\\\ ") + " \\end{aligned}"
    }
}

/// Estimates the width of TeX symbols, reading groups recursively (see ``DisplayEquation``).
private struct WidthScanner {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) {
        self.characters = characters
    }

    /// Commands that draw nothing themselves.
    private static let invisible: Set<String> = ["mathbf", "boldsymbol", "mathrm", "operatorname", "left", "right"]
    /// Commands for binary operators and relations, which TeX spaces on both sides.
    private static let spaced: Set<String> = ["odot", "times", "leftarrow", "cdot", "quad"]

    mutating func width(untilGroupEnd: Bool) -> Double {
        var total = 0.0
        while position < characters.count {
            let character = characters[position]
            position += 1
            switch character {
            case "}" where untilGroupEnd:
                return total
            case "{":
                total += width(untilGroupEnd: true)
            case "^", "_":
                total += 0.7 * argumentWidth()
            case "\\":
                total += commandWidth()
            case " ", "&", "}":
                continue
            case "+", "-", "=", "<", ">":
                total += 1.2
            case ".", ",", "(", ")", "'":
                total += 0.35
            default:
                total += character.isNumber ? 0.62 : 0.7
            }
        }
        return total
    }

    /// A group or a single character after `^`, `_` or `\frac`.
    private mutating func argumentWidth() -> Double {
        while position < characters.count, characters[position] == " " { position += 1 }
        guard position < characters.count else { return 0 }
        if characters[position] == "{" {
            position += 1
            return width(untilGroupEnd: true)
        }
        if characters[position] == "\\" {
            position += 1
            return commandWidth()
        }
        position += 1
        return 0.6
    }

    private mutating func commandWidth() -> Double {
        var name = ""
        while position < characters.count, characters[position].isLetter {
            name.append(characters[position])
            position += 1
        }
        if name.isEmpty {
            // `\\`, `\,` and the like: a character command.
            position += 1
            return 0.3
        }
        if name == "frac" {
            return max(argumentWidth(), argumentWidth()) + 0.2
        }
        if Self.invisible.contains(name) { return 0 }
        if Self.spaced.contains(name) { return 1.3 }
        return 0.8
    }
}
