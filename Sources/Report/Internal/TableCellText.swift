/// A table cell's text cut into plain text and inline math: `$…$` in a cell is a formula (MathML in HTML,
/// ``$`…`$`` in Markdown, as in prose), `\$` a literal dollar sign, and a `$` without a partner stays text.
struct TableCellText: Equatable {
    enum Piece: Equatable {
        case text(String)
        case math(String)
    }

    var pieces: [Piece]

    init(_ cell: String) {
        let characters = Array(cell)
        var dollars: [Int] = []
        var index = 0
        while index < characters.count {
            if characters[index] == "\\", index + 1 < characters.count, characters[index + 1] == "$" {
                index += 2
                continue
            }
            if characters[index] == "$" { dollars.append(index) }
            index += 1
        }
        if dollars.count % 2 == 1 { dollars.removeLast() }
        func text(_ range: Range<Int>) -> Piece {
            .text(String(characters[range]).replacingOccurrences(of: "\\$", with: "$"))
        }
        var pieces: [Piece] = []
        var start = 0
        for pair in stride(from: 0, to: dollars.count, by: 2) {
            if dollars[pair] > start { pieces.append(text(start..<dollars[pair])) }
            pieces.append(.math(String(characters[(dollars[pair] + 1)..<dollars[pair + 1]])))
            start = dollars[pair + 1] + 1
        }
        if start < characters.count { pieces.append(text(start..<characters.count)) }
        self.pieces = pieces
    }

    /// Whether the cell is one number as the formatters write them ("9.75 × 10⁻¹", "−0.25", "86 %"), which
    /// must not break across lines.
    static func isNumber(_ cell: String) -> Bool {
        let allowed = Set("0123456789.,+-−×·eE %‰±⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺\u{00A0}\u{202F}")
        return cell.contains(where: \.isNumber) && cell.allSatisfy { allowed.contains($0) }
    }
}
