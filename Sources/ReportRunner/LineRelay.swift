import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a child's output from a pipe on a thread of its own and hands it on line by line (without the newline).
///
/// The pipe is a plain pair of descriptors, so any way of starting the child can use it: give the child
/// ``writeDescriptor`` as its standard error (Foundation's `Process` through ``writeHandle``, `posix_spawn` with
/// `adddup2`), then call ``start()``. A last line without a newline is delivered when the pipe closes; invalid
/// UTF-8 is repaired, not dropped.
final class LineRelay: @unchecked Sendable {
    /// The end the child writes to.
    let writeDescriptor: Int32
    private let readDescriptor: Int32
    private let deliver: (String) -> Void
    private let done = DispatchSemaphore(value: 0)

    init(deliver: @escaping (String) -> Void) throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw ReportFailure("cannot make a pipe for a child's output: \(String(cString: strerror(errno)))") }
        // Neither end may leak into other children: only the one given it explicitly writes here.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        readDescriptor = ends[0]
        writeDescriptor = ends[1]
        self.deliver = deliver
    }

    /// ``writeDescriptor`` for Foundation's `Process` (which duplicates it into the child).
    var writeHandle: FileHandle { FileHandle(fileDescriptor: writeDescriptor, closeOnDealloc: false) }

    /// Starts reading; call once the child has started (it holds its own copy of the write end).
    func start() {
        // Ours must close, or the reader would never see the end of the pipe.
        close(writeDescriptor)
        let thread = Thread { [self] in
            var pending: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 16_384)
            while true {
                let count = read(readDescriptor, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                pending += buffer[0..<count]
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    deliver(String(decoding: pending[..<newline], as: UTF8.self))
                    pending.removeSubrange(...newline)
                }
            }
            if !pending.isEmpty { deliver(String(decoding: pending, as: UTF8.self)) }
            close(readDescriptor)
            done.signal()
        }
        thread.name = "report.output.relay"
        thread.start()
    }

    /// Waits until everything the child wrote has been delivered.
    func finish() {
        done.wait()
    }

    /// Closes both ends when the child could not be started (``start()`` was never called).
    func abandon() {
        close(writeDescriptor)
        close(readDescriptor)
    }
}
