import Foundation

/// `<output>/NAME.failed/report.html` and `report.md` for a run that stopped before it had a report: which stage
/// failed, the message, and the last lines the compiler or the experiment printed.
struct FailurePage {
    let experiment: String
    let summary: ExperimentSummary

    func write(to folder: URL) throws {
        guard let failure = summary.failure else { return }
        let stage = Self.stageDescription(failure.stage)
        let kept = summary.lastPassingReportFolder.map { folder in
            "The last passing report is kept at <a href=\"../\(PageStyle.escaped(folder))/report.html\">\(PageStyle.escaped(folder))/report.html</a>."
        } ?? "There is no earlier passing report."
        let tail = failure.outputTail.isEmpty ? "<p>It printed nothing.</p>"
            : "<h2>Last lines of its output</h2>\n<pre>\(PageStyle.escaped(failure.outputTail.joined(separator: "\n")))</pre>"
        let body = """
            <h1>\(PageStyle.escaped(experiment)): \(stage)</h1>
            <p class="failure">\(PageStyle.escaped(failure.message))</p>
            <p>\(kept)</p>
            \(tail)
            """
        try Data(PageStyle.page(title: "\(experiment): failed", body: body).utf8)
            .write(to: folder.appendingPathComponent("report.html"))
        var markdown = "# \(experiment): \(stage)\n\n\(failure.message)\n"
        if let folder = summary.lastPassingReportFolder {
            markdown += "\nThe last passing report is kept at [\(folder)/report.md](../\(folder)/report.md).\n"
        }
        if !failure.outputTail.isEmpty {
            markdown += "\n## Last lines of its output\n\n```text\n" + failure.outputTail.joined(separator: "\n") + "\n```\n"
        }
        try Data(markdown.utf8).write(to: folder.appendingPathComponent("report.md"))
    }

    /// What went wrong, as a short phrase for headings and badges.
    static func stageDescription(_ stage: ExperimentSummary.Stage) -> String {
        switch stage {
        case .compile: return "does not compile"
        case .parameters: return "bad parameters"
        case .run: return "the run failed"
        case .gates: return "missed a gate"
        }
    }
}
