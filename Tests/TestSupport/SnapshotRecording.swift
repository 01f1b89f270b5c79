import Foundation

/// When image references and text goldens may be (re)written: the one rule of every snapshot helper here.
///
/// As in swift-snapshot-testing, a test records only when asked. With `REPORT_RECORD_SNAPSHOTS=1` in the
/// environment every snapshot assertion writes what it produced as the new reference and fails, so that a
/// recording is never mistaken for a pass and a person reviews it before it counts. Without it a missing or
/// differing reference fails and nothing is written beside the tests (differences go to the temporary folder).
public enum SnapshotRecording {
    /// The environment variable that turns recording on.
    public static let environmentVariable = "REPORT_RECORD_SNAPSHOTS"

    /// Whether this test run records new references.
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment[environmentVariable] == "1"
    }

    /// The advice printed with a missing reference.
    static func howToRecord(_ name: String) -> String {
        "missing reference \(name); run the test with \(environmentVariable)=1 to record it, then review it"
    }

    /// The message of the deliberate failure after recording.
    static func recorded(_ name: String) -> String {
        "recorded \(name) (\(environmentVariable)=1): review it, then run the tests again without the variable"
    }
}
