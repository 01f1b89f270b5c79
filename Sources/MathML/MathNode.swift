/// One node of the math tree the parser builds and the MathML writer serialises.
///
/// The cases follow MathML's presentation elements closely, so that writing is a direct walk; the decisions
/// that depend on TeX (what is an identifier, what is an operator, where limits go) are made by the parser,
/// except the one that depends on the style in force (limits above and below only in display style), which
/// the writer makes because it knows the style.
indirect enum MathNode: Equatable {
    /// An identifier (`<mi>`). `upright` asks for `mathvariant="normal"` on a single character, which MathML
    /// would otherwise set in italic.
    case identifier(String, upright: Bool)
    /// A number (`<mn>`).
    case number(String)
    /// An operator, fence or separator (`<mo>`).
    case `operator`(MathOperator)
    /// Text (`<mtext>`), from `\text{…}` or from Chinese characters written directly in math.
    case text(String)
    /// Horizontal space (`<mspace>`), `width` in em.
    case space(width: Double)
    /// A horizontal group (`<mrow>`).
    case row([MathNode])
    /// A fraction (`<mfrac>`); `style` forces display or text style as `\dfrac` and `\tfrac` do;
    /// `hasRule` is `false` for binomial coefficients.
    case fraction(numerator: MathNode, denominator: MathNode, style: MathStyle?, hasRule: Bool)
    /// A square root (`<msqrt>`) or, with an index, a root of that degree (`<mroot>`).
    case root(radicand: MathNode, index: MathNode?)
    /// A base with a subscript and/or a superscript; `placement` says whether they go to the side or
    /// below and above.
    case scripts(base: MathNode, lowerScript: MathNode?, upperScript: MathNode?, placement: LimitPlacement)
    /// An accent or a brace above (`over == true`) or below the base (`<mover accent>`, `<munder accentunder>`).
    case accent(base: MathNode, mark: MathOperator, over: Bool)
    /// A rule over (`\overline`) or under (`\underline`) the base, as wide as the base.
    case rule(MathNode, over: Bool)
    /// A function name such as `log` or `\operatorname{softmax}`; the writer adds the invisible function
    /// application and the thin space TeX puts before an argument that is not in parentheses.
    case function(String)
    /// A table: a matrix, a `cases` or an aligned environment.
    case table(MathTable)
    /// A change of style (`<mstyle>`): display or text style, and/or a colour.
    case style(MathNode, style: MathStyle?, color: String?)
}

/// TeX's display and text styles, which decide the size of fractions and where limits go.
enum MathStyle: Equatable {
    case display
    case text
}

/// Where a base's scripts go.
enum LimitPlacement: Equatable {
    /// Always beside the base (`<msub>`, `<msup>`, `<msubsup>`).
    case beside
    /// Always below and above the base (`<munder>`, `<mover>`, `<munderover>`), as after `\limits` or under
    /// `\underbrace`.
    case belowAndAbove
    /// Below and above in display style, beside otherwise: TeX's rule for `\sum`, `\prod`, `\lim`, `\max`.
    case belowAndAboveInDisplayStyle
}
