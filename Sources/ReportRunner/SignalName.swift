import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How `report` names a signal that ended a program, and whether it means a crash or a stop from outside.
///
/// A crash signal (SIGILL from a Swift runtime trap, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGTRAP, SIGSYS) is raised
/// by the program itself; any other (SIGTERM, SIGKILL from the out-of-memory killer, SIGINT, SIGHUP) was sent
/// to it, and saying "the program crashed" then would send the user looking for a bug that is not there.
public enum SignalName {
    static let crashSignals: Set<Int32> = [SIGILL, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGTRAP, SIGSYS]

    /// "SIGTERM", "SIGILL", or "signal 42" for a number without a usual name.
    public static func name(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV",
            SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU", SIGSYS: "SIGSYS",
        ]
        return names[signal] ?? "signal \(signal)"
    }

    /// Whether the program raised `signal` itself by crashing.
    public static func isCrash(_ signal: Int32) -> Bool { crashSignals.contains(signal) }

    /// "crashed (SIGILL: illegal instruction)" or "was stopped by SIGKILL from outside (…)".
    public static func describe(_ signal: Int32) -> String {
        let meaning = strsignal(signal).map { String(cString: $0).lowercased() } ?? "unknown signal"
        if isCrash(signal) { return "crashed (\(name(signal)): \(meaning))" }
        let hint = signal == SIGKILL ? "; the kernel sends it when memory runs out" : ""
        return "was stopped by \(name(signal)) (\(meaning)), sent from outside\(hint)"
    }
}
