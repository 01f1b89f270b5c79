import Foundation

/// Reads a child's output from a pipe on a thread of its own and hands it on line by line (without the newline).
///
/// A last line without a newline is delivered when the pipe closes; invalid UTF-8 is repaired, not dropped.
final class LineRelay: @unchecked Sendable {
    let pipe = Pipe()
    private let deliver: (String) -> Void
    private let done = DispatchSemaphore(value: 0)

    init(deliver: @escaping (String) -> Void) {
        self.deliver = deliver
    }

    /// Starts reading; call after the child has started (it holds the write end).
    func start() {
        // The child has its own copy of the write end; ours must close, or the read never sees the end.
        try? pipe.fileHandleForWriting.close()
        let reader = pipe.fileHandleForReading
        let thread = Thread { [self] in
            var pending = Data()
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    deliver(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending.removeSubrange(pending.startIndex...newline)
                }
            }
            if !pending.isEmpty { deliver(String(decoding: pending, as: UTF8.self)) }
            done.signal()
        }
        thread.name = "report.output.relay"
        thread.start()
    }

    /// Waits until everything the child wrote has been delivered.
    func finish() {
        done.wait()
        try? pipe.fileHandleForReading.close()
    }
}
