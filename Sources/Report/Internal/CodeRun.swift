/// A stretch of a code listing and how it is coloured.
struct CodeRun: Equatable {
    var text: String
    /// `nil` for plain text.
    var style: CodeStyle?
}

/// The kinds of Swift text a listing colours, after SwiftIDEUtils' `SyntaxClassification` (see
/// ``SwiftCodeClassifier``). The raw value is the HTML class, kept short because a listing has a span per
/// token; the stylesheet (``HTMLStylesheet``) gives each its colour, and keywords bold and comments italic so
/// that they still stand apart on a black-and-white printout.
enum CodeStyle: String, CaseIterable {
    /// `let`, `func`, `for`, `in`, `self`, `true`, `nil`, contextual keywords where they act as keywords.
    case keyword = "kw"
    /// A string literal's quotes and text (not its interpolated expressions).
    case string = "str"
    /// A regular-expression literal, `/a+b/`.
    case regex = "re"
    /// Integer and floating-point literals.
    case number = "num"
    /// Line, block and documentation comments.
    case comment = "cmt"
    /// A name in a type position: `Int` in `let x: Int`, a conformance, a generic argument.
    case type = "ty"
    /// `@MainActor`, `@discardableResult`, property wrappers.
    case attribute = "attr"
    /// `#if`, `#else`, `#endif` and their conditions.
    case directive = "pp"
}
