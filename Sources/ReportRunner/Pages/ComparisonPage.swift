import Foundation

/// The files `report diff` writes: `diff.md` (for a PR comment; difference images beside it in `figures/`) and
/// `diff.html` (one self-contained page with the old, new and difference images side by side).
struct ComparisonPage {
    let comparison: OutputComparison

    func write(to folder: URL) throws {
        let figures = folder.appendingPathComponent("figures", isDirectory: true)
        var imageFiles: [String: String] = [:]
        for change in comparison.figureChanges {
            guard let png = change.differencePNG else { continue }
            let name = "\(change.experiment)--\((change.path as NSString).lastPathComponent.replacingOccurrences(of: ".png", with: ""))-difference.png"
            try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: true)
            try png.write(to: figures.appendingPathComponent(name))
            imageFiles[change.experiment + "/" + change.path] = "figures/" + name
        }
        try Data(markdown(imageFiles: imageFiles).utf8).write(to: folder.appendingPathComponent("diff.md"))
        try Data(html().utf8).write(to: folder.appendingPathComponent("diff.html"))
    }

    private var headline: String {
        let c = comparison
        let regressions = c.metricChanges.filter(\.regressed).count + c.newlyFailing.count
        return (c.regressed ? "❌ \(regressions) regression\(regressions == 1 ? "" : "s") past a gate" : "✅ no regression past a gate")
            + " · \(c.metricChanges.count) metric\(c.metricChanges.count == 1 ? "" : "s") changed, \(c.unchangedMetricCount) unchanged"
            + " · \(c.figureChanges.count) figure\(c.figureChanges.count == 1 ? "" : "s") changed, added or removed"
    }

    private static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%+.4g", value)
    }

    private static func gateCell(_ change: OutputComparison.MetricChange) -> String {
        guard let gate = change.new?.gate ?? change.old?.gate else { return "" }
        if change.regressed { return "\(gate.text): held → missed" }
        if change.fixed { return "\(gate.text): missed → held" }
        return "\(gate.text): " + (change.new?.passed == false ? "missed" : "held")
    }

    private func markdown(imageFiles: [String: String]) -> String {
        var lines = ["## report diff: \(comparison.oldFolder.relativePath) → \(comparison.newFolder.relativePath)", "", headline]
        if !comparison.newlyFailing.isEmpty {
            lines += ["", "### Newly failing", ""] + comparison.newlyFailing.map { "- **\($0.name)**: \($0.reason)" }
        }
        if !comparison.addedExperiments.isEmpty { lines += ["", "Added: " + comparison.addedExperiments.joined(separator: ", ")] }
        if !comparison.removedExperiments.isEmpty { lines += ["", "Removed: " + comparison.removedExperiments.joined(separator: ", ")] }
        if !comparison.metricChanges.isEmpty {
            lines += ["", "### Metrics", "", "| experiment | metric | old | new | Δ | gate |", "|---|---|---:|---:|---:|---|"]
            lines += comparison.metricChanges.map { change in
                "| \(change.experiment) | \(change.label) | \(change.old?.text ?? "—") | \(change.new?.text ?? "—") | \(Self.number(change.delta)) | \(Self.gateCell(change)) |"
            }
        }
        if !comparison.figureChanges.isEmpty {
            lines += ["", "### Figures", "", "| experiment | figure | change | pixels differing | difference |", "|---|---|---|---:|---|"]
            lines += comparison.figureChanges.map { change in
                let fraction = change.differingPixelFraction.map { String(format: "%.2f %%", $0 * 100) } ?? ""
                let image = imageFiles[change.experiment + "/" + change.path].map { "![difference](\($0))" } ?? ""
                return "| \(change.experiment) | \(change.path) | \(change.kind.rawValue) | \(fraction) | \(image) |"
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func html() -> String {
        let e = PageStyle.escaped
        var body = ["<h1>report diff</h1>",
                    "<p class=\"lead\">\(e(comparison.oldFolder.relativePath)) → \(e(comparison.newFolder.relativePath)) · \(e(headline))</p>"]
        if !comparison.newlyFailing.isEmpty {
            body.append("<h2>Newly failing</h2><ul>" + comparison.newlyFailing.map { "<li class=\"failure\"><b>\(e($0.name))</b>: \(e($0.reason))</li>" }.joined() + "</ul>")
        }
        if !comparison.addedExperiments.isEmpty { body.append("<p>Added: \(e(comparison.addedExperiments.joined(separator: ", ")))</p>") }
        if !comparison.removedExperiments.isEmpty { body.append("<p>Removed: \(e(comparison.removedExperiments.joined(separator: ", ")))</p>") }
        if !comparison.metricChanges.isEmpty {
            body.append("<h2>Metrics</h2><table><tr><th>experiment</th><th>metric</th><th>old</th><th>new</th><th>Δ</th><th>gate</th></tr>")
            for change in comparison.metricChanges {
                let gateClass = change.regressed ? "missed" : change.fixed ? "held" : ""
                body.append("<tr><td>\(e(change.experiment))</td><td>\(e(change.label))</td><td class=\"number\">\(e(change.old?.text ?? "—"))</td>"
                            + "<td class=\"number\">\(e(change.new?.text ?? "—"))</td><td class=\"number\">\(e(Self.number(change.delta)))</td>"
                            + "<td class=\"\(gateClass)\">\(e(Self.gateCell(change)))</td></tr>")
            }
            body.append("</table>")
        }
        if !comparison.figureChanges.isEmpty {
            body.append("<h2>Figures</h2>")
            for change in comparison.figureChanges {
                let fraction = change.differingPixelFraction.map { String(format: ", %.2f %% of pixels differ", $0 * 100) } ?? ""
                body.append("<h3>\(e(change.experiment)) · \(e(change.path)) (\(change.kind.rawValue)\(fraction))</h3><div class=\"images\">")
                for (caption, png) in [("old", change.oldPNG), ("new", change.newPNG), ("difference: changed pixels in red over the new figure", change.differencePNG)] {
                    guard let png else { continue }
                    body.append("<figure><img alt=\"\(caption)\" src=\"\(PageStyle.dataURI(png: png))\"><figcaption>\(caption)</figcaption></figure>")
                }
                body.append("</div>")
            }
        }
        return PageStyle.page(title: "report diff", body: body.joined(separator: "\n"))
    }
}
