import XCTest
@testable import Plotting

final class PNGEncoderTests: XCTestCase {
    /// Reference value: CRC-32 of "123456789" is 0xCBF43926 (the standard check value).
    func testChunkChecksumMatchesKnownValue() {
        XCTAssertEqual(PNGEncoder.crc32(Array("123456789".utf8)), 0xCBF4_3926)
    }

    /// An image large enough to be compressed in two strips on two threads encodes to the same bytes every time.
    func testLargeImagesEncodeIdenticallyRunToRun() {
        let image = RasterImage(width: 800, height: 600, pixels: (0..<(800 * 600)).map { index in
            UInt32(truncatingIfNeeded: (index % 800) * 2654435761 >> 7) | 0xFF00_0000
        })
        let first = image.pngData()
        for _ in 0..<3 { XCTAssertEqual(image.pngData(), first) }
    }

    /// Images decoded by Cairo's PNG reader (libpng and zlib, independent of our encoder) come back unchanged:
    /// a flat image, a noisy one (incompressible literals) and one large enough to be compressed in two parts.
    func testEncodedImagesDecodeToTheSamePixels() throws {
        var state: UInt64 = 1
        func random() -> UInt32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32(truncatingIfNeeded: state >> 33)
        }
        let flat = RasterImage(width: 37, height: 11, pixels: Array(repeating: 0xFF33_6699, count: 37 * 11))
        let noisy = RasterImage(width: 64, height: 48, pixels: (0..<(64 * 48)).map { _ in random() | 0xFF00_0000 })
        let large = RasterImage(width: 400, height: 300, pixels: (0..<(400 * 300)).map { index in
            index % 400 < 200 ? 0xFFFF_FFFF : (random() & 0x0003_0303) | 0xFF40_8020
        })
        for image in [flat, noisy, large] {
            let decoded = try RasterImage(pngData: image.pngData())
            XCTAssertEqual(decoded, image)
        }
    }

    func testFlatImagesCompressWell() {
        let white = RasterImage(width: 1600, height: 1000, pixels: Array(repeating: 0xFFFF_FFFF, count: 1_600_000))
        XCTAssertLessThan(white.pngData().count, 40_000)
    }

    func testNoMetadataChunks() {
        let image = RasterImage(width: 4, height: 4, pixels: Array(repeating: 0xFF00_0000, count: 16))
        let bytes = [UInt8](image.pngData())
        var chunks: [String] = []
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            chunks.append(String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self))
            offset += 12 + length
        }
        XCTAssertEqual(chunks, ["IHDR", "IDAT", "IEND"])
    }
}
