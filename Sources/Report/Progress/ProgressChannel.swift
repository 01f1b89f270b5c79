import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one-way channel from a compiled experiment to the `report` that started it: a Unix datagram socket whose
/// name `report` puts in the environment variable `REPORT_PROGRESS_SOCKET`, one JSON ``ProgressEvent`` per
/// datagram.
///
/// Why a datagram socket and not an inherited pipe: Foundation's `Process` closes every descriptor above 2 in
/// the child, so a pipe cannot be handed down; a socket is found by name instead. On Linux the name is in the
/// abstract namespace (written `@name`), so there is no file to create or to leave behind when `report` is
/// killed; any other value is a socket file path. Datagrams keep the events whole and in order, and the
/// sender never blocks for long: when nobody listens, sending fails at once and progress is silently dropped,
/// because progress must never slow or break a run.
public final class ProgressChannel: @unchecked Sendable {
    /// The environment variable that names the socket.
    public static let environmentVariable = "REPORT_PROGRESS_SOCKET"

    private let socketDescriptor: Int32
    private var address: sockaddr_un
    private let addressLength: socklen_t
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// The channel named in `environment`, or `nil` when the variable is unset (the experiment was started by
    /// hand) or the socket cannot be made.
    public convenience init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let name = environment[Self.environmentVariable], !name.isEmpty else { return nil }
        self.init(name: name)
    }

    /// A sender to the socket called `name` (`@abstract-name` or a path).
    public init?(name: String) {
        guard let (address, length) = Self.socketAddress(name) else { return nil }
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        // A full receive queue (report stalled) must not stall training for more than a moment.
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        self.socketDescriptor = descriptor
        self.address = address
        self.addressLength = length
    }

    deinit {
        close(socketDescriptor)
    }

    /// Sends `event`; returns whether it left (it is dropped when `report` no longer listens).
    @discardableResult
    public func send(_ event: ProgressEvent) -> Bool {
        guard let data = try? encoder.encode(event) else { return false }
        let sent = data.withUnsafeBytes { bytes in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    sendto(socketDescriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, addressLength)
                }
            }
        }
        return sent == data.count
    }

    /// The `sockaddr_un` for `name`: `@x` is the abstract name `x` (Linux), anything else a file path.
    /// Returns `nil` when the name does not fit (108 bytes).
    public static func socketAddress(_ name: String) -> (sockaddr_un, socklen_t)? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(name.utf8)
        let isAbstract = bytes.first == UInt8(ascii: "@")
        if isAbstract { bytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { path in
            for (index, byte) in bytes.enumerated() { path[index] = byte }
        }
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)!
        // An abstract name is exactly its bytes (no terminating zero); a path ends with one.
        let length = pathOffset + bytes.count + (isAbstract ? 0 : 1)
        return (address, socklen_t(length))
    }
}
