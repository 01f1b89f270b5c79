import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write end of the pipe the signal handler writes to; a C signal handler cannot capture context.
nonisolated(unsafe) private var shutdownPipeWriteEnd: Int32 = -1
/// How many stop signals have arrived (written only by the handler, so a plain integer is safe).
nonisolated(unsafe) private var shutdownSignalCount: Int32 = 0

/// Waits for SIGINT (Ctrl-C) or SIGTERM and turns the first into an orderly stop of `report preview`.
///
/// Why a handler and not `SIG_IGN` plus a dispatch source: an ignored signal stays ignored across `exec`, so
/// every experiment preview starts would ignore SIGTERM too and could not be stopped. A handled signal is reset
/// to its default in the child. The handler only writes the signal number to a pipe (all a handler may safely
/// do); ``wait()`` reads it. A second signal (a user who does not want to wait) ends the process at once with 128 + its number.
final class ShutdownSignal: @unchecked Sendable {
    static let signals = [SIGINT, SIGTERM]
    private let readEnd: Int32
    private let writeEnd: Int32
    private var previousActions: [Int32: sigaction] = [:]

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw ReportPreviewError("cannot make a pipe for signals: \(String(cString: strerror(errno)))") }
        readEnd = ends[0]
        writeEnd = ends[1]
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        shutdownPipeWriteEnd = writeEnd
        for signalNumber in Self.signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                shutdownSignalCount += 1
                var byte = UInt8(truncatingIfNeeded: number)
                if shutdownSignalCount > 1 || write(shutdownPipeWriteEnd, &byte, 1) != 1 { _exit(128 + number) }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            var previous = sigaction()
            sigaction(signalNumber, &action, &previous)
            previousActions[signalNumber] = previous
        }
    }

    /// Blocks until the first signal arrives; returns its number. Later signals end the process.
    func wait() -> Int32 {
        var byte: UInt8 = 0
        while read(readEnd, &byte, 1) < 0, errno == EINTR {}
        return Int32(byte)
    }

    /// Wakes ``wait()`` as if SIGTERM had arrived (used when the preview must stop for another reason).
    func trigger() {
        var byte = UInt8(SIGTERM)
        _ = write(writeEnd, &byte, 1)
    }

    /// Puts the previous handlers back.
    func restore() {
        for (signalNumber, previous) in previousActions {
            var action = previous
            sigaction(signalNumber, &action, nil)
        }
        shutdownPipeWriteEnd = -1
        close(writeEnd)
        close(readEnd)
    }
}

/// A preview that cannot start (no free port, no pipe).
public struct ReportPreviewError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
