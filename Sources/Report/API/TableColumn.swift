/// A column of a ``Table`` whose rows are values of type `Row`: a header, how to format it, and how to read the
/// cell from a row.
public struct TableColumn<Row> {
    let header: String
    let format: NumberFormat
    let alignment: ColumnAlignment?
    let value: (Row) -> TableValue

    /// Creates a column.
    /// - Parameters:
    ///   - header: the header text (plain text, escaped by the writers).
    ///   - format: how numbers in this column are written; ``NumberFormat/automatic`` by default.
    ///   - alignment: the alignment; by default right for columns whose cells are all numbers, left otherwise.
    ///   - value: reads this column's cell from a row.
    public init<Value: TableCellConvertible>(
        _ header: String,
        format: NumberFormat = .automatic,
        alignment: ColumnAlignment? = nil,
        value: @escaping (Row) -> Value
    ) {
        self.header = header
        self.format = format
        self.alignment = alignment
        self.value = { value($0).tableValue }
    }
}
