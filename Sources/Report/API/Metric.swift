/// One headline number of a run, for a ``MetricsSummary``.
public struct Metric: Sendable, Equatable {
    let label: String
    let value: TableValue
    let format: NumberFormat

    /// Creates a metric.
    /// - Parameters:
    ///   - label: what was measured, plain text (e.g. "Validation accuracy, Adam").
    ///   - value: the measurement.
    ///   - format: how to write it.
    public init(_ label: String, _ value: some TableCellConvertible, format: NumberFormat = .automatic) {
        self.label = label
        self.value = value.tableValue
        self.format = format
    }
}
