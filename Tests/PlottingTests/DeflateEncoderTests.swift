import CZlib
import XCTest
@testable import Plotting

final class DeflateEncoderTests: XCTestCase {
    /// Compresses `parts` of `input` as the PNG encoder does and inflates the stream with zlib's `uncompress`,
    /// an independent decoder that also checks the Adler-32 trailer.
    private func roundTrip(_ input: [UInt8], splitAt split: Int? = nil, file: StaticString = #filePath,
                           line: UInt = #line) {
        let boundaries = split.map { [0, $0, input.count] } ?? [0, input.count]
        var stream = DeflateEncoder.zlibHeader
        var parts: [DeflateEncoder.CompressedPart] = []
        input.withUnsafeBufferPointer { bytes in
            for index in 0..<(boundaries.count - 1) {
                let piece = UnsafeBufferPointer(rebasing: bytes[boundaries[index]..<boundaries[index + 1]])
                let capacity = DeflateEncoder.maximumOutputCount(inputCount: piece.count)
                let output = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
                defer { output.deallocate() }
                let count = DeflateEncoder.compressPart(piece, final: index == boundaries.count - 2, into: output)
                stream += output.prefix(count)
                parts.append(DeflateEncoder.CompressedPart(
                    byteCount: count, checksum: Adler32.checksum(UnsafeRawBufferPointer(piece)),
                    inputLength: piece.count))
            }
        }
        let checksum = DeflateEncoder.combinedChecksum(parts)
        stream += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: checksum >> $0) }
        var decoded = [UInt8](repeating: 0, count: input.count + 1)
        var decodedCount = UInt(decoded.count)
        let status = decoded.withUnsafeMutableBufferPointer { output in
            stream.withUnsafeBufferPointer { compressed in
                uncompress(output.baseAddress, &decodedCount, compressed.baseAddress, UInt(compressed.count))
            }
        }
        XCTAssertEqual(status, Z_OK, "zlib status", file: file, line: line)
        XCTAssertEqual(Array(decoded.prefix(Int(decodedCount))), input, file: file, line: line)
    }

    private func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    func testEmptyAndTinyInputs() {
        roundTrip([])
        roundTrip([7])
        roundTrip([1, 2, 3])
        roundTrip([9, 9, 9, 9, 9])
    }

    /// A run far longer than the longest match (258): matches at distance 1 back to back.
    func testLongRun() {
        roundTrip([UInt8](repeating: 0, count: 100_000))
    }

    /// Random bytes give almost only literals, more than one block's worth (32,768 tokens), with all 256
    /// byte values and, here and there, short matches.
    func testIncompressibleInputSpansSeveralBlocks() {
        roundTrip(randomBytes(100_000, seed: 3))
    }

    /// Repeats at every distance class up to the 32 KiB window, and lengths of every length class.
    func testMatchesAtAllDistancesAndLengths() {
        let block = randomBytes(40_000, seed: 5)
        var input: [UInt8] = []
        for (distance, length) in [(1, 3), (4, 9), (17, 40), (300, 131), (513, 258), (4_097, 200), (32_768, 258)] {
            input += block.prefix(max(distance, 1))
            input += input.suffix(distance).prefix(length)
        }
        roundTrip(input + block)
    }

    /// Two parts compressed separately and joined, as the PNG encoder's two threads do.
    func testPartsJoinIntoOneStream() {
        let input = [UInt8](repeating: 0x55, count: 5_000) + randomBytes(50_000, seed: 11)
            + [UInt8](repeating: 0, count: 20_000)
        roundTrip(input, splitAt: 30_000)
        roundTrip(input, splitAt: 0)
    }

    /// Frequencies growing like the Fibonacci numbers make the unlimited Huffman tree as deep as there are
    /// symbols; the limited code must respect the limit and still be complete (Kraft sum exactly 1), and a
    /// more frequent symbol never gets a longer code.
    func testHuffmanLengthsAreLimitedAndComplete() {
        var frequencies = [1, 1]
        while frequencies.count < 30 { frequencies.append(frequencies[frequencies.count - 1] + frequencies[frequencies.count - 2]) }
        for limit in [7, 15] {
            let lengths = HuffmanCode.lengths(frequencies: frequencies, limit: limit)
            XCTAssertLessThanOrEqual(lengths.max()!, limit)
            XCTAssertEqual(lengths.reduce(0) { $0 + 1 << (limit - $1) }, 1 << limit, "Kraft sum")
            for a in frequencies.indices {
                for b in frequencies.indices where frequencies[a] > frequencies[b] {
                    XCTAssertLessThanOrEqual(lengths[a], lengths[b])
                }
            }
        }
    }

    /// Without the limit biting, the lengths are those of the Huffman tree: frequencies 1, 1, 2, 4 give
    /// codes of 3, 3, 2 and 1 bits.
    func testHuffmanLengthsOfASmallTree() {
        XCTAssertEqual(HuffmanCode.lengths(frequencies: [1, 1, 2, 4, 0], limit: 15), [3, 3, 2, 1, 0])
    }
}
