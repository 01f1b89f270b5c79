import XCTest
@testable import Plotting

final class ScratchMemoryTests: XCTestCase {
    /// A returned buffer is handed out again for a request it can hold (the smallest that fits), and never to
    /// two users at once.
    func testBuffersAreReusedButNotShared() {
        let memory = ScratchMemory()
        let first = memory.withBuffer(byteCount: 1000) { buffer -> UnsafeMutableRawPointer? in
            XCTAssertEqual(buffer.count, 1000)
            let nested = memory.withBuffer(byteCount: 2000) { $0.baseAddress }
            XCTAssertNotEqual(nested, buffer.baseAddress)
            return buffer.baseAddress
        }
        XCTAssertEqual(memory.withBuffer(byteCount: 500) { $0.baseAddress }, first)
    }
}
