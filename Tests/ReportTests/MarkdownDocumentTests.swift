import NeuralNetworks
import XCTest
@testable import Report
import TestSupport

/// Documents whose text is a Markdown file (`Document(markdown:)`): placement by name, values, sections,
/// callouts, and the messages for names that do not match.
final class MarkdownDocumentTests: XCTestCase {
    private var folder: URL!

    private struct SolidImage: PNGRenderable {
        func pngData() throws -> Data { TestPNG.solid(width: 4, height: 3, red: 200, green: 40, blue: 40) }
    }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("markdown-document-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("// snippet: update\nweight -= learningRate * gradient\n// end snippet\n".utf8)
            .write(to: folder.appendingPathComponent("main.swift"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    static let handout = #"""
    # Gradient descent, in Markdown

    This handout compares two optimizers (@fig:loss, @tab:metrics, @sec:results).

    ## Method

    The update is $w_{t+1} = w_t - \eta \nabla L$ with $\eta = {{value: learning-rate}}$; Adam's final loss
    {{value: adam-loss}} is {{value: ratio}} of SGD's, and $\log_{10} L = {{value: log-loss}}$.

    {{snippet: update}}
    The update, from the experiment's source.

    > [!NOTE]
    > Both runs start from the same weights; the loss fell {{value: outcome}}.

    ### Step by step

    {{part: summary}}

    ## Results {#results}

    {{figure: loss}}
    Training loss of $f_1$; the last epoch is {{value: epochs}}.

    {{table: metrics}}
    Final metrics, learning rate {{value: learning-rate}}.

    Code stays code: `{{value: adam-loss}}` and \{{value: adam-loss}}.

    ```text
    {{figure: not-a-placement}}
    ```
    """#

    private func parts() -> [DocumentNode] {
        nodes {
            Table(name: "metrics", rows: [("SGD", 0.123456), ("Adam", 0.0000123)], columns: [
                TableColumn("Optimizer") { $0.0 },
                TableColumn("Loss", format: .scientific(2)) { $0.1 },
            ])
            FigureBlock(name: "loss", SolidImage())
            Snippet("update")
            Part("summary") {
                MetricsSummary([Metric("Epochs", 20)])
            }
            Value("learning-rate", 0.1, format: .shortest)
            Value("adam-loss", 0.0000123, format: .scientific(2))
            Value("ratio", 0.0000123 / 0.123456, format: .percent(3))
            Value("log-loss", log10(0.0000123), format: .fixed(3))
            Value("outcome", "steadily")
            Value("epochs", 20)
        }
    }

    private func nodes(@ContentBuilder _ content: () -> [DocumentNode]) -> [DocumentNode] {
        content()
    }

    /// `line:column` of the first `needle` in `text`, counted independently of the code under test.
    private func position(of needle: String, in text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        let index = lines.firstIndex { $0.contains(needle) }!
        let line = lines[index]
        return "\(index + 1):\(line.distance(from: line.startIndex, to: line.range(of: needle)!.lowerBound) + 1)"
    }

    private func document(_ markdown: String, language: DocumentLanguage = .english,
                          parts: (() -> [DocumentNode])? = nil) throws -> Document {
        try Data(markdown.utf8).write(to: folder.appendingPathComponent("handout.md"))
        return Document(markdown: "handout.md", language: language, seed: 42) {
            parts?() ?? self.parts()
        }
    }

    private func render(_ document: Document) throws -> (markdown: String, html: String, warnings: [String]) {
        let rendered = try document.render(context: SampleDocument.context(sourceDirectory: folder),
                                           convertMath: SampleDocument.fakeMath)
        return (rendered.markdown, rendered.html, rendered.warnings)
    }

    private func errorMessage(_ markdown: String, parts: (() -> [DocumentNode])? = nil) throws -> String {
        do {
            _ = try render(try document(markdown, parts: parts))
        } catch let error as ReportError {
            return error.message
        }
        XCTFail("no error for:\n\(markdown)")
        return ""
    }

    func testMarkdownMatchesGolden() throws {
        let rendered = try render(try document(Self.handout))
        GoldenFile.assertMatches(rendered.markdown, golden: "markdown-form.md")
        XCTAssertEqual(rendered.warnings, [])
    }

    func testHTMLMatchesGolden() throws {
        GoldenFile.assertMatches(try render(try document(Self.handout)).html, golden: "markdown-form.html")
    }

    func testChineseNumbersSectionsAndReferencesInItsWords() throws {
        let markdown = try render(try document(Self.handout, language: .chinese)).markdown
        XCTAssertTrue(markdown.contains("([图 1](#fig-loss), [表 1](#tab-metrics), [第 2 节](#sec-2))"), markdown)
        XCTAssertTrue(markdown.contains("**图 1** Training loss"), markdown)
    }

    func testValuesAreTextOutsideMathAndTeXInsideIt() throws {
        let markdown = try render(try document(Self.handout)).markdown
        XCTAssertTrue(markdown.contains("Adam's final loss\n1.23 × 10⁻⁵ is 0.010\u{00A0}% of SGD's"), markdown)
        XCTAssertTrue(markdown.contains("$`\\log_{10} L = -4.910`$"), markdown)
        XCTAssertTrue(markdown.contains("$`\\eta = 0.1`$"), markdown)
        XCTAssertTrue(markdown.contains("Final metrics, learning rate 0.1."), markdown)
        XCTAssertTrue(markdown.contains("`{{value: adam-loss}}` and \\{{value: adam-loss}}"), markdown)
        XCTAssertTrue(markdown.contains("```text\n{{figure: not-a-placement}}\n```"), markdown)
    }

    func testNumbersFollowTheFileNotTheBuilder() throws {
        let markdown = """
        # Order

        [toc]

        {{figure: second}}
        Placed first.

        {{figure: first}}
        Placed second.
        """
        let output = try render(try document(markdown) {
            self.nodes {
                FigureBlock(name: "first", SolidImage())
                FigureBlock(name: "second", SolidImage())
            }
        }).markdown
        XCTAssertTrue(output.contains("**Figure 1.** Placed first."), output)
        XCTAssertTrue(output.contains("**Figure 2.** Placed second."), output)
        XCTAssertFalse(output.contains("[toc]"), output)
    }

    func testUnknownFigureNamesFileLineColumnAndTheLikelyName() throws {
        let message = try errorMessage(Self.handout.replacingOccurrences(of: "{{figure: loss}}", with: "{{figure: los}}"))
        XCTAssertTrue(message.hasSuffix("handout.md:22:1: no figure named 'los' (did you mean 'loss'?)"), message)
    }

    func testUnknownValueInsideMathNamesItsColumn() throws {
        let text = Self.handout.replacingOccurrences(of: "{{value: log-loss}}", with: "{{value: log-los}}")
        let message = try errorMessage(text)
        XCTAssertTrue(message.hasSuffix("handout.md:\(position(of: "{{value: log-los}}", in: text)): no value named 'log-los' (did you mean 'log-loss'?)"), message)
    }

    func testAValueInAHeadingOrCalloutCountsColumnsInTheFile() throws {
        let text = Self.handout.replacingOccurrences(of: "{{value: outcome}}", with: "{{value: outcom}}")
        let callout = try errorMessage(text)
        XCTAssertTrue(callout.hasSuffix("handout.md:\(position(of: "{{value: outcom}}", in: text)): no value named 'outcom' (did you mean 'outcome'?)"), callout)
        let heading = try errorMessage(Self.handout.replacingOccurrences(of: "### Step by step", with: "### Step {{value: nope}}"))
        XCTAssertTrue(heading.hasSuffix("handout.md:16:10: no value named 'nope'; its values are 'adam-loss', 'epochs', "
            + "'learning-rate', 'log-loss', 'outcome', 'ratio'"), heading)
    }

    func testUnknownReferenceInTheFileNamesLineColumnAndTheLikelyName() throws {
        let text = Self.handout.replacingOccurrences(of: "(@fig:loss,", with: "(@fig:lost,")
        let message = try errorMessage(text)
        XCTAssertTrue(message.contains("handout.md:\(position(of: "@fig:lost", in: text)): reference to missing figure "
            + "'lost' (@fig:lost) (did you mean 'loss'?) in "), message)
    }

    func testEveryUnknownNameOfTheFileIsListedAtOnce() throws {
        let text = Self.handout.replacingOccurrences(of: "{{value: ratio}}", with: "{{value: rati}}")
            .replacingOccurrences(of: "{{table: metrics}}", with: "{{table: metric}}")
        let lines = try errorMessage(text).components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 2, lines.joined(separator: "\n"))
        XCTAssertTrue(lines[0].hasSuffix("handout.md:\(position(of: "{{value: rati}}", in: text)): no value named 'rati' (did "
            + "you mean 'ratio'?)"), lines[0])
        XCTAssertTrue(lines[1].hasSuffix("handout.md:25:1: no table named 'metric' (did you mean 'metrics'?)"), lines[1])
    }

    func testANameOfAnotherKindIsPointedOut() throws {
        let message = try errorMessage(Self.handout.replacingOccurrences(of: "{{figure: loss}}", with: "{{figure: metrics}}"))
        XCTAssertTrue(message.hasSuffix("handout.md:22:1: no figure named 'metrics' (a table has that name: {{table: metrics}})"),
                      message)
    }

    func testBlocksMustBePlacedOnceAndOnALineOfTheirOwn() throws {
        let inline = try errorMessage(Self.handout.replacingOccurrences(of: "This handout compares",
                                                                         with: "See {{figure: loss}}. This handout compares"))
        XCTAssertTrue(inline.hasSuffix("handout.md:3:5: {{figure: loss}} places a block, so it must stand on a line of its "
            + "own (not indented); refer to it in text with @fig:name"), inline)
        let twice = try errorMessage(Self.handout + "\n{{table: metrics}}\n")
        XCTAssertTrue(twice.hasSuffix("handout.md:33:1: table 'metrics' is already placed on line 25; a block stands once "
            + "in a document (refer to it elsewhere)"), twice)
        let never = try errorMessage(Self.handout.replacingOccurrences(of: "{{part: summary}}", with: ""))
        XCTAssertTrue(never.hasSuffix("handout.md: the experiment makes blocks the file never places: {{part: summary}}; "
            + "place each on a line of its own or remove it from the Swift"), never)
    }

    func testNamesDefinedTwiceAndUnnamedBlocksAreErrors() throws {
        let twice = try errorMessage(Self.handout) {
            self.parts() + [Value("epochs", 30).documentNode]
        }
        XCTAssertEqual(twice, "two values are named 'epochs'; value names must be unique")
        let unnamed = try errorMessage(Self.handout) {
            self.parts() + [Prose("Stray prose.").documentNode]
        }
        XCTAssertTrue(unnamed.contains("put this Prose inside Part(\"name\") { … } and place it with {{part: name}}"), unnamed)
    }

    func testCaptionInBothPlacesTitleAndPlaceholderMistakes() throws {
        let png = TestPNG.solid(width: 2, height: 2, red: 0, green: 0, blue: 0)
        let both = try errorMessage("# T\n\n{{figure: f}}\nA caption.\n") {
            [FigureBlock(name: "f", caption: "Swift caption.") { png }.documentNode]
        }
        XCTAssertTrue(both.hasSuffix("handout.md:4: figure 'f' has a caption in Swift and one here; keep one "
            + "(a caption here needs FigureBlock(name:_:) / Table(name:rows:columns:))"), both)
        let untitled = try errorMessage("Text without a title.\n") { [] }
        XCTAssertTrue(untitled.hasSuffix("handout.md:1:1: the document has no title: start the file with a '# Title' "
            + "line or give Document(title:)"), untitled)
        let kind = try errorMessage("# T\n\nA {{fig: f}}.\n") { [] }
        XCTAssertTrue(kind.hasSuffix("handout.md:3:3: unknown placeholder '{{fig: f}}' (did you mean 'figure'?); the "
            + "kinds are figure, table, value, part, snippet"), kind)
        let malformed = try errorMessage("# T\n\nA {{value: final loss}}.\n") { [] }
        XCTAssertTrue(malformed.hasSuffix("handout.md:3:3: '{{value: final loss}}' is not a placeholder: a name is ASCII "
            + "letters, digits, '-' and '_'"), malformed)
    }

    func testFrontMatterGivesTheTitleAndLinesKeepTheirNumbers() throws {
        let markdown = "---\ntitle: \"梯度下降\"\nauthor: 老师\n---\n\n## 方法\n\n见 {{value: nope}}。\n"
        let message = try errorMessage(markdown) { [] }
        XCTAssertTrue(message.hasSuffix("handout.md:8:3: no value named 'nope'; the document names no values"), message)
        let rendered = try render(try document(markdown.replacingOccurrences(of: " {{value: nope}}", with: "下文")) { [] })
        XCTAssertTrue(rendered.markdown.hasPrefix("# 梯度下降\n\n老师\n\n## 1 方法\n\n见下文。\n"), rendered.markdown)
    }

    /// Each key of the title block, plain, double-quoted (with escapes and a '#' inside) and single-quoted.
    func testFrontMatterFillsTheTitleBlockWithQuotedAndPlainScalars() throws {
        let markdown = """
            ---
            title: 'It''s backpropagation'
            subtitle: "Notes 002 and \\"003\\" # worked"
            author: 王老师 # a comment
            course:   人工神经网络
            date: "2025 年秋季学期"
            tags:
              - nested lines belong to the key above
            ---

            ## 方法

            Text.

            """
        let rendered = try render(try document(markdown) { [] })
        XCTAssertTrue(rendered.markdown.hasPrefix(
            "# It's backpropagation\n\n*Notes 002 and \"003\" \\# worked*\n\n王老师 · 人工神经网络 · 2025 年秋季学期\n\n"),
            rendered.markdown)
        XCTAssertTrue(rendered.html.contains("<h1 class=\"title\">It&#39;s backpropagation</h1>")
                      || rendered.html.contains("<h1 class=\"title\">It's backpropagation</h1>"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<p class=\"subtitle\">Notes 002 and &quot;003&quot; # worked</p>"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<span class=\"author\">王老师</span>"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<span class=\"course\">人工神经网络</span>"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<time class=\"date\">2025 年秋季学期</time>"), rendered.html)
        // The unknown key is a warning naming its line; its indented list is not.
        XCTAssertEqual(rendered.warnings.map { $0.components(separatedBy: "handout.md:").last! },
                       ["7: unknown front matter key 'tags' is ignored; the keys read are title, subtitle, author, course, date"])
    }

    func testFrontMatterKeyGivenInSwiftTooIsAnErrorNamingTheLine() throws {
        try Data("---\ntitle: T\ncourse: CS 231\nauthor: A\n---\n\nText.\n".utf8)
            .write(to: folder.appendingPathComponent("handout.md"))
        for (document, line, key) in [
            (Document(markdown: "handout.md", author: "B") { }, 4, "author"),
            (Document(markdown: "handout.md", course: "CS 101") { }, 3, "course"),
        ] {
            XCTAssertThrowsError(try render(document)) { error in
                XCTAssertTrue((error as? ReportError)?.message.hasSuffix(
                    "handout.md:\(line): '\(key)' is given in Swift (Document(\(key):)) and here; keep one") == true, "\(error)")
            }
        }
        XCTAssertThrowsError(try render(Document(title: "S", markdown: "handout.md") { })) { error in
            XCTAssertTrue((error as? ReportError)?.message.hasSuffix(
                "handout.md:2: the title is given in Swift (Document(title:)) and here; keep one") == true, "\(error)")
        }
        // Keys Swift leaves out still come from the file.
        let rendered = try render(Document(markdown: "handout.md", subtitle: "From Swift", date: "2025-09-01") { })
        XCTAssertTrue(rendered.markdown.hasPrefix("# T\n\n*From Swift*\n\nA · CS 231 · 2025-09-01\n\n"), rendered.markdown)
    }

    func testFrontMatterMistakesNameTheLine() throws {
        let unclosed = try errorMessage("---\ntitle: T\ndate: \"2025\n---\n\nText.\n") { [] }
        XCTAssertTrue(unclosed.hasSuffix("handout.md:3: front matter value \"2025 has no closing \""), unclosed)
        let twice = try errorMessage("---\ntitle: T\nauthor: A\nauthor: B\n---\n\nText.\n") { [] }
        XCTAssertTrue(twice.hasSuffix("handout.md:4: front matter key 'author' is given twice (first on line 3)"), twice)
        let trailing = try errorMessage("---\ntitle: \"T\" extra\n---\n\nText.\n") { [] }
        XCTAssertTrue(trailing.hasSuffix("handout.md:2: front matter value \"T\" extra has text after its closing quote"), trailing)
        let rendered = try render(try document("---\ntitle: T\nauther: A\njust words\ndate:\n---\n\nText.\n") { [] })
        XCTAssertEqual(rendered.warnings.map { $0.components(separatedBy: "handout.md:").last! }, [
            "3: unknown front matter key 'auther' (did you mean 'author'?) is ignored; the keys read are title, subtitle, author, course, date",
            "4: front matter line 'just words' is not 'key: value'; it is ignored",
        ])
        // An empty value is no value: no byline at all.
        XCTAssertTrue(rendered.markdown.hasPrefix("# T\n\nText.\n"), rendered.markdown)
    }

    func testAHeadingWithANumberOfItsOwnIsAWarning() throws {
        let rendered = try render(try document("# T\n\n## 二、MP 模型\n\n### 2.1 感知器\n\n## 2025 年的笔记\n") { [] })
        XCTAssertEqual(rendered.warnings.map { $0.components(separatedBy: "handout.md:").last! }, [
            "3: the heading '二、MP 模型' has a number of its own; the report numbers sections itself, so remove '二、'",
            "5: the heading '2.1 感知器' has a number of its own; the report numbers sections itself, so remove '2.1'",
        ])
    }

    func testAnUnusedValueIsAWarning() throws {
        let rendered = try render(try document(Self.handout) {
            self.parts() + [Value("spare", 1).documentNode]
        })
        XCTAssertEqual(rendered.warnings, ["value 'spare' is defined but no prose uses it ({{value: spare}})"])
    }

    /// The Swift form keeps working, and its prose and included files may use named values too.
    func testSwiftDocumentsUseValuesInProseAndIncludedFiles() throws {
        try Data("Included: {{value: loss}}.\n".utf8).write(to: folder.appendingPathComponent("notes.md"))
        let loss = -0.25
        let document = Document(title: "Swift form", includesReproducibilityAppendix: false) {
            Value("loss", loss, format: .fixed(2))
            Section("One") {
                Prose(#"Raw: $\sigma = \#(loss)$ and $L = {{value: loss}}$, text {{value: loss}}."#)
                Include("notes.md")
            }
        }
        let markdown = try render(document).markdown
        XCTAssertTrue(markdown.contains("Raw: $`\\sigma = -0.25`$ and $`L = -0.25`$, text −0.25."), markdown)
        XCTAssertTrue(markdown.contains("Included: −0.25."), markdown)

        let placing = Document(title: "Swift form", includesReproducibilityAppendix: false) {
            "{{figure: loss}}"
        }
        XCTAssertThrowsError(try render(placing)) { error in
            XCTAssertEqual((error as? ReportError)?.message, "prose block 1 before the first section, line 1, column 1: "
                + "{{figure: loss}} places a block, which only the document's Markdown file can do (Document(markdown:)), "
                + "on a line of its own")
        }
    }

    /// The file is read through the ledger, so a results cache knows the document depends on it.
    func testTheMarkdownFileIsRecordedAsAnInput() throws {
        _ = try render(try document(Self.handout))
        let path = folder.appendingPathComponent("handout.md").standardizedFileURL.resolvingSymlinksInPath().path
        XCTAssertTrue(InputFileLedger.recordedPaths.contains(path))
    }
}
