import CCmarkGFM
import Foundation

/// GitHub Flavored Markdown to HTML through cmark-gfm, the parser GitHub itself uses.
///
/// Parsed with the `table`, `strikethrough` and `autolink` extensions and rendered in cmark's default safe mode:
/// raw HTML is replaced by `<!-- raw HTML omitted -->` and `javascript:`-style links are dropped, so prose cannot
/// inject markup into the handout.
enum CommonMark {
    /// A prose image with no embeddable source: the handout must stay self-contained.
    struct ImageFound: Error {
        var destination: String
    }

    /// cmark-gfm registers its extensions in a process-wide registry; doing it once, lazily, is thread-safe.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink"]

    /// Renders Markdown to an HTML fragment.
    /// - Parameters:
    ///   - markdown: GitHub Flavored Markdown.
    ///   - imageSources: the `src` to use for each image destination, e.g. a `data:` URI.
    /// - Returns: the HTML fragment.
    /// - Throws: ``ImageFound`` if the Markdown contains an image whose destination has no source.
    static func html(_ markdown: String, imageSources: [String: String] = [:]) throws -> String {
        try withDocument(markdown) { root, parser in
            for image in imageNodes(in: root) {
                let destination = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
                guard let source = imageSources[destination] else { throw ImageFound(destination: destination) }
                cmark_node_set_url(image, source)
            }
            let codeBlocks = codeBlockNodes(in: root).map { node in
                (code: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
                 language: cmark_node_get_fence_info(node).map { String(cString: $0) }?
                    .split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init))
            }
            guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else {
                fatalError("cmark_render_html failed: out of memory")
            }
            defer { free(rendered) }
            return replacingCodeBlocks(in: String(cString: rendered), with: codeBlocks)
        }
    }

    /// The HTML with each code block cmark wrote replaced by ``CodeListingHTML``'s, so that listings in prose
    /// look like snippets (Swift coloured, lines marked for print). cmark writes the blocks in document order
    /// as `<pre><code…>…</code></pre>`; nothing else in its safe-mode output opens with `<pre>` (raw HTML is
    /// omitted, text is escaped), so the n-th such element is the n-th code block node.
    private static func replacingCodeBlocks(in html: String, with blocks: [(code: String, language: String?)]) -> String {
        var result = ""
        var rest = html[...]
        for block in blocks {
            guard let start = rest.range(of: "<pre><code"),
                  let end = rest[start.upperBound...].range(of: "</code></pre>") else { break }
            result += rest[..<start.lowerBound]
            result += CodeListingHTML.html(block.code, language: block.language)
            rest = rest[end.upperBound...]
        }
        return result + rest
    }

    /// The destinations of the images in `markdown`, in order, as written.
    static func imageDestinations(_ markdown: String) -> [String] {
        withDocument(markdown) { root, _ in
            imageNodes(in: root).map { cmark_node_get_url($0).map { String(cString: $0) } ?? "" }
        }
    }

    private static func withDocument<Result>(
        _ markdown: String, _ body: (OpaquePointer, OpaquePointer) throws -> Result
    ) rethrows -> Result {
        precondition(extensionsRegistered)
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { fatalError("cmark_parser_new failed: out of memory") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm has no '\(name)' extension; is libcmark-gfm-extensions installed?")
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        var utf8 = Array(markdown.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish failed") }
        defer { cmark_node_free(root) }
        return try body(root, parser)
    }

    private static func imageNodes(in root: OpaquePointer) -> [OpaquePointer] {
        nodes(of: CMARK_NODE_IMAGE, in: root)
    }

    private static func codeBlockNodes(in root: OpaquePointer) -> [OpaquePointer] {
        nodes(of: CMARK_NODE_CODE_BLOCK, in: root)
    }

    /// The nodes of one type, in document order.
    private static func nodes(of type: cmark_node_type, in root: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return found }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if cmark_node_get_type(node) == type { found.append(node) }
        }
    }
}
