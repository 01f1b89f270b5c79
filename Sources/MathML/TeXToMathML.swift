/// Converts LaTeX math (the subset the course notes use) to MathML, at build time, with no JavaScript.
public enum TeXToMathML {
    /// An error in the LaTeX source, with the offset of the offending character.
    public struct ConversionError: Error, CustomStringConvertible, Equatable {
        public let message: String
        public let offset: Int
        public init(message: String, offset: Int) { self.message = message; self.offset = offset }
        public var description: String { "\(message) (at character \(offset))" }
    }

    /// Returns a complete `<math>` element for `tex`.
    /// - Parameters:
    ///   - tex: the formula without its `$` delimiters.
    ///   - display: `true` for a display (block) formula, `false` for inline.
    public static func convert(_ tex: String, display: Bool) throws -> String {
        throw ConversionError(message: "TeX to MathML conversion is being built", offset: 0)
    }
}
