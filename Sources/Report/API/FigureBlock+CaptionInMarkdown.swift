extension FigureBlock {
    /// Creates a figure whose caption is written in the document's Markdown, on the lines right below its
    /// `{{figure: name}}` placement (see ``Document/init(title:markdown:language:seed:includesReproducibilityAppendix:parts:)``).
    /// - Parameters:
    ///   - name: the figure's name (see ``init(name:caption:png:)``).
    ///   - figure: the image source; it is asked for its PNG once, when the document is written.
    public init(name: String, _ figure: some PNGRenderable) {
        self.init(name: name, caption: "", figure)
    }
}
