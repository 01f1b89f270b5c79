import Foundation

/// Work started on another thread while the caller goes on (the compiler's version line, the code digest),
/// which the process waits for before it exits.
///
/// A process that calls `exit` while such a thread still runs tears down the runtime's locks under it: the
/// thread then crashes (SIGSEGV in `pthread_rwlock_rdlock`), and a `report run` that was exiting 1 with a
/// clear message dies of signal 11 instead (4 of 80 runs of a mistyped `--set`; none of 80 with the wait).
/// An `atexit` handler registered with the first piece of work waits for all of it; handlers run in reverse
/// order of registration, so it runs before the teardown registered when the libraries loaded.
public enum BackgroundWork {
    private static let group = DispatchGroup()
    private static let waitAtExit: Void = {
        atexit { BackgroundWork.group.wait() }
    }()

    /// Runs `body` on a global queue; the process does not exit until it has returned.
    public static func start(_ body: @escaping @Sendable () -> Void) {
        _ = waitAtExit
        DispatchQueue.global().async(group: group, execute: body)
    }
}
