/// The headline numbers of a run as a two-column table ("Metric" / "Value"), without a number or caption.
public struct MetricsSummary: DocumentComponent {
    let metrics: [Metric]

    /// Creates a summary.
    /// - Parameter metrics: the metrics, in the order shown.
    public init(_ metrics: [Metric]) {
        self.metrics = metrics
    }

    public var documentNode: DocumentNode { DocumentNode(kind: .metrics(self)) }
}
