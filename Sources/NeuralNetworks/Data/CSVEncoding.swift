import Foundation

/// How a CSV file's bytes become UTF-8 text: UTF-8 with or without a byte-order mark is read as is, UTF-16 with
/// a byte-order mark is converted, and anything else is refused with the encoding it most likely is.
///
/// Excel on Chinese Windows saves "CSV" in GBK (code page 936), on Western Windows in Windows-1252; read as UTF-8
/// either becomes replacement characters in the header and "no column named …" errors that hide the cause.
/// The guess (``guessEncoding(of:)``) is a heuristic over the bytes, good enough to name the likely encoding
/// and the `iconv` command that converts it.
enum CSVEncoding {
    /// What to parse: the UTF-8 bytes after any byte-order mark, converted from UTF-16 if need be.
    enum Prepared {
        /// Parse `data[offset...]` as it is.
        case utf8(offset: Int)
        /// Parse these bytes, converted from the encoding named.
        case converted(Data, from: String)
    }

    /// Looks at the byte-order mark, or its absence.
    /// - Throws: ``CSVError/notUTF8(file:line:column:likelyEncoding:)`` for UTF-16 without a byte-order mark,
    ///   which would otherwise show as NUL characters everywhere, and for UTF-16 that does not decode.
    static func prepare(_ bytes: UnsafeRawBufferPointer, fileName: String) throws -> Prepared {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8(offset: 3) }
        let littleEndian = bytes.starts(with: [0xFF, 0xFE]), bigEndian = bytes.starts(with: [0xFE, 0xFF])
        if littleEndian || bigEndian {
            let data = Data(bytes[2...])
            guard let text = String(data: data, encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian) else {
                throw CSVError.notUTF8(file: fileName, line: 1, column: 1, likelyEncoding: nil)
            }
            return .converted(Data(text.utf8), from: littleEndian ? "UTF-16LE" : "UTF-16BE")
        }
        if let utf16 = utf16WithoutMark(bytes) {
            throw CSVError.notUTF8(file: fileName, line: 1, column: 1, likelyEncoding: utf16)
        }
        return .utf8(offset: 0)
    }

    /// "UTF-16LE" or "UTF-16BE" when most bytes at odd (even) positions of the first kilobytes are NUL, as in
    /// ASCII text stored as UTF-16.
    static func utf16WithoutMark(_ bytes: UnsafeRawBufferPointer) -> String? {
        let sample = min(bytes.count, 4096) & ~1
        guard sample >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for index in stride(from: 0, to: sample, by: 2) {
            if bytes[index] == 0 { evenZeros += 1 }
            if bytes[index + 1] == 0 { oddZeros += 1 }
        }
        let pairs = sample / 2
        if oddZeros * 10 >= pairs * 6 && evenZeros * 10 < pairs { return "UTF-16LE" }
        if evenZeros * 10 >= pairs * 6 && oddZeros * 10 < pairs { return "UTF-16BE" }
        return nil
    }

    /// The length of the valid UTF-8 sequence starting at `position` (whose byte is ≥ 0x80), or 0 when it is
    /// not valid (a stray continuation byte, an overlong form, a surrogate, beyond U+10FFFF, or cut short).
    @inline(__always)
    static func utf8SequenceLength(_ bytes: UnsafeRawBufferPointer, at position: Int) -> Int {
        let lead = bytes[position]
        let length: Int
        var lowest: UInt8 = 0x80, highest: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; highest = 0x9F
        case 0xF0: length = 4; lowest = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; highest = 0x8F
        default: return 0
        }
        guard position + length <= bytes.count else { return 0 }
        let second = bytes[position + 1]
        guard second >= lowest && second <= highest else { return 0 }
        for offset in 2..<length where bytes[position + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// The encoding bytes that are not UTF-8 most likely are: "GBK (GB18030)" when the bytes ≥ 0x80 pair up as
    /// GBK's double-byte characters with a high trail byte (lead 0x81–0xFE, trail 0x80–0xFE), at most one in
    /// ten left over, else "Windows-1252".
    static func guessEncoding(of bytes: UnsafeRawBufferPointer) -> String {
        let sample = min(bytes.count, 1 << 20)
        var index = 0, pairs = 0, strays = 0
        while index < sample {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            if byte >= 0x81 && byte <= 0xFE && index + 1 < sample {
                let trail = bytes[index + 1]
                // GBK also allows ASCII trail bytes (0x40–0x7E), but Chinese text is mostly GB2312 characters,
                // whose both bytes are high; counting only those keeps "é" + "a" in Windows-1252 text from
                // passing for a GBK character.
                if trail >= 0x80 && trail <= 0xFE {
                    pairs += 1
                    index += 2
                    continue
                }
            }
            strays += 1
            index += 1
        }
        return pairs > 0 && strays * 10 <= pairs ? "GBK (GB18030)" : "Windows-1252"
    }

    /// The `iconv -f` name for an encoding named by ``guessEncoding(of:)`` or ``utf16WithoutMark(_:)``.
    static func iconvName(_ encoding: String) -> String {
        switch encoding {
        case "GBK (GB18030)": return "GB18030"
        case "Windows-1252": return "WINDOWS-1252"
        default: return encoding
        }
    }
}
