import XCTest
@testable import ReportRunner

final class CrashReportTests: XCTestCase {
    /// A report as swift-backtrace 6.3 writes it for an index out of range in optimised code.
    private let sample = """
        *** Program crashed: Illegal instruction at 0x000055fe92c78ed9 ***

        Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))

        Thread 0 "experiment" crashed:

          0 [inlined] [system] 0x000055fe92c78ed9 specialized Array.subscript.getter in experiment at //<compiler-generated>
          1 [inlined]          0x000055fe92c78ed9 boom(_:_:) in experiment at experiments/x/Helpers.swift:1:43
          2                    0x000055fe92c78ed9 specialized static X.makeDocument(run:) + 217 in experiment at /abs/experiments/x/X.swift:6:9
          3 [ra] [system]      0x00007f1ec47816ff main + 28 in experiment at experiments/x/X.swift
        ...

        Backtrace took 0.01s
        """

    func testReadsTheReasonAndTheFrames() {
        let report = CrashReport(text: sample)
        XCTAssertEqual(report.reason, "Illegal instruction")
        XCTAssertEqual(report.innermostFunction, "Array.subscript.getter")
        XCTAssertEqual(report.frames.count, 4)
        XCTAssertEqual(report.frames[1], CrashReport.Frame(function: "boom(_:_:)", path: "experiments/x/Helpers.swift", line: 1, column: 43))
        XCTAssertEqual(report.frames[2], CrashReport.Frame(function: "static X.makeDocument(run:)", path: "/abs/experiments/x/X.swift", line: 6, column: 9))
        XCTAssertNil(report.frames[0].path, "compiler-generated frames have no place")
        XCTAssertTrue(report.backtrace.hasPrefix("  0 [inlined]"))
    }

    func testFindsTheFirstFrameInTheExperimentFolder() {
        let report = CrashReport(text: sample)
        XCTAssertEqual(report.firstFrame(under: URL(fileURLWithPath: "/abs/experiments/x"))?.line, 6)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        XCTAssertEqual(report.firstFrame(under: cwd.appendingPathComponent("experiments/x"))?.function, "boom(_:_:)")
        XCTAssertNil(report.firstFrame(under: URL(fileURLWithPath: "/elsewhere")))
    }

    func testRuntimeFailureHeadline() {
        let report = CrashReport(text: "*** Swift runtime failure: precondition failure ***\n\nThread 0 crashed:\n")
        XCTAssertEqual(report.reason, "Swift runtime failure: precondition failure")
        XCTAssertEqual(report.frames, [])
    }

    func testSignalsAreNamedAsCrashesOrStops() {
        XCTAssertEqual(SignalName.describe(SIGILL), "crashed (SIGILL: illegal instruction)")
        XCTAssertEqual(SignalName.describe(SIGTERM), "was stopped by SIGTERM (terminated), sent from outside")
        XCTAssertTrue(SignalName.describe(SIGKILL).contains("the kernel sends it when memory runs out"))
        XCTAssertEqual(Interrupted(signal: SIGINT).exitStatus, 130)
        XCTAssertEqual(Interrupted(signal: SIGTERM).exitStatus, 143)
    }
}
