import Foundation

/// `<output>/summary.md`: failures first, then a status table and a metrics table, in at most 64 KB, for
/// `$GITHUB_STEP_SUMMARY` (GitHub's limit is 1 MiB per step, but a PR comment or a job page should stay short)
/// or a PR comment. It has no images or relative links, which would not resolve there.
struct SummaryMarkdown {
    let summary: RunSummary
    /// The budget in bytes.
    static let byteLimit = 64 * 1024

    func text() -> String {
        let counts = summary.counts
        var head = [summary.status == .passed
            ? "## ✅ report: all \(counts.total) experiments passed"
            : "## ❌ report: \(counts.failed) of \(counts.total) experiments failed"]
        if let shard = summary.shard { head.append("\nShard \(shard).") }

        let failures = summary.experiments.filter { $0.status == .failed }
        var failureLines: [String] = []
        if !failures.isEmpty {
            failureLines += ["", "### Failures", "", "| experiment | stage | reason |", "|---|---|---|"]
            failureLines += failures.map { experiment in
                let failure = experiment.failure
                return "| \(cell(experiment.name)) | \(failure?.stage.rawValue ?? "") | \(cell(failure?.message ?? "")) |"
            }
        }
        var statusLines = ["", "### Experiments", "", "| experiment | status | title | report |", "|---|---|---|---|"]
        statusLines += (failures + summary.experiments.filter { $0.status == .passed }).map { experiment in
            var status = experiment.status == .passed ? "✅ passed" : "❌ failed"
            if experiment.diverged { status += ", diverged" }
            if let variants = experiment.variants { status += " (\(variants.count) variants)" }
            return "| \(cell(experiment.name)) | \(status) | \(cell(experiment.title ?? "")) | \(cell(experiment.reportHTML ?? "")) |"
        }
        var metricLines = ["", "### Metrics", "", "| experiment | metric | value | gate |", "|---|---|---:|---|"]
        for experiment in failures + summary.experiments.filter({ $0.status == .passed }) {
            for metric in experiment.metrics {
                let gate = metric.gate.map { "\($0.text) " + (metric.passed == true ? "✅" : "❌") } ?? ""
                metricLines.append("| \(cell(experiment.name)) | \(cell(metric.label)) | \(cell(metric.text)) | \(gate) |")
            }
        }
        if metricLines.count == 5 { metricLines = [] }

        // Drop rows from the end, metrics first, until the text fits; the note says where the rest is.
        var budget = Self.byteLimit - 200
        func take(_ lines: [String]) -> (kept: [String], dropped: Int) {
            var kept: [String] = []
            for (index, line) in lines.enumerated() {
                let size = line.utf8.count + 1
                guard size <= budget else { return (kept, lines.count - index) }
                budget -= size
                kept.append(line)
            }
            return (kept, 0)
        }
        var parts: [String] = []
        var dropped = 0
        for lines in [head, failureLines, statusLines, metricLines] {
            let taken = take(lines)
            parts += taken.kept
            dropped += taken.dropped
        }
        if dropped > 0 {
            parts += ["", "… \(dropped) more rows did not fit in \(Self.byteLimit / 1024) KB; summary.json has them all."]
        }
        return parts.joined(separator: "\n") + "\n"
    }

    /// Table cell text: pipes escaped, line breaks folded, long messages cut.
    private func cell(_ text: String) -> String {
        var flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|")
        if flat.count > 400 { flat = String(flat.prefix(399)) + "…" }
        return flat
    }
}
