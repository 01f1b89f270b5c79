import Foundation

/// Writes 8-bit RGB PNGs with a fast DEFLATE encoder (``DeflateEncoder``).
///
/// Cairo's own writer goes through libpng at zlib's default level with adaptive filtering, which took ~43 ms
/// of a 47 ms figure. Plots are mostly flat colour, so the "Up" filter (each byte minus the byte above) and a
/// greedy single-probe LZ77 with dynamic Huffman codes get most of the compression at a fraction of the time.
///
/// - Note: No tIME, tEXt or other metadata chunks are written, so equal pixels give equal files.
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
        let filtered = [UInt8](unsafeUninitializedCapacity: rowBytes * height) { output, initialized in
            initialized = rowBytes * height
            for row in 0..<height {
                let pixels = (xrgbPixels + row * stride).assumingMemoryBound(to: UInt32.self)
                let start = row * rowBytes
                if row == 0 {
                    output[start] = 0
                    for column in 0..<width {
                        let pixel = pixels[column]
                        output[start + 1 + 3 * column] = UInt8(truncatingIfNeeded: pixel >> 16)
                        output[start + 2 + 3 * column] = UInt8(truncatingIfNeeded: pixel >> 8)
                        output[start + 3 + 3 * column] = UInt8(truncatingIfNeeded: pixel)
                    }
                } else {
                    // Filter type 2 ("Up"): Filt(x) = Orig(x) − Orig(b), b the byte above, modulo 256.
                    output[start] = 2
                    let above = (xrgbPixels + (row - 1) * stride).assumingMemoryBound(to: UInt32.self)
                    for column in 0..<width {
                        let pixel = pixels[column]
                        let previous = above[column]
                        output[start + 1 + 3 * column] =
                            UInt8(truncatingIfNeeded: pixel >> 16) &- UInt8(truncatingIfNeeded: previous >> 16)
                        output[start + 2 + 3 * column] =
                            UInt8(truncatingIfNeeded: pixel >> 8) &- UInt8(truncatingIfNeeded: previous >> 8)
                        output[start + 3 + 3 * column] =
                            UInt8(truncatingIfNeeded: pixel) &- UInt8(truncatingIfNeeded: previous)
                    }
                }
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        header += [8, 2, 0, 0, 0]  // 8 bits per channel, truecolour, deflate, adaptive filtering, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", DeflateEncoder.zlibCompress(filtered), to: &png)
        appendChunk("IEND", [], to: &png)
        return Data(png)
    }

    private static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        appendBigEndian(UInt32(data.count), to: &png)
        let typeAndData = Array(type.utf8) + data
        png += typeAndData
        appendBigEndian(crc32(typeAndData), to: &png)
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320) as PNG chunks require.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
