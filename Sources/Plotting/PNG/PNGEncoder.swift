internal import CZlib
import Foundation

/// Writes 8-bit RGB PNGs with a fast DEFLATE encoder (``DeflateEncoder``) and zlib's CRC-32.
///
/// Cairo's own writer goes through libpng at zlib's default level with adaptive filtering, which took ~43 ms
/// of a 47 ms figure. Plots are mostly flat colour, so the "Up" filter (each byte minus the byte above) and a
/// greedy single-probe LZ77 with dynamic Huffman codes get most of the compression at a fraction of the time.
///
/// - Note: Per-row adaptive filtering was measured on the benchmark figures and not adopted: choosing Up or
///   Sub per row (minimum sum of absolute differences) leaves 20 % fewer non-zero bytes than Up alone but
///   only 3 % smaller zlib output, for a second filter pass over every row; Paeth alone compresses worse.
///   No tIME, tEXt or other metadata chunks are written, so equal pixels give equal files.
enum PNGEncoder {
    /// Encodes 32-bit pixels 0x??RRGGBB (native-endian words; the top byte is ignored) as an RGB PNG.
    ///
    /// - Parameters:
    ///   - xrgbPixels: The first pixel of the top row.
    ///   - width: Pixels per row.
    ///   - height: Rows.
    ///   - stride: Bytes from one row to the next.
    /// - Returns: The PNG file.
    static func encodeRGB(xrgbPixels: UnsafeRawPointer, width: Int, height: Int, stride: Int) -> Data {
        let rowBytes = 1 + 3 * width
        // Large images are filtered and compressed in two halves on two threads (see `DeflateEncoder`).
        let partCount = rowBytes * height > 1 << 18 ? 2 : 1
        let rowBoundaries = (0...partCount).map { height * $0 / partCount }
        let outputOffsets = (0...partCount).map { part in
            (0..<part).reduce(0) { offset, earlier in
                offset + DeflateEncoder.maximumOutputCount(
                    inputCount: rowBytes * (rowBoundaries[earlier + 1] - rowBoundaries[earlier]))
            }
        }
        final class Parts: @unchecked Sendable {
            var parts: [DeflateEncoder.CompressedPart?]
            init(count: Int) { parts = Array(repeating: nil, count: count) }
        }
        // The filtered rows and the compressed parts live in reused buffers (see `ScratchMemory`); the file
        // is assembled from them in one pass.
        return ScratchMemory.shared.withBuffer(byteCount: rowBytes * height) { filtered in
            ScratchMemory.shared.withBuffer(byteCount: outputOffsets[partCount]) { compressed in
                let results = Parts(count: partCount)
                let lock = NSLock()
                DispatchQueue.concurrentPerform(iterations: partCount) { part in
                    let rows = rowBoundaries[part]..<rowBoundaries[part + 1]
                    let input = filtered.baseAddress!.bindMemory(to: UInt8.self, capacity: rowBytes * height)
                        + rows.lowerBound * rowBytes
                    // Each row's checksum is taken as soon as it is filtered, while it is still in the cache;
                    // read back after the whole half, the rows came from main memory.
                    var checksum: UInt32 = 1
                    for row in rows {
                        let filteredRow = input + (row - rows.lowerBound) * rowBytes
                        filterRow(row, of: xrgbPixels, width: width, stride: stride, into: filteredRow)
                        checksum = Adler32.checksum(UnsafeRawBufferPointer(start: filteredRow, count: rowBytes),
                                                    initial: checksum)
                    }
                    let output = UnsafeMutableRawBufferPointer(
                        rebasing: compressed[outputOffsets[part]..<outputOffsets[part + 1]])
                    let byteCount = DeflateEncoder.compressPart(
                        UnsafeBufferPointer(start: input, count: rowBytes * rows.count), final: part == partCount - 1,
                        into: output)
                    let result = DeflateEncoder.CompressedPart(byteCount: byteCount, checksum: checksum,
                                                               inputLength: rowBytes * rows.count)
                    lock.lock()
                    results.parts[part] = result
                    lock.unlock()
                }
                let parts = results.parts.map { $0! }
                var header: [UInt8] = []
                appendBigEndian(UInt32(width), to: &header)
                appendBigEndian(UInt32(height), to: &header)
                header += [8, 2, 0, 0, 0]  // 8 bits per channel, truecolour, deflate, adaptive filtering, no interlace
                var trailer: [UInt8] = []
                appendBigEndian(DeflateEncoder.combinedChecksum(parts), to: &trailer)
                // Signature, IHDR, IDAT around the zlib stream (header, parts, checksum), IEND.
                var png = Data(capacity: 8 + 25 + 12 + parts.reduce(6) { $0 + $1.byteCount } + 12)
                png.append(contentsOf: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
                header.withUnsafeBytes { appendChunk("IHDR", [$0], to: &png) }
                DeflateEncoder.zlibHeader.withUnsafeBytes { zlibHeader in
                    trailer.withUnsafeBytes { trailer in
                        let pieces = [zlibHeader]
                            + parts.indices.map { part in
                                UnsafeRawBufferPointer(rebasing: compressed[outputOffsets[part]...]
                                    .prefix(parts[part].byteCount))
                            }
                            + [trailer]
                        appendChunk("IDAT", pieces, to: &png)
                    }
                }
                appendChunk("IEND", [], to: &png)
                return png
            }
        }
    }

    /// Writes one filtered scanline: the filter type byte, then R, G, B per pixel.
    ///
    /// Row 0 uses filter 0 (None). Every other row uses filter 2 ("Up"): Filt(x) = Orig(x) − Orig(b), b the
    /// byte above, modulo 256, computed for all four bytes of a pixel at once without borrows crossing bytes:
    /// ((a | 0x80808080) − (b & 0x7F7F7F7F)) ^ ((a ^ ~b) & 0x80808080).
    ///
    /// - Note: The pixel words are read as native-endian 0xXXRRGGBB (Cairo's RGB24 layout) and their bytes
    ///   as B, G, R, X, which assumes a little-endian machine, as x86-64 and arm64 are.
    @inline(__always)
    private static func filterRow(_ row: Int, of pixels: UnsafeRawPointer, width: Int, stride: Int,
                                  into output: UnsafeMutablePointer<UInt8>) {
        let current = (pixels + row * stride).assumingMemoryBound(to: UInt32.self)
        output[0] = row == 0 ? 0 : 2
        var destination = output + 1
        if row == 0 {
            for column in 0..<width {
                let pixel = current[column]
                destination[0] = UInt8(truncatingIfNeeded: pixel >> 16)
                destination[1] = UInt8(truncatingIfNeeded: pixel >> 8)
                destination[2] = UInt8(truncatingIfNeeded: pixel)
                destination += 3
            }
            return
        }
        let above = (pixels + (row - 1) * stride).assumingMemoryBound(to: UInt32.self)
        @inline(__always) func difference(_ column: Int) -> UInt32 {
            let a = current[column]
            let b = above[column]
            // Byte-swapped and shifted, the difference 0x00RRGGBB becomes the little-endian bytes R, G, B, 0.
            return ((((a | 0x8080_8080) &- (b & 0x7F7F_7F7F)) ^ ((a ^ ~b) & 0x8080_8080)).byteSwapped) >> 8
        }
        var column = 0
        // Four pixels at a time as sixteen bytes B, G, R, X: subtract bytewise, pick R, G, B of each pixel
        // (a byte shuffle), store sixteen bytes of which the last four are overwritten by the next group.
        // The last group of a row goes through the word path below so that nothing is written past the row.
        while column + 8 <= width {
            let a = UnsafeRawPointer(current + column).loadUnaligned(as: SIMD16<UInt8>.self)
            let b = UnsafeRawPointer(above + column).loadUnaligned(as: SIMD16<UInt8>.self)
            let d = a &- b
            // Most groups of a plot equal the row above (the X bytes aside): their twelve bytes are zero,
            // and the byte shuffle, the costly part, is skipped.
            let words = unsafeBitCast(d, to: SIMD2<UInt64>.self)
            if (words[0] | words[1]) & 0x00FF_FFFF_00FF_FFFF == 0 {
                UnsafeMutableRawPointer(destination).storeBytes(of: SIMD16<UInt8>(), as: SIMD16<UInt8>.self)
            } else {
                let rgb = SIMD16<UInt8>(d[2], d[1], d[0], d[6], d[5], d[4], d[10], d[9], d[8], d[14], d[13], d[12],
                                        0, 0, 0, 0)
                UnsafeMutableRawPointer(destination).storeBytes(of: rgb, as: SIMD16<UInt8>.self)
            }
            destination += 12
            column += 4
        }
        // Four pixels make twelve bytes, written as three 32-bit words.
        while column < width {
            let rgb = difference(column)
            destination[0] = UInt8(truncatingIfNeeded: rgb)
            destination[1] = UInt8(truncatingIfNeeded: rgb >> 8)
            destination[2] = UInt8(truncatingIfNeeded: rgb >> 16)
            destination += 3
            column += 1
        }
    }

    private static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// Appends a chunk whose data is the concatenation of `pieces`: length, type, data, CRC-32 of type and data.
    private static func appendChunk(_ type: String, _ pieces: [UnsafeRawBufferPointer], to png: inout Data) {
        var length: [UInt8] = []
        appendBigEndian(UInt32(pieces.reduce(0) { $0 + $1.count }), to: &length)
        png.append(contentsOf: length)
        let typeBytes = Array(type.utf8)
        png.append(contentsOf: typeBytes)
        var checksum = typeBytes.withUnsafeBytes { crc32($0) }
        for piece in pieces {
            png.append(contentsOf: piece)
            checksum = crc32(piece, continuing: checksum)
        }
        var crc: [UInt8] = []
        appendBigEndian(checksum, to: &crc)
        png.append(contentsOf: crc)
    }

    /// CRC-32 (ISO-HDLC, as PNG chunks require), computed by zlib.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { crc32($0) }
    }

    /// The CRC-32 of the bytes before `bytes` (checksum `previous`, 0 for none) followed by `bytes`.
    private static func crc32(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return previous }
        return UInt32(truncatingIfNeeded: CZlib.crc32(UInt(previous), base.assumingMemoryBound(to: UInt8.self),
                                                      UInt32(bytes.count)))
    }
}
