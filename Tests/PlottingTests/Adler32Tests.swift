import XCTest
@testable import Plotting

final class Adler32Tests: XCTestCase {
    /// The checksum straight from RFC 1950: A = 1 + Σ bytes, B = Σ of A after each byte, both mod 65521.
    private func definition(_ bytes: [UInt8], initial: UInt32 = 1) -> UInt32 {
        var a = initial & 0xFFFF, b = initial >> 16
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    private func checksum(_ bytes: [UInt8], initial: UInt32 = 1) -> UInt32 {
        bytes.withUnsafeBytes { Adler32.checksum($0, initial: initial) }
    }

    /// Reference value: Adler-32 of "Wikipedia" is 0x11E60398 (the worked example of the algorithm's article).
    func testKnownValue() {
        XCTAssertEqual(checksum(Array("Wikipedia".utf8)), 0x11E6_0398)
        XCTAssertEqual(checksum([]), 1)
    }

    /// Lengths around the 16-byte chunks and the 4096-chunk blocks, with random bytes and with all bytes 255
    /// (the largest sums the lanes must hold), agree with the definition.
    func testAgreesWithTheDefinition() {
        var state: UInt64 = 12345
        func nextByte() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        for length in [1, 15, 16, 17, 31, 33, 255, 4096 * 16 - 1, 4096 * 16, 4096 * 16 + 1, 3 * 4096 * 16 + 9, 200_003] {
            let random = (0..<length).map { _ in nextByte() }
            XCTAssertEqual(checksum(random), definition(random), "random, length \(length)")
            let full = [UInt8](repeating: 255, count: length)
            XCTAssertEqual(checksum(full), definition(full), "all 255, length \(length)")
        }
    }

    /// Continuing from the checksum of a first piece gives the checksum of the whole.
    func testContinuesFromAnEarlierChecksum() {
        let first = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let second = (0..<70_001).map { UInt8(truncatingIfNeeded: $0 * 13 + 5) }
        XCTAssertEqual(checksum(second, initial: checksum(first)), definition(first + second))
    }
}
