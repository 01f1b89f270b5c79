@testable import ReportPreview
import XCTest

final class PreviewPageTests: XCTestCase {
    private let report = "<!DOCTYPE html>\n<html><head><title>T</title></head>\n<body><h1>T</h1>\n<p>text</p>\n</body>\n</html>\n"

    func testTheScriptAndBannerGoJustBeforeTheEndOfTheBody() {
        let snapshot = PreviewState.Snapshot(version: 7, reportGeneration: 3, status: .ready)
        let page = PreviewPage.page(reportHTML: report, experimentName: "demo", snapshot: snapshot)
        let scriptStart = try! XCTUnwrap(page.range(of: "<script>"))
        let bodyEnd = try! XCTUnwrap(page.range(of: "</body>"))
        XCTAssertLessThan(scriptStart.lowerBound, bodyEnd.lowerBound)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html><head><title>T</title></head>\n<body><h1>T</h1>\n<p>text</p>\n"))
        XCTAssertTrue(page.hasSuffix("</body>\n</html>\n"))
        XCTAssertTrue(page.contains("var version = 7, generation = 3;"))
        XCTAssertTrue(page.contains("fetch(\"/__preview/status?after=\" + version"))
        XCTAssertTrue(page.contains("display: none;\">"), "no banner while the report is current")
        // Nothing of the report is changed: taking the addition out gives it back exactly.
        let additionStart = try! XCTUnwrap(page.range(of: "<style>@media print"))
        XCTAssertEqual(String(page[..<additionStart.lowerBound]) + String(page[bodyEnd.lowerBound...]), report)
    }

    func testAFailedRunShowsItsEscapedErrorOverThePreviousReport() {
        let snapshot = PreviewState.Snapshot(version: 2, reportGeneration: 1, status: .failed("X.swift:3: error: expected '>' in <T>"))
        let page = PreviewPage.page(reportHTML: report, experimentName: "demo", snapshot: snapshot)
        XCTAssertTrue(page.contains("The last run failed; this is the previous report.\n\nX.swift:3: error: expected '&gt;' in &lt;T&gt;"))
        XCTAssertTrue(page.contains("<p>text</p>"), "the previous report stays visible")
        XCTAssertTrue(page.contains("#b00020"))
    }

    func testWithoutAReportAHoldingPageIsServed() {
        let page = PreviewPage.page(reportHTML: nil, experimentName: "a<b", snapshot: .init(version: 0, reportGeneration: 0, status: .running))
        XCTAssertTrue(page.contains("<h1>a&lt;b</h1>"))
        XCTAssertTrue(page.contains("Re-running…"))
        XCTAssertTrue(page.contains("<script>"))
    }

    func testTheStatusIsJSON() throws {
        let data = PreviewPage.statusJSON(.init(version: 4, reportGeneration: 2, status: .failed("boom \"quoted\"")))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["version"] as? Int, 4)
        XCTAssertEqual(object["reportGeneration"] as? Int, 2)
        XCTAssertEqual(object["status"] as? String, "failed")
        XCTAssertEqual(object["message"] as? String, "boom \"quoted\"")
    }

    func testWaitingReturnsAtTheFirstChangeOrAtTheTimeout() async {
        let state = PreviewState()
        let start = Date()
        let unchanged = await state.waitForChange(after: state.snapshot.version, timeout: 0.2)
        XCTAssertEqual(unchanged.version, 0)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.2)

        Task {
            try? await Task.sleep(nanoseconds: 100_000_000)
            state.runSucceeded()
        }
        let changed = await state.waitForChange(after: 0, timeout: 5)
        XCTAssertEqual(changed.status, .ready)
        XCTAssertEqual(changed.reportGeneration, 1)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
    }
}
