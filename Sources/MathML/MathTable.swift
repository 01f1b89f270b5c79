/// A table built from a TeX environment: its cells and how its columns are aligned and spaced.
struct MathTable: Equatable {
    /// How a column's cells are aligned.
    enum Alignment: String {
        case left
        case center
        case right
    }

    /// How the table is laid out, following the amsmath environment it comes from.
    enum Layout: Equatable {
        /// `matrix` and its relatives, `array`: cells in text style, evenly spaced.
        case matrix
        /// `aligned`, `align`, `gather`: cells in display style, columns in right-left pairs with no space
        /// inside a pair, so that `&=` lines up.
        case aligned
        /// `cases`: cells in text style, left-aligned, a quad between value and condition.
        case cases
        /// `\substack`: lines of a script set tightly under one another.
        case stack
    }

    var rows: [[MathNode]]
    /// Alignment of each column; columns past the end use the last entry.
    var alignments: [Alignment]
    var layout: Layout
    /// The number or tag of each row of a display formula, and its label, when any row has one; written in a
    /// column at the right margin.
    var lineNumbers: [EquationLine.Numbering?] = []
    /// Extra space below rows (`\\[4pt]`), in em, by row.
    var rowSpacing: [Int: Double] = [:]
    /// Vertical rules of an `array` (`{c|c}`): column boundaries, 0 for the left edge and the column count for
    /// the right edge.
    var columnLines: Set<Int> = []
    /// Horizontal rules (`\hline`): row boundaries, 0 for the top edge and the row count for the bottom edge.
    var rowLines: Set<Int> = []

    /// Whether any row carries a number or tag.
    var isNumbered: Bool { lineNumbers.contains { $0?.tag != nil } }

    /// The alignment of column `column`.
    func alignment(ofColumn column: Int) -> Alignment {
        guard let last = alignments.last else { return .center }
        return column < alignments.count ? alignments[column] : last
    }
}
