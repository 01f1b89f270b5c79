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
    /// A change of style (`<mstyle>`): display, text or script style, and/or a colour.
    case style(MathNode, style: MathStyle?, color: String?)
    /// A border or a strike-out drawn around or across the content (`\boxed`, `\cancel`).
    case enclosure(MathNode, Enclosure)
    /// An extensible arrow with labels above and/or below (`\xrightarrow[below]{above}`).
    case extensibleArrow(arrow: String, above: MathNode?, below: MathNode?)
    /// Content that takes space but is not drawn (`<mphantom>`), as `\phantom`.
    case phantom(MathNode)
    /// Content whose box is changed (`<mpadded>`): `\smash` sets height and depth to zero, `\hphantom` too,
    /// `\vphantom` the width. Values are MathML lengths.
    case padded(MathNode, width: String?, height: String?, depth: String?)
    /// A filled rectangle (`\rule{width}{height}`), raised by `raise`, all in em.
    case filledRule(width: Double, height: Double, raise: Double)
    /// Content given one of TeX's atom classes (`\mathrel`, `\mathbin`, `\mathop`, …), which sets its spacing.
    case classed(MathNode, AtomClass)
}

/// TeX's styles, which decide the size of fractions, scripts and where limits go.
enum MathStyle: Equatable {
    case display
    case text
    /// `\scriptstyle`: the size of a first-level script.
    case script
    /// `\scriptscriptstyle`: the size of a second-level script.
    case scriptScript

    /// The style a switch command selects (`\displaystyle`), or `nil` if `name` is not one.
    init?(command name: String) {
        switch name {
        case "displaystyle": self = .display
        case "textstyle": self = .text
        case "scriptstyle": self = .script
        case "scriptscriptstyle": self = .scriptScript
        default: return nil
        }
    }
}

/// What `\boxed`, `\cancel`, `\bcancel` and `\xcancel` draw.
enum Enclosure: Equatable {
    case box
    /// A stroke from bottom left to top right (`\cancel`).
    case upDiagonalStrike
    /// A stroke from top left to bottom right (`\bcancel`).
    case downDiagonalStrike
    /// Both strokes (`\xcancel`).
    case cross
    /// `\overbrace` and `\underbrace`: a brace as wide as the content, with its tip in the middle.
    case overBrace
    case underBrace
}

/// TeX's atom classes, each with its spacing (TeXbook, chapter 18, table of inter-atom spacing).
enum AtomClass: Equatable {
    case ordinary
    case largeOperator
    case binary
    case relation
    case opening
    case closing
    case punctuation
    case inner
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

extension MathNode {
    /// `true` for an empty group, as `\xrightarrow{}` has.
    var isEmpty: Bool {
        if case .row(let children) = self { return children.allSatisfy(\.isEmpty) }
        return false
    }

    /// The letters of a node made only of identifiers (`\mathop{\mathrm{argmax}}`), or `nil`.
    var identifierText: String? {
        switch self {
        case .identifier(let text, _): return text
        case .row(let children) where !children.isEmpty:
            let parts = children.compactMap(\.identifierText)
            return parts.count == children.count ? parts.joined() : nil
        default: return nil
        }
    }
}
