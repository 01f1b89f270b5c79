import Foundation

/// Large working buffers kept from one render to the next: the pixels a figure is drawn into, the filtered
/// rows of a PNG and the encoder's tables.
///
/// A buffer of megabytes freshly taken from the system costs a page fault and a zeroed page for every 4 KiB
/// the first time it is written: about 2,000 faults, a tenth of the CPU time, for each 1600 × 1000 figure
/// when every render allocated its own. Returned buffers are kept (at most ``retainedLimit`` bytes in all)
/// and handed out again, already mapped.
///
/// - Note: A buffer comes back with whatever the previous user left in it; callers overwrite or clear what
///   they read. Thread-safe: the two bands and the two PNG halves of a figure take buffers at the same time.
final class ScratchMemory: @unchecked Sendable {
    static let shared = ScratchMemory()

    /// Bytes kept between uses; more is given back to the system (about three large figures' worth).
    static let retainedLimit = 48 << 20

    private var free: [UnsafeMutableRawBufferPointer] = []
    private let lock = NSLock()

    /// Runs `body` with a buffer of at least `byteCount` bytes (aligned to 64 bytes, contents unspecified)
    /// that stays valid until `body` returns.
    ///
    /// - Parameters:
    ///   - byteCount: The bytes needed.
    ///   - body: Uses the buffer; it must not keep it.
    /// - Returns: What `body` returns.
    func withBuffer<Result>(byteCount: Int,
                            _ body: (UnsafeMutableRawBufferPointer) throws -> Result) rethrows -> Result {
        let buffer = take(byteCount: max(byteCount, 1))
        defer { give(buffer) }
        return try body(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<byteCount]))
    }

    /// The smallest kept buffer that is large enough, else a new one.
    private func take(byteCount: Int) -> UnsafeMutableRawBufferPointer {
        lock.lock()
        let fitting = free.indices.filter { free[$0].count >= byteCount }.min { free[$0].count < free[$1].count }
        let buffer = fitting.map { free.remove(at: $0) }
        lock.unlock()
        return buffer ?? .allocate(byteCount: byteCount, alignment: 64)
    }

    /// Keeps `buffer` for later, giving back the largest kept buffers while the total is over the limit
    /// (an unusually large figure's buffers go; the common sizes stay).
    private func give(_ buffer: UnsafeMutableRawBufferPointer) {
        lock.lock()
        free.append(buffer)
        free.sort { $0.count < $1.count }
        var total = free.reduce(0) { $0 + $1.count }
        var released: [UnsafeMutableRawBufferPointer] = []
        while total > Self.retainedLimit, let largest = free.popLast() {
            total -= largest.count
            released.append(largest)
        }
        lock.unlock()
        for buffer in released { buffer.deallocate() }
    }
}
