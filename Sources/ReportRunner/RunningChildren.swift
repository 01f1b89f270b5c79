import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The programs `report` has started and not yet seen end, so that a shutdown can stop them all.
///
/// `report preview` calls ``terminateAll()`` when it is interrupted: every running child's process group gets
/// SIGTERM, and from then on ``launch(_:)`` refuses to start anything, so a re-run in progress fails at once,
/// discards its staging folder, and no program outlives `report`. (Children run in process groups of their own,
/// see ``CommandRunner``, so the group takes whatever the child started along.)
public enum RunningChildren {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var processes: Set<pid_t> = []
    nonisolated(unsafe) private static var isTerminating = false

    /// Starts a process with `start` (which returns its id) and records it, unless a shutdown has begun.
    static func launch(_ start: () throws -> pid_t) throws -> pid_t {
        lock.lock()
        defer { lock.unlock() }
        guard !isTerminating else { throw ReportFailure("stopped before starting a program: report is shutting down") }
        let process = try start()
        processes.insert(process)
        return process
    }

    /// Forgets `process` once it has ended.
    static func remove(_ process: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        processes.remove(process)
    }

    /// Sends SIGTERM to every running child's process group and refuses new children from now on.
    public static func terminateAll() {
        lock.lock()
        defer { lock.unlock() }
        isTerminating = true
        for process in processes {
            kill(-process, SIGTERM)
        }
    }

    /// How many children are running now.
    public static var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return processes.count
    }
}
