/// Markdown from a file beside the experiment, e.g. a teacher's existing notes, inserted as ``Prose``.
///
/// The file may use math and `@fig:` / `@tab:` references to the document's blocks exactly as prose does. It is
/// read from ``RunContext/sourceDirectory`` when the document is written; a missing file is an error naming it,
/// and errors inside it (a bad formula, an unknown reference) name the file and line.
///
/// Its headings are moved down to fit where it is included: the file's shallowest heading becomes one level
/// below the enclosing section's heading (level 2 at the top of the document, below the title). They are not
/// numbered; in HTML they get ids `note-1`, `note-2`, … in document order and are listed in the table of
/// contents (ATX headings, `## Title`, outside fenced code; setext headings stay in the text).
public struct Include: DocumentComponent {
    let path: String

    /// Creates an inclusion.
    /// - Parameter path: the file's path relative to the experiment folder, e.g. `notes.md`.
    public init(_ path: String) {
        self.path = path
    }

    public var documentNode: DocumentNode { DocumentNode(kind: .include(self)) }
}
