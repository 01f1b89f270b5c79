import Foundation

/// Decodes PNGs without libpng or Cairo, so that tests of our PNG writer (which goes through libpng) check it
/// against a decoder that shares no code with it: Python's standard library (zlib for the stream, the rest
/// written out below from the PNG specification, ISO/IEC 15948: chunk CRCs, the five row filters, palettes).
public enum IndependentPNGDecoder {
    /// A decoded image: `rgb` holds 3 bytes per pixel, row by row from the top.
    public struct Image: Equatable {
        public var width: Int
        public var height: Int
        /// IHDR colour type: 2 truecolour, 3 palette.
        public var colorType: Int
        /// Chunk types in file order.
        public var chunks: [String]
        public var rgb: [UInt8]
    }

    public struct DecodingError: Error, CustomStringConvertible {
        public var description: String
    }

    static let script = #"""
        import struct, sys, zlib
        data = open(sys.argv[1], "rb").read()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", "signature"
        offset, chunks, idat, palette = 8, [], b"", None
        while offset < len(data):
            length, kind = struct.unpack(">I4s", data[offset:offset + 8])
            body = data[offset + 8:offset + 8 + length]
            crc, = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])
            assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, "CRC of " + kind.decode()
            chunks.append(kind.decode())
            if kind == b"IHDR":
                width, height, depth, color, compression, filtering, interlace = struct.unpack(">IIBBBBB", body)
                assert depth == 8 and compression == 0 and filtering == 0 and interlace == 0
            elif kind == b"PLTE":
                palette = body
            elif kind == b"IDAT":
                idat += body
            offset += 12 + length
        channels = {2: 3, 3: 1}[color]
        raw = zlib.decompress(idat)
        stride = width * channels
        assert len(raw) == height * (stride + 1), "row count"
        previous = bytearray(stride)
        pixels = bytearray()
        for row in range(height):
            kind = raw[row * (stride + 1)]
            line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                if kind == 1: line[i] = (line[i] + a) & 255
                elif kind == 2: line[i] = (line[i] + b) & 255
                elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                else: assert kind == 0, "filter type"
            previous = line
            if color == 3:
                for index in line: pixels += palette[3 * index:3 * index + 3]
            else:
                pixels += line
        sys.stdout.write("%d %d %d %s\n" % (width, height, color, ",".join(chunks)))
        open(sys.argv[2], "wb").write(bytes(pixels))
        """#

    /// Decodes `png` with python3.
    /// - Throws: ``DecodingError`` with Python's message when the file is not a valid PNG (or python3 is missing).
    public static func decode(_ png: Data) throws -> Image {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("independent-png-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("image.png"), output = folder.appendingPathComponent("image.rgb")
        try png.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, input.path, output.path]
        let standardOutput = Pipe(), standardError = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        let header = standardOutput.fileHandleForReading.readDataToEndOfFile()
        let message = standardError.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DecodingError(description: "python3 could not decode the PNG: " + String(decoding: message, as: UTF8.self))
        }
        let fields = String(decoding: header, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard fields.count == 4, let width = Int(fields[0]), let height = Int(fields[1]), let color = Int(fields[2]) else {
            throw DecodingError(description: "unexpected decoder output: \(String(decoding: header, as: UTF8.self))")
        }
        return Image(width: width, height: height, colorType: color, chunks: fields[3].split(separator: ",").map(String.init),
                     rgb: [UInt8](try Data(contentsOf: output)))
    }
}
