/// Converts LaTeX math (the subset the course notes use) to MathML, at build time, with no JavaScript.
///
/// The conversion has three stages: `TeXTokenizer` splits the source into tokens, `TeXParser` builds a
/// `MathNode` tree by recursive descent, and `MathMLWriter` serialises the tree as MathML Core, which current
/// browsers render natively when the page names a font with an OpenType MATH table.
///
/// Supported: fractions (`\frac`, `\dfrac`, `\tfrac`, `\binom`, `\over`, `\choose`, `\atop`), roots, scripts and primes, big operators
/// and `\lim`/`\max` with TeX's limits rule (`\limits`, `\nolimits`), `\left … \middle … \right`, `\big`
/// and its relatives, the environments `matrix`, `pmatrix`, `bmatrix`, `Bmatrix`, `vmatrix`, `Vmatrix`,
/// `cases`, `aligned`, `align(*)`, `gather(*)`, `split`, `array`, `equation`, font commands (`\mathbf`,
/// `\mathrm`, `\mathit`, `\mathcal`, `\mathbb`, `\mathsf`, `\boldsymbol`, `\bm`), `\text` and its relatives,
/// `\operatorname`, accents, `\overline`, `\underbrace` and `\overbrace`, `\overset`, `\substack`, `\not`,
/// `\bmod`, `\pmod`, Greek letters and the usual symbols, spacing commands, `\displaystyle`, `\color`,
/// `\textcolor`, `\tag` and `\label` (numbered lines at the right margin), `\boxed`, `\cancel`, extensible
/// arrows (`\xrightarrow`), `\phantom`, `\smash`, `\rule`, `\kern` and `\mkern`, `\mathrel` and the other class
/// commands, `\verb`, rules in `array`, macros (``TeXMacros``); Chinese written directly in math becomes text.
///
/// - Note: Departures from TeX, each because the course notes rely on it: `\part` is read as `\partial`;
///   a line break `\\` outside any environment starts a new centred line (as MathJax does in display
///   math); a top-level line with a `\label` is numbered, so that it can be referred to. Anything else
///   unknown is an error, never skipped silently.
public enum TeXToMathML {
    /// An error in the LaTeX source, with the offset of the offending character.
    public struct ConversionError: Error, CustomStringConvertible, Equatable {
        /// What is wrong, naming the command or environment when there is one (`Unknown command \foo`).
        public let message: String
        /// Where the problem is, in `Character`s from the start of the formula.
        public let offset: Int
        public init(message: String, offset: Int) { self.message = message; self.offset = offset }
        public var description: String { "\(message) (at character \(offset))" }
    }

    /// Returns a complete `<math>` element for `tex`.
    /// - Parameters:
    ///   - tex: the formula without its `$` delimiters.
    ///   - display: `true` for a display (block) formula, `false` for inline.
    /// - Returns: `<math xmlns="http://www.w3.org/1998/Math/MathML" display="block|inline">…</math>`.
    /// - Throws: `ConversionError` for malformed or unsupported LaTeX.
    public static func convert(_ tex: String, display: Bool) throws -> String {
        try convert(tex, display: display, macros: TeXMacros())
    }

    /// Returns a complete `<math>` element for `tex`, with the document's macros.
    /// - Parameters:
    ///   - tex: the formula without its `$` delimiters.
    ///   - display: `true` for a display (block) formula, `false` for inline.
    ///   - macros: macros defined before this formula; definitions inside it apply to it alone.
    ///   - numbers: the numbers of its automatically numbered lines, in order (a document numbers its
    ///     equations across formulas); lines past the end are numbered (1), (2), ….
    /// - Returns: the `<math>` element; a numbered display formula is a full-width table with its numbers at the
    ///   right margin, and a labelled line's row has the label as its `id`.
    /// - Throws: `ConversionError` for malformed or unsupported LaTeX.
    public static func convert(_ tex: String, display: Bool, macros: TeXMacros, numbers: [String] = []) throws -> String {
        var macros = macros
        let tokens = try macros.expandTokens(TeXTokenizer(tex).tokens())
        var parser = TeXParser(tokens: tokens, sourceLength: tex.count)
        parser.isDisplay = display
        parser.automaticNumbers = numbers
        let tree = try parser.parseFormula(display: display)
        return MathMLWriter.document(for: tree, display: display)
    }
}
