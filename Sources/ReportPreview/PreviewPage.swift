import Foundation

/// The pages `report preview` serves: the written `report.html` with a status banner and the reload script added,
/// or a holding page while there is no report yet.
///
/// Only what preview serves has these additions; `report.html` on disk is never touched, so the handout a
/// teacher prints or an engineer keeps has no script in it.
enum PreviewPage {
    /// The path the reload script polls.
    static let statusPath = "/__preview/status"

    /// `reportHTML` (or a holding page when `nil`) with the preview's banner and script before `</body>`.
    static func page(reportHTML: String?, experimentName: String, snapshot: PreviewState.Snapshot) -> String {
        let html = reportHTML ?? holdingPage(experimentName: experimentName)
        let addition = banner(for: snapshot.status) + script(version: snapshot.version, reportGeneration: snapshot.reportGeneration)
        guard let bodyEnd = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else {
            return html + addition
        }
        return html.replacingCharacters(in: bodyEnd.lowerBound..<bodyEnd.lowerBound, with: addition)
    }

    /// The JSON the status endpoint answers: `{"version":3,"reportGeneration":1,"status":"failed","message":"…"}`.
    static func statusJSON(_ snapshot: PreviewState.Snapshot) -> Data {
        var object: [String: Any] = ["version": snapshot.version, "reportGeneration": snapshot.reportGeneration]
        switch snapshot.status {
        case .running: object["status"] = "running"
        case .ready: object["status"] = "ready"
        case .failed(let message):
            object["status"] = "failed"
            object["message"] = message
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }

    private static func holdingPage(experimentName: String) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(escape(experimentName)) — preview</title></head>
        <body style="font-family: sans-serif; margin: 3em;"><h1>\(escape(experimentName))</h1>
        <p>No report yet: the first run is going on, and this page reloads when it is done.</p>
        </body></html>
        """
    }

    /// A fixed banner at the top: hidden when ready, "re-running…" while a run goes on, the error when it failed.
    private static func banner(for status: PreviewState.Status) -> String {
        let (text, hidden, failed): (String, Bool, Bool)
        switch status {
        case .ready: (text, hidden, failed) = ("", true, false)
        case .running: (text, hidden, failed) = ("Re-running…", false, false)
        case .failed(let message): (text, hidden, failed) = ("The last run failed; this is the previous report.\n\n" + message, false, true)
        }
        return """
            <style>@media print { #report-preview-status { display: none !important; } }</style>
            <pre id="report-preview-status" title="Click to hide" onclick="this.style.display='none'" style="position: fixed; top: 0; left: 0; right: 0; z-index: 1000; margin: 0; \
            padding: 0.6em 1em; max-height: 45vh; overflow: auto; cursor: pointer; white-space: pre-wrap; font: 13px/1.4 monospace; \
            color: #fff; background: \(failed ? "#b00020" : "#37474f"); box-shadow: 0 2px 6px rgba(0,0,0,.3);\
            \(hidden ? " display: none;" : "")">\(escape(text))</pre>
            """
    }

    /// Long-polls the status endpoint; reloads when a new report was published, else updates the banner.
    private static func script(version: Int, reportGeneration: Int) -> String {
        """
        <script>
        (function () {
          var version = \(version), generation = \(reportGeneration);
          var banner = document.getElementById("report-preview-status");
          function show(state) {
            if (state.status === "ready") { banner.style.display = "none"; return; }
            banner.style.display = "block";
            banner.style.background = state.status === "failed" ? "#b00020" : "#37474f";
            banner.textContent = state.status === "failed"
              ? "The last run failed; this is the previous report.\\n\\n" + state.message : "Re-running…";
          }
          function poll() {
            fetch("\(statusPath)?after=" + version, { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (state) {
                if (state.reportGeneration !== generation) { location.reload(); return; }
                version = state.version;
                show(state);
                poll();
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        </script>
        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
