/// An operator as written to `<mo>`: its text and the attributes that override MathML's operator dictionary.
///
/// Only attributes that differ from the dictionary's defaults are set, so most operators are written as a
/// bare `<mo>`.
struct MathOperator: Equatable {
    /// The form of an operator in its row, which selects its spacing from the operator dictionary.
    enum Form: String {
        case prefix
        case infix
        case postfix
    }

    var text: String
    /// `true` for `\left`/`\right` fences, `false` for brackets that must keep their natural size (MathML
    /// stretches fences by default, TeX does not).
    var stretchy: Bool? = nil
    var form: Form? = nil
    var isFence: Bool = false
    /// Fixed height for `\big`, `\Big`, `\bigg` and `\Bigg`, in em.
    var size: Double? = nil
    /// Spacing overrides in em.
    var leftSpace: Double? = nil
    var rightSpace: Double? = nil
    /// Relative size, for accents that are drawn smaller than the glyph's natural size (`\vec`).
    var relativeSize: Double? = nil
    /// `true` for big operators such as `∑`, whose scripts go below and above in display style.
    var takesLimits: Bool = false
    /// Scale factors drawn with a CSS transform, for the wide accents Chromium does not stretch (`\widetilde`,
    /// `\widehat`); see ``TeXParser/wideAccentScale(over:)``.
    var scale: Scale? = nil

    struct Scale: Equatable {
        var horizontal: Double
        var vertical: Double
    }

    /// A bracket written directly in the formula: it keeps its size, as in TeX.
    static func fixedBracket(_ text: String) -> MathOperator {
        MathOperator(text: text, stretchy: false)
    }

    /// A delimiter of `\left`, `\middle` or `\right`, which grows with the enclosed formula.
    static func stretchyFence(_ text: String, form: Form) -> MathOperator {
        MathOperator(text: text, stretchy: true, form: form, isFence: true)
    }
}
