/// A line of a display formula that has an equation number, a tag or a label: where it is, and what it says.
///
/// amsmath numbers every line of `equation`, `align`, `gather`, `multline`, `flalign`, `alignat` and
/// `eqnarray`, except those with `\nonumber` or `\notag`; their starred forms number none. `\tag{x}` gives a line
/// the tag "(x)" and `\tag*{x}` the tag "x", numbered environment or not. A top-level line of a display formula
/// with a `\label` but no environment is numbered too: a teacher who labels an equation means to refer to it.
struct EquationLine: Equatable {
    /// What a line says about its number.
    struct Numbering: Equatable, Sendable {
        /// The text shown at the right margin: a `\tag`, or the number assigned to an automatic line.
        var tag: String?
        /// The name given with `\label{…}`.
        var label: String?
        /// `\nonumber` or `\notag`.
        var suppressed = false
        /// Whether the line is numbered automatically (it has no `\tag`).
        var isAutomatic = false
        /// Where a `\tag` for this line goes when it is not where the line ends: before `\end{equation}`.
        var tagTokenIndex: Int?
    }

    var numbering: Numbering
    /// The row within its table (or within the formula's top-level lines).
    var row: Int
    /// Which numbered environment of the formula the line belongs to, in order of their `\begin`; `nil` for a
    /// top-level line.
    var table: Int?
    /// The index of the token that ends the line (`\\`, `\end` or the end of the formula), where a `\tag` can be
    /// inserted.
    var tokenIndex: Int
    /// Where the line ends in the source, for error messages.
    var offset: Int
}
