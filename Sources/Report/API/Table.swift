/// A table built from values, with a numbered caption, referenced from prose as `@tab:<name>`.
///
/// ```swift
/// Table(name: "metrics", caption: "Final metrics per optimizer", rows: runs, columns: [
///     TableColumn("Optimizer") { $0.optimizerName },
///     TableColumn("Validation loss", format: .fixed(4)) { $0.validationLoss },
///     TableColumn("Accuracy", format: .percent(1)) { $0.accuracy },
/// ])
/// ```
///
/// Cells are formatted when the document is resolved, in the document's language (see ``NumberFormat``).
public struct Table: DocumentComponent {
    let content: TableContent

    /// Creates a table with one row per value.
    /// - Parameters:
    ///   - name: the table's name, unique among tables: lowercase letters, digits and `-`.
    ///   - caption: Markdown for the caption; the writers put "Table n." / "表 n" before it.
    ///   - rows: the values, one per row, in order.
    ///   - columns: the columns, in order.
    public init<Row>(name: String, caption: String, rows: [Row], columns: [TableColumn<Row>]) {
        let cells = rows.map { row in columns.map { $0.value(row) } }
        let alignments = columns.indices.map { index -> ColumnAlignment in
            if let alignment = columns[index].alignment { return alignment }
            let values = cells.map { $0[index] }.filter { $0 != .empty }
            return !values.isEmpty && values.allSatisfy(\.isNumeric) ? .right : .left
        }
        content = TableContent(
            name: name,
            caption: caption,
            headers: columns.map(\.header),
            alignments: alignments,
            rows: [],
            cells: cells,
            formats: columns.map(\.format)
        )
    }

    public var documentNode: DocumentNode { DocumentNode(kind: .table(content)) }
}

/// A table's formatted text, as both writers need it.
struct TableContent {
    /// The name it is referenced by; `nil` for unnumbered tables such as a metrics summary.
    var name: String?
    var caption: String?
    var headers: [String]
    var alignments: [ColumnAlignment]
    /// The cells' text; filled from `cells` by ``localized(_:)`` for a table built from values.
    var rows: [[String]]
    /// The values of a table built from values, written only once the document's language is known.
    var cells: [[TableValue]] = []
    /// Each column's number format.
    var formats: [NumberFormat] = []

    /// The table with its cells written in `language`.
    func localized(_ language: DocumentLanguage) -> TableContent {
        guard !cells.isEmpty else { return self }
        var content = self
        content.rows = cells.map { row in zip(row, formats).map { $0.formatted(with: $1, language: language) } }
        return content
    }
}
