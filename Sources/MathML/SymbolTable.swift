/// The TeX commands that stand for a single symbol, and what each becomes in MathML.
///
/// Classes follow TeX's atom types as MathJax maps them: ordinary symbols (letters, `\infty`, `\nabla`) become
/// identifiers, relations, binary operators, arrows and punctuation become operators, and big operators carry
/// TeX's limits rule.
enum SymbolTable {
    /// What a symbol command turns into.
    enum Symbol: Equatable {
        case identifier(String, upright: Bool)
        case `operator`(MathOperator)
        /// A big operator: `∑` takes limits below and above in display style, `∫` keeps them beside.
        case largeOperator(String, placement: LimitPlacement)
        /// A function name; `takesLimits` for `\lim`, `\max` and the like, whose subscript goes below in
        /// display style.
        case function(String, takesLimits: Bool)
        case space(width: Double)
    }

    /// Looks up a command by its name (without the backslash).
    /// - Parameter name: the command's name, e.g. `alpha` or `,`.
    /// - Returns: the symbol, or `nil` if the command is not a symbol command.
    static func symbol(named name: String) -> Symbol? {
        if let letter = greekLetters[name] {
            // TeX sets capital Greek upright and lower-case Greek italic.
            return .identifier(letter, upright: letter.unicodeScalars.first.map { $0.properties.isUppercase } ?? false)
        }
        if let ordinary = ordinarySymbols[name] {
            return .identifier(ordinary, upright: true)
        }
        if let text = operators[name] {
            return .operator(MathOperator(text: text))
        }
        if let bracket = brackets[name] {
            // Bars are ordinary (`\|`, `\vert`) or opening and closing (`\lvert`, `\rvert`) in TeX: never spaced.
            let isBar = bracket == "|" || bracket == "‖"
            return .operator(isBar ? MathOperator(text: bracket, stretchy: false, leftSpace: 0, rightSpace: 0)
                                   : .fixedBracket(bracket))
        }
        if let text = largeOperators[name] {
            let placement: LimitPlacement = integrals.contains(name) ? .beside : .belowAndAboveInDisplayStyle
            return .largeOperator(text, placement: placement)
        }
        if functionsWithLimits.contains(name) {
            // `\limsup` and `\liminf` are printed as two words with a thin space, as in TeX.
            let text = ["limsup": "lim\u{2006}sup", "liminf": "lim\u{2006}inf"][name] ?? name
            return .function(text, takesLimits: true)
        }
        if functionsWithoutLimits.contains(name) {
            return .function(name, takesLimits: false)
        }
        if let width = spaces[name] {
            return .space(width: width)
        }
        switch name {
        case "mid":
            return .operator(MathOperator(text: "\u{2223}", stretchy: false))
        case "because", "therefore":
            // Relations in amssymb (\mathrel): a thick space on both sides, which MathML's dictionary, treating
            // ∵ and ∴ as prefix operators at the start of a formula, does not give.
            return .operator(MathOperator(text: name == "because" ? "∵" : "∴", leftSpace: 0.2778, rightSpace: 0.2778))
        case "iff", "implies", "impliedby":
            // amsmath pads these long arrows with a thick space on each side.
            let arrow = ["iff": "\u{27FA}", "implies": "\u{27F9}", "impliedby": "\u{27F8}"][name] ?? ""
            return .operator(MathOperator(text: arrow, leftSpace: 0.2778 * 2, rightSpace: 0.2778 * 2))
        default:
            return nil
        }
    }

    /// The text of a delimiter after `\left`, `\middle`, `\right` or `\big`, given as a command name.
    /// - Parameter name: a command name such as `{`, `|`, `langle`.
    /// - Returns: the delimiter's character, `""` for the null delimiter `.`, or `nil` if it is no delimiter.
    static func delimiter(named name: String) -> String? {
        brackets[name] ?? ["uparrow": "\u{2191}", "downarrow": "\u{2193}", "Uparrow": "\u{21D1}",
                           "Downarrow": "\u{21D3}", "updownarrow": "\u{2195}"][name]
    }

    /// The text of a delimiter written as a plain character: `(`, `[`, `|`, `/`, `.` (none) and so on.
    /// - Parameter character: the character after `\left` or `\right`.
    /// - Returns: the delimiter's text, `""` for `.`, or `nil` if the character is not a delimiter.
    static func delimiter(character: Character) -> String? {
        switch character {
        case "(", ")", "[", "]", "/": return String(character)
        case "|": return "|"
        case "<": return "\u{27E8}"
        case ">": return "\u{27E9}"
        case ".": return ""
        default: return nil
        }
    }

    private static let greekLetters: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "varkappa": "ϰ", "lambda": "λ",
        "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ",
        "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ",
        "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Ordinary symbols: TeX gives them no spacing, like letters. `\part` is not TeX; the course notes write
    /// it for `\partial` (an editor extension), so it is accepted as a synonym.
    private static let ordinarySymbols: [String: String] = [
        "infty": "∞", "nabla": "∇", "partial": "∂", "part": "∂", "ell": "ℓ", "hbar": "ℏ", "imath": "ı",
        "jmath": "ȷ", "aleph": "ℵ", "Re": "ℜ", "Im": "ℑ", "wp": "℘", "emptyset": "∅", "varnothing": "∅",
        "top": "⊤", "bot": "⊥", "angle": "∠", "forall": "∀", "exists": "∃", "nexists": "∄", "neg": "¬",
        "lnot": "¬", "prime": "′", "degree": "°", "triangle": "△", "Box": "□", "square": "□", "checkmark": "✓",
        "dagger": "†", "ddagger": "‡", "S": "§", "P": "¶", "surd": "√", "flat": "♭", "sharp": "♯",
        "clubsuit": "♣", "diamondsuit": "♢", "heartsuit": "♡", "spadesuit": "♠", "_": "_", "#": "#",
        "$": "$", "%": "%", "&": "&",
    ]

    /// Relations, binary operators, arrows and punctuation: MathML's operator dictionary gives each its TeX
    /// spacing.
    private static let operators: [String: String] = [
        // Binary operators.
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆", "circ": "∘",
        "bullet": "∙", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "ominus": "⊖", "oslash": "⊘", "cap": "∩",
        "cup": "∪", "setminus": "∖", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "sqcap": "⊓",
        "sqcup": "⊔", "uplus": "⊎", "amalg": "⨿", "diamond": "⋄", "intercal": "⊺", "dotplus": "∔",
        "circledast": "⊛", "circledcirc": "⊚", "boxplus": "⊞", "boxtimes": "⊠", "cdotp": "⋅",
        // Relations.
        "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "supset": "⊃", "subseteq": "⊆", "supseteq": "⊇",
        "subsetneq": "⊊", "supsetneq": "⊋", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "leqslant": "⩽",
        "geqslant": "⩾", "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡",
        "cong": "≅", "propto": "∝", "ll": "≪", "gg": "≫", "prec": "≺", "succ": "≻", "preceq": "⪯",
        "succeq": "⪰", "perp": "⊥", "parallel": "∥", "nparallel": "∦", "models": "⊨", "vdash": "⊢",
        "dashv": "⊣", "asymp": "≍", "doteq": "≐", "triangleq": "≜", "coloneqq": "≔", "lesssim": "≲",
        "gtrsim": "≳", "nleq": "≰", "ngeq": "≱", "nsim": "≁", "ncong": "≇", "colon": ":",
        // Arrows.
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "longrightarrow": "⟶",
        "longleftarrow": "⟵", "longleftrightarrow": "⟷", "Longrightarrow": "⟹", "Longleftarrow": "⟸",
        "Longleftrightarrow": "⟺", "mapsto": "↦", "longmapsto": "⟼", "uparrow": "↑", "downarrow": "↓",
        "Uparrow": "⇑", "Downarrow": "⇓", "updownarrow": "↕", "nearrow": "↗", "searrow": "↘",
        "swarrow": "↙", "nwarrow": "↖", "hookrightarrow": "↪", "hookleftarrow": "↩", "rightleftharpoons": "⇌",
        "leadsto": "⇝",
        // Dots and punctuation.
        "ldots": "…", "dots": "…", "dotsc": "…", "dotsb": "⋯", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱",
    ]

    /// Brackets as written directly (not after `\left`): they keep their natural size.
    private static let brackets: [String: String] = [
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "|": "‖", "Vert": "‖", "vert": "|", "lvert": "|",
        "rvert": "|", "lVert": "‖", "rVert": "‖", "langle": "⟨", "rangle": "⟩", "lceil": "⌈", "rceil": "⌉",
        "lfloor": "⌊", "rfloor": "⌋", "lbrack": "[", "rbrack": "]", "backslash": "\\",
    ]

    private static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮",
        "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂", "bigodot": "⨀", "bigvee": "⋁",
        "bigwedge": "⋀", "bigsqcup": "⨆", "biguplus": "⨄",
    ]

    /// Integrals keep their limits beside the sign even in display style, as in TeX.
    private static let integrals: Set<String> = ["int", "iint", "iiint", "oint"]

    private static let functionsWithLimits: Set<String> = [
        "lim", "limsup", "liminf", "max", "min", "sup", "inf", "det", "Pr", "gcd",
    ]

    private static let functionsWithoutLimits: Set<String> = [
        "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth", "arcsin", "arccos", "arctan",
        "log", "ln", "lg", "exp", "deg", "dim", "hom", "ker", "arg",
    ]

    /// Spaces in em, as in TeX with 18 mu to the em.
    private static let spaces: [String: Double] = [
        ",": 0.1667, "thinspace": 0.1667, ":": 0.2222, ">": 0.2222, "medspace": 0.2222, ";": 0.2778,
        "thickspace": 0.2778, "!": -0.1667, "negthinspace": -0.1667, "quad": 1, "qquad": 2, " ": 0.3333,
        "enspace": 0.5,
    ]
}
