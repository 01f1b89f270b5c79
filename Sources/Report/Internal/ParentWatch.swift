import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ends the experiment when the `report` that started it dies, even by SIGKILL, which leaves `report` no chance
/// to stop it: an orphaned experiment would train on and write a report nobody asked for.
///
/// `report run` names itself in `REPORT_PARENT_PID`; the experiment asks the kernel for SIGTERM when its parent
/// ends (`prctl(PR_SET_PDEATHSIG)`), then checks that the parent is still the one named, in case it died before
/// the request was made.
enum ParentWatch {
    /// The environment variable `report run` sets to its own process id.
    static let variable = "REPORT_PARENT_PID"

    static func stopWithParent() {
        #if os(Linux)
        guard let text = ProcessInfo.processInfo.environment[variable], let parent = Int32(text) else { return }
        // prctl is variadic in C, which Swift cannot call; its first two arguments are what matters here.
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(nil, "prctl") else { return }
        let prctl = unsafeBitCast(symbol, to: Prctl.self)
        let setParentDeathSignal: Int32 = 1
        _ = prctl(setParentDeathSignal, UInt(SIGTERM), 0, 0, 0)
        if getppid() != parent { exit(1) }
        #endif
    }
}
