extension Table {
    /// Creates a table whose caption is written in the document's Markdown, on the lines right below its
    /// `{{table: name}}` placement (see ``Document/init(title:markdown:language:seed:includesReproducibilityAppendix:parts:)``).
    /// - Parameters:
    ///   - name: the table's name, unique among tables.
    ///   - rows: the values, one per row, in order.
    ///   - columns: the columns, in order.
    public init<Row>(name: String, rows: [Row], columns: [TableColumn<Row>]) {
        self.init(name: name, caption: "", rows: rows, columns: columns)
    }
}
