extension Document {
    /// Creates a document whose text is a Markdown file in the experiment folder, and whose Swift only names
    /// what the run computed: figures, tables, values, snippets and parts, which the Markdown places by name.
    ///
    /// ```swift
    /// Document(markdown: "handout.md", language: .chinese, seed: seed) {
    ///     FigureBlock(name: "loss-curves", lossFigure)
    ///     Table(name: "metrics", rows: results, columns: columns)
    ///     Value("final-loss", history.last!.loss, format: .fixed(4))
    ///     Part("first-step") { WorkedExample(network: network, input: x, target: y, learningRate: 0.5) }
    /// }
    /// ```
    ///
    /// and in `handout.md`:
    ///
    /// ```markdown
    /// # Adam against SGD
    ///
    /// ## Training
    ///
    /// After 200 epochs the loss is {{value: final-loss}} ($L = {{value: final-loss}}$); see @fig:loss-curves.
    ///
    /// {{figure: loss-curves}}
    /// Training loss per epoch (the lines right below a placement are its caption).
    /// ```
    ///
    /// The file is read when the document is written, never compiled: editing it changes the report without
    /// recompiling the experiment, and a results cache keyed on the files the run read re-runs only the
    /// assembly. Its rules:
    /// - **Title**: `title`, or when it is `nil` the `title:` of the file's YAML front matter (`---` … `---`, as
    ///   Typora and Jekyll write it) or else the file's first line, which must then be a `# Title` heading.
    /// - **Title block**: the front matter's `subtitle:`, `author:`, `course:` and `date:` fill the line under
    ///   the title, as the parameters of the same names do; values are one-line YAML scalars, plain or quoted
    ///   (`date: "2025 年秋季学期"`). A key given both here and in Swift (the title too) is an error naming the
    ///   file's line, keep one; any other key is a warning naming its line.
    /// - **Sections**: every other ATX heading starts a numbered section listed in the contents; a heading
    ///   nests below the nearest heading before it of a smaller level (`#` or `##` for sections, whichever the
    ///   file uses, one more `#` for subsections). Headings are Markdown and may contain math; `## Title {#name}`
    ///   names a section for `@sec:name` ("Section 2" / "第 2 节"). A `[toc]` line (Typora's) is dropped: the
    ///   HTML lists the sections itself.
    /// - **Placements**: `{{figure: name}}`, `{{table: name}}`, `{{snippet: name}}` and `{{part: name}}` on a
    ///   line of their own place that block; lines directly below (no blank line between) are its caption,
    ///   replacing a caption given in Swift (giving both is an error). `{{value: name}}` may stand anywhere,
    ///   inside math too. Write `\{{` for literal braces; code spans and fenced code are left alone.
    /// - **Callouts**: a quote that starts with `> [!NOTE]` or `> [!WARNING]` (GitHub's alert syntax) is a
    ///   ``Callout``.
    /// - Math, `@fig:` / `@tab:` references and images (relative to the file) work as in ``Prose``.
    ///
    /// Errors name the file, line and column, every unknown name of the file at once (`handout.md:12:5: no figure named 'loss-curve' (did you mean
    /// 'loss-curves'?)`): a name the parts do not define, a block placed twice, a named block never placed,
    /// a name defined twice, a block of the builder that has no name to be placed by. A value never used is a
    /// warning (rewording a sentence should not fail the run), and so is a heading that numbers itself
    /// (`## 2.1 感知器` would read "2.1 2.1 感知器").
    ///
    /// - Parameters:
    ///   - title: the title (plain text); `nil` takes it from the file's first line.
    ///   - markdown: the Markdown file's path relative to the experiment folder, e.g. `handout.md`.
    ///   - subtitle: a line under the title (plain text).
    ///   - author: who wrote the handout.
    ///   - course: the course it belongs to.
    ///   - date: the date to print, as text; never taken from the clock.
    ///   - language: `.english` or `.chinese`; sets caption words and appendix headings.
    ///   - seed: the random seed of the run, for the appendix.
    ///   - includesReproducibilityAppendix: whether to end with the appendix built from the ``RunContext``.
    ///   - parts: the named blocks and values the Markdown places, in any order (numbering follows the file).
    public init(
        title: String? = nil,
        markdown: String,
        subtitle: String? = nil,
        author: String? = nil,
        course: String? = nil,
        date: String? = nil,
        language: DocumentLanguage = .english,
        seed: UInt64? = nil,
        includesReproducibilityAppendix: Bool = true,
        @ContentBuilder parts: () -> [DocumentNode]
    ) {
        self.init(title: title ?? "", subtitle: subtitle, author: author, course: course, date: date,
                  language: language, seed: seed,
                  includesReproducibilityAppendix: includesReproducibilityAppendix, content: parts)
        markdownPath = markdown
        titleFromMarkdown = title == nil
    }
}
