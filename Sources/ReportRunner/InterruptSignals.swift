import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT, SIGTERM and SIGHUP sent to `report`, turned from "die at once" into a request that
/// ``CommandRunner`` and ``ExperimentRunner`` honour: stop the child's process group, remove the staging
/// folder, then exit with the usual status (128 + the signal: 130 after Ctrl-C, 143 after SIGTERM).
///
/// Why not the default action: the experiment runs in its own process group (so a terminal's Ctrl-C does not
/// reach it behind `report`'s back), and `report` dying outright would leave it training as an orphan and
/// its staging folder behind. The handler only records the signal and writes one byte to a pipe, the two
/// things a signal handler may safely do; ``CommandRunner`` polls that pipe while it waits for a child.
public enum InterruptSignals {
    /// The signals `report` turns into a clean stop.
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers once; later calls do nothing.
    public static func install() {
        guard !installed else { return }
        installed = true
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        wakeReadDescriptor = descriptors[0]
        wakeWriteDescriptor = descriptors[1]
        for signalNumber in handled {
            // A signal someone else handles (`report preview` has its own shutdown) or ignores (`nohup`) is
            // left to them.
            var current = sigaction()
            sigaction(signalNumber, nil, &current)
            guard current.__sigaction_handler.sa_handler == nil else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signalNumber in
                interruptRecord.append(signalNumber)
                if wakeWriteDescriptor >= 0 {
                    var byte: UInt8 = 1
                    _ = write(wakeWriteDescriptor, &byte, 1)
                }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signalNumber, &action, nil)
        }
    }

    /// The first signal received since start-up, if any.
    public static var received: Int32? { interruptRecord.first }
    /// How many signals arrived (a second Ctrl-C escalates from SIGTERM to SIGKILL).
    static var count: Int { interruptRecord.count }

    /// The descriptor that becomes readable when a signal arrives (-1 before ``install()``).
    static var wakeDescriptor: Int32 { wakeReadDescriptor }

    /// Empties the wake-up pipe after a poll returned because of it.
    static func drainWakeups() {
        guard wakeReadDescriptor >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeReadDescriptor, &buffer, buffer.count) > 0 {}
    }

    /// Throws ``Interrupted`` when a signal has arrived, so a stage that is about to start does not.
    public static func checkpoint() throws {
        if let signal = received { throw Interrupted(signal: signal) }
    }

    private static var installed = false
}

/// `report` was asked to stop by a signal; the command exits with ``exitStatus``.
public struct Interrupted: Error, CustomStringConvertible {
    public let signal: Int32
    /// 128 + the signal number, as shells report a program a signal ended (130 for SIGINT, 143 for SIGTERM).
    public var exitStatus: Int32 { 128 + signal }
    public var description: String { "interrupted by \(SignalName.name(signal))" }
}

// Written only by the signal handler, read by the main thread: a handler can capture no context, so these
// live at file scope. A few signals at most ever arrive, so the array never reallocates in practice.
nonisolated(unsafe) private var interruptRecord = InterruptRecord()
nonisolated(unsafe) private var wakeReadDescriptor: Int32 = -1
nonisolated(unsafe) private var wakeWriteDescriptor: Int32 = -1

/// A fixed-size record of received signals: appending allocates nothing, so it is safe in a handler.
private struct InterruptRecord {
    private var signals: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
    private(set) var count = 0

    mutating func append(_ signal: Int32) {
        switch count {
        case 0: signals.0 = signal
        case 1: signals.1 = signal
        case 2: signals.2 = signal
        case 3: signals.3 = signal
        default: break
        }
        count += 1
    }

    var first: Int32? { count > 0 ? signals.0 : nil }
}
