import Foundation

/// `<output>/index.html`: one self-contained page with a card per experiment (title, status, time, key metrics
/// and a thumbnail of its first figure), linking to its report; a course's front page, or a CI run's overview.
struct IndexPage {
    let summary: RunSummary
    /// The output folder, to read the figures the thumbnails are made from.
    let outputFolder: URL

    /// How many metrics a card shows; the report has them all.
    static let metricsPerCard = 4

    func html() -> String {
        let counts = summary.counts
        let headline = summary.status == .passed
            ? "All \(counts.total) experiments passed."
            : "\(counts.failed) of \(counts.total) experiments failed."
        let cards = summary.experiments.map(card).joined(separator: "\n")
        let body = """
            <h1>Experiments</h1>
            <p class="lead">\(PageStyle.escaped(headline))\(summary.shard.map { " Shard \(PageStyle.escaped($0))." } ?? "") \
            Machine-readable: <a href="summary.json">summary.json</a>, <a href="summary.md">summary.md</a>.</p>
            <div class="cards">
            \(cards)
            </div>
            """
        return PageStyle.page(title: "Experiments", body: body)
    }

    private func card(_ experiment: ExperimentSummary) -> String {
        let failed = experiment.status == .failed
        let link = experiment.reportHTML ?? experiment.lastPassingReportFolder.map { $0 + "/report.html" }
        var lines: [String] = ["<article class=\"card\(failed ? " failed" : "")\" id=\"\(PageStyle.escaped(experiment.name))\">"]
        lines.append(thumbnail(experiment, link: link))
        lines.append("<div class=\"body\">")
        let title = PageStyle.escaped(experiment.title ?? experiment.name)
        lines.append("<div class=\"title\">" + (link.map { "<a href=\"\(PageStyle.escaped($0))\">\(title)</a>" } ?? title) + "</div>")
        var status = failed
            ? "<span class=\"status failed\">\(experiment.failure.map { FailurePage.stageDescription($0.stage) } ?? "failed")</span>"
            : "<span class=\"status\">passed</span>"
        if experiment.diverged { status += " <span class=\"status diverged\">diverged</span>" }
        if let timings = experiment.timings {
            status += String(format: " <span class=\"name\">%.1f s</span>", timings.compileSeconds + timings.runSeconds)
        }
        lines.append("<div><span class=\"name\">\(PageStyle.escaped(experiment.name))</span> \(status)</div>")
        if !experiment.parameters.isEmpty {
            lines.append("<div class=\"name\">" + PageStyle.escaped(experiment.parameters.map(\.text).joined(separator: " ")) + "</div>")
        }
        if let variants = experiment.variants {
            let diverged = variants.filter(\.diverged).count
            lines.append("<div class=\"name\">sweep of \(variants.count) variants\(diverged > 0 ? ", \(diverged) diverged" : "")</div>")
        }
        if let failure = experiment.failure {
            lines.append("<div class=\"failure\">\(PageStyle.escaped(failure.message))</div>")
            if let kept = experiment.lastPassingReportFolder, experiment.reportFolder != nil {
                lines.append("<div><a href=\"\(PageStyle.escaped(kept))/report.html\">last passing report</a></div>")
            }
        }
        if !experiment.metrics.isEmpty {
            lines.append("<table>")
            for metric in experiment.metrics.prefix(Self.metricsPerCard) {
                var gate = ""
                if let metricGate = metric.gate {
                    let held = metric.passed == true
                    gate = "<td class=\"\(held ? "held" : "missed")\">\(PageStyle.escaped(metricGate.text)) \(held ? "✓" : "✗")</td>"
                }
                lines.append("<tr><td>\(PageStyle.escaped(metric.label))</td><td class=\"number\">\(PageStyle.escaped(metric.text))</td>\(gate)</tr>")
            }
            lines.append("</table>")
        }
        lines.append("</div>")
        lines.append("</article>")
        return lines.joined(separator: "\n")
    }

    private func thumbnail(_ experiment: ExperimentSummary, link: String?) -> String {
        guard let folder = experiment.reportFolder, let first = experiment.figures.first,
              let data = FileManager.default.contents(atPath: outputFolder.appendingPathComponent(folder + "/" + first.path).path) else {
            return "<div class=\"thumb empty\">\(experiment.status == .failed ? "no report" : "no figures")</div>"
        }
        let image = "<img alt=\"\(PageStyle.escaped(first.path))\" src=\"\(PageStyle.dataURI(png: Thumbnail.png(from: data)))\">"
        return link.map { "<a class=\"thumb\" href=\"\(PageStyle.escaped($0))\">\(image)</a>" } ?? "<div class=\"thumb\">\(image)</div>"
    }
}
