import Foundation
import Report
#if canImport(Glibc)
import Glibc
#endif

/// `report`'s end of the ``ProgressChannel``: a datagram socket that receives the experiment's events on a thread
/// of its own and hands each to `deliver`.
public final class ProgressListener: @unchecked Sendable {
    /// The socket's name, for ``ProgressChannel/environmentVariable``.
    public let name: String
    private let socketDescriptor: Int32
    private let deliver: (ProgressEvent) -> Void
    private let stopped = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var isStopping = false

    /// Binds a fresh abstract socket and starts receiving.
    /// - Throws: ``ReportFailure`` when the socket cannot be made (the run then goes on without progress).
    public init(deliver: @escaping (ProgressEvent) -> Void) throws {
        let name = "@report-progress-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        guard let (address, length) = ProgressChannel.socketAddress(name) else {
            throw ReportFailure("cannot name the progress socket \(name)")
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ReportFailure("cannot open a progress socket: \(String(cString: strerror(errno)))") }
        var bound = address
        let result = withUnsafePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard result == 0 else {
            close(descriptor)
            throw ReportFailure("cannot bind the progress socket: \(String(cString: strerror(errno)))")
        }
        self.name = name
        self.socketDescriptor = descriptor
        self.deliver = deliver
        let thread = Thread { [self] in receiveLoop() }
        thread.name = "report.progress.listener"
        thread.start()
    }

    /// Delivers what is still queued, stops the thread and closes the socket; call after the experiment exited.
    public func stop() {
        lock.lock()
        let alreadyStopping = isStopping
        isStopping = true
        lock.unlock()
        guard !alreadyStopping else { return }
        stopped.wait()
        close(socketDescriptor)
    }

    private var shouldStop: Bool {
        lock.lock()
        defer { lock.unlock() }
        return isStopping
    }

    private func receiveLoop() {
        let decoder = JSONDecoder()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            // Wake every 50 ms to notice `stop()`; once stopping, drain without waiting and leave.
            let stopping = shouldStop
            var poller = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, stopping ? 0 : 50)
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { recv(socketDescriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                if count > 0, let event = try? decoder.decode(ProgressEvent.self, from: Data(buffer[0..<count])) {
                    deliver(event)
                }
                continue
            }
            if ready < 0, errno == EINTR { continue }
            if stopping { break }
        }
        stopped.signal()
    }
}
