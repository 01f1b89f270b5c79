import Foundation

extension Document {
    /// Every metric of the document's ``MetricsSummary`` blocks, in document order (sections, groups and
    /// language-dependent blocks included).
    var metrics: [Metric] {
        func collect(_ nodes: [DocumentNode]) -> [Metric] {
            nodes.flatMap { node -> [Metric] in
                switch node.kind {
                case .section(_, let children), .group(let children): return collect(children)
                case .localized(let make): return collect(make(language))
                case .metrics(let summary): return summary.metrics
                default: return []
                }
            }
        }
        return collect(children)
    }

    /// The results of this document's run: metrics with their gates judged, the recorded sequences, and whether
    /// the run diverged (a recorded value, or a gated metric, that is not finite).
    func results(run: ExperimentRun, figures: [String]) -> ExperimentResults {
        let metrics = self.metrics.map { $0.result(language: language) }
        let divergedMetric = self.metrics.contains { metric in
            guard metric.gate != nil, case .number(let value) = metric.value else { return false }
            return !value.isFinite
        }
        return ExperimentResults(
            title: title,
            parameters: run.context.parameters,
            metrics: metrics,
            series: run.recordedSeries,
            diverged: divergedMetric || run.recordedSeries.contains(where: \.diverged),
            figures: figures
        )
    }

    /// The document with a warning at the top that names every missed gate, for the report written to
    /// `NAME.failed/`.
    func withFailedGatesBanner(_ failed: [MetricResult]) -> Document {
        let vocabulary = Vocabulary(language: language)
        let lines = failed.map { metric in
            "- \(Self.escapedForProse(metric.label)): \(Self.escapedForProse(metric.text)), expected \(Self.escapedForProse(metric.gate?.text ?? ""))"
        }
        var copy = self
        copy.children = [Callout(.warning, vocabulary.gateBannerTitle + "\n\n" + lines.joined(separator: "\n")).documentNode]
            + children
        return copy
    }

    /// Plain text made safe inside prose: Markdown punctuation and the `$` and `@` that start math and
    /// references are backslash-escaped.
    private static func escapedForProse(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>$@#|".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
