extension ResolvedBlock {
    /// The block with each of its texts (prose, captions, titles) transformed, in reading order.
    func mappingTexts(_ transform: (ResolvedText) throws -> ResolvedText) rethrows -> ResolvedBlock {
        switch self {
        case .heading:
            return self
        case .includedHeading(let level, let number, let title, let anchor):
            return .includedHeading(level: level, number: number, title: try transform(title), anchor: anchor)
        case .prose(let text):
            return .prose(try transform(text))
        case .figure(let label, let anchor, let caption, let figureIndex):
            return .figure(label: label, anchor: anchor, caption: try transform(caption), figureIndex: figureIndex)
        case .table(let label, let anchor, let caption, let content):
            return .table(label: label, anchor: anchor, caption: try caption.map(transform), content: content)
        case .code(let language, let text, let caption):
            return .code(language: language, text: text, caption: try caption.map(transform))
        case .callout(let kind, let text):
            return .callout(kind, try transform(text))
        }
    }
}
