/// A code listing echoed from a named slice of the experiment's own source, like a DocC snippet.
///
/// In the experiment's Swift files, mark the slice with comment lines:
///
/// ```swift
/// // snippet: training-loop
/// for epoch in 0..<epochs { … }
/// // end snippet
/// ```
///
/// The marker lines are not shown; indentation common to the slice is removed; marker lines of other slices
/// nested inside are dropped. The files are read from ``RunContext/sourceDirectory`` when the document is
/// written; a slice that is missing, defined twice or never ended is an error naming the file and slice.
public struct Snippet: DocumentComponent {
    let name: String
    let file: String?
    let caption: String?

    /// Creates a listing.
    /// - Parameters:
    ///   - name: the slice's name, as written after `// snippet:`.
    ///   - file: the Swift file to look in, relative to the experiment folder; by default every `.swift` file
    ///     there (the name must then be unique among them).
    ///   - caption: optional Markdown shown above the listing.
    public init(_ name: String, file: String? = nil, caption: String? = nil) {
        self.name = name
        self.file = file
        self.caption = caption
    }

    public var documentNode: DocumentNode { DocumentNode(kind: .snippet(self)) }
}
