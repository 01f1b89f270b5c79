/// The language a document is written in; it sets the words the writers add around the author's text.
///
/// Caption labels ("图 3" / "Figure 3", "表 1" / "Table 1"), callout titles, the table-of-contents heading and the
/// reproducibility appendix all follow it, so a Chinese handout has no English scaffolding and vice versa.
public enum DocumentLanguage: String, Sendable, CaseIterable {
    /// English (`en`).
    case english = "en"
    /// Simplified Chinese (`zh`).
    case chinese = "zh"

    /// Creates a language from its code, `en` or `zh`.
    /// - Parameter code: an ISO 639-1 code; `zh-Hans` and `en-GB` are accepted for their first part.
    public init?(code: String) {
        let primary = code.split(separator: "-").first.map(String.init) ?? code
        self.init(rawValue: primary.lowercased())
    }
}
