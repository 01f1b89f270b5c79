import Foundation

/// The programs `report` has started and not yet seen end, so that a shutdown can stop them all.
///
/// `report preview` calls ``terminateAll()`` when it is interrupted: every running child gets SIGTERM, and from
/// then on ``launch(_:)`` refuses to start anything, so a re-run in progress fails at once, discards its staging
/// folder, and no program outlives `report`.
public enum RunningChildren {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var processes: [ObjectIdentifier: Process] = [:]
    nonisolated(unsafe) private static var isTerminating = false

    /// Starts `process` and records it, unless a shutdown has begun.
    static func launch(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !isTerminating else { throw ReportFailure("stopped before starting \(process.executableURL?.lastPathComponent ?? "a program")") }
        try process.run()
        processes[ObjectIdentifier(process)] = process
    }

    /// Forgets `process` once it has ended.
    static func remove(_ process: Process) {
        lock.lock()
        defer { lock.unlock() }
        processes[ObjectIdentifier(process)] = nil
    }

    /// Sends SIGTERM to every running child and refuses new ones from now on.
    public static func terminateAll() {
        lock.lock()
        defer { lock.unlock() }
        isTerminating = true
        for process in processes.values where process.isRunning {
            kill(process.processIdentifier, SIGTERM)
        }
    }

    /// How many children are running now.
    public static var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return processes.count
    }
}
