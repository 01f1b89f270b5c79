import Foundation

/// What the preview knows now: whether a run is going on, how the last one ended, and which report is current.
///
/// Every change bumps ``Snapshot/version``; pages wait on ``waitForChange(after:timeout:)`` (a long poll) and
/// reload when ``Snapshot/reportGeneration`` moved, or update their status banner when only the status did.
public final class PreviewState: @unchecked Sendable {
    /// How the preview stands.
    public enum Status: Equatable, Sendable {
        /// A run is going on (the page shows the previous report meanwhile).
        case running
        /// The last run succeeded; the served report is its report.
        case ready
        /// The last run failed with this message; the served report, if any, is an older one.
        case failed(String)
    }

    /// One consistent reading of the state.
    public struct Snapshot: Equatable, Sendable {
        /// Bumped by every change.
        public var version: Int
        /// Bumped by every run that published a new report.
        public var reportGeneration: Int
        public var status: Status
    }

    private let lock = NSLock()
    private var current = Snapshot(version: 0, reportGeneration: 0, status: .running)

    public init() {}

    public var snapshot: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// A run starts.
    public func runStarted() {
        update { $0.status = .running }
    }

    /// A run published a new report.
    public func runSucceeded() {
        update {
            $0.status = .ready
            $0.reportGeneration += 1
        }
    }

    /// A run failed; `message` is what the page shows.
    public func runFailed(_ message: String) {
        update { $0.status = .failed(message) }
    }

    private func update(_ change: (inout Snapshot) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&current)
        current.version += 1
    }

    /// The snapshot as soon as its version differs from `version`, or after `timeout` seconds whatever it is.
    public func waitForChange(after version: Int, timeout: Double) async -> Snapshot {
        let deadline = Date().addingTimeInterval(timeout)
        // Twenty checks a second: a reload 50 ms late is not felt, and there is no waiter list to get wrong.
        while snapshot.version == version, Date() < deadline, !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
        return snapshot
    }
}
