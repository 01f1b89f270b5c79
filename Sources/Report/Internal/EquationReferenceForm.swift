/// How a reference to an equation reads.
enum EquationReferenceForm: Equatable {
    /// `\eqref{x}`: "(3)".
    case parenthesized
    /// `\ref{x}`: "3".
    case bare
    /// `@eq:x`: "Equation (3)" / "式 (3)".
    case named
}
