/// One headline number of a run, for a ``MetricsSummary``.
public struct Metric: Sendable, Equatable {
    let label: String
    let value: TableValue
    let format: NumberFormat
    let gate: MetricGate?

    /// Creates a metric.
    /// - Parameters:
    ///   - label: what was measured, plain text (e.g. "Validation accuracy, Adam").
    ///   - value: the measurement.
    ///   - format: how to write it.
    ///   - gate: what the value must satisfy for the run to pass, e.g. `.atLeast(0.95)`; a missed gate marks the
    ///     run failed (its report is written to `NAME.failed/` with a banner) and `report` exits 1.
    public init(_ label: String, _ value: some TableCellConvertible, format: NumberFormat = .automatic,
                gate: MetricGate? = nil) {
        self.label = label
        self.value = value.tableValue
        self.format = format
        self.gate = gate
    }

    /// The metric as `results.json` records it, with its gate judged and its text as the report prints it.
    func result(language: DocumentLanguage) -> MetricResult {
        let number: Double?
        switch value {
        case .number(let value): number = value.isFinite ? value : nil
        case .integer(let value): number = Double(value)
        case .text, .empty: number = nil
        }
        return MetricResult(label: label, value: number, text: value.formatted(with: format, language: language), gate: gate)
    }
}
