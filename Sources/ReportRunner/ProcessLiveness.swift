import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether a process id still belongs to a running `report`, so that a later run can tell the staging and
/// temporary folders of a `report` that was killed outright (SIGKILL leaves no chance to clean up) from those
/// of one that is still working.
enum ProcessLiveness {
    /// True when `pid` runs the same executable as this process; also true when that cannot be checked, so a
    /// live run's folders are never removed on a guess.
    static func isReportRunning(_ pid: Int32) -> Bool {
        if pid == getpid() { return true }
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        let ours = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        guard let theirs = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe") else {
            // Exists but is not ours to inspect, or has just ended.
            return kill(pid, 0) == 0 || errno == EPERM
        }
        return theirs == ours
    }
}
