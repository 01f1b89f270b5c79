internal import CZlib
import Foundation

/// A fast DEFLATE (RFC 1951) compressor in a zlib (RFC 1950) wrapper, tuned for rendered plots.
///
/// LZ77: a hash of the next 4 bytes indexes a table holding the last position with that hash (one probe,
/// no chains); a match of ≥ 4 bytes within 32 KiB is extended up to 258 bytes, and positions inside a match
/// are not hashed. Tokens are coded in blocks with dynamic Huffman codes (lengths limited to 15 bits by
/// halving frequencies until the tree fits).
///
/// - Note: Compression is close to zlib's level 1, much worse than level 9 on photographs, but plots are long
///   runs of equal bytes after PNG's Up filter, where it loses little. zlib's own deflate (level 1, default
///   strategy or `Z_RLE`, in the same two strips) was measured in its place and took 1.6–1.8 times as long
///   on the benchmark figures (Rosenbrock contour: 19–21 ms against 11.5 ms for the PNG step), which took
///   that figure below five times matplotlib's speed where this encoder stays above it (see the figure
///   benchmark's README). libdeflate compresses whole buffers into a final block, so it cannot be split
///   over two threads, and on one thread it took about 20 ms. zlib still computes the checksums.
enum DeflateEncoder {
    private static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    private static let lengthExtra: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
        4097, 6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtra: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    private static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Length code index (0…28) for each match length 0…258.
    private static let lengthCode: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 259)
        for code in 0..<29 {
            let upper = code == 28 ? 258 : lengthBase[code] + (1 << lengthExtra[code]) - 1
            for length in lengthBase[code]...min(upper, 258) { table[length] = UInt8(code) }
        }
        table[258] = 28
        return table
    }()

    /// Distance code (0…29) for a distance 1…32768.
    private static func distanceCode(_ distance: Int) -> Int {
        var code = 0
        while code < 29 && distanceBase[code + 1] <= distance { code += 1 }
        return code
    }

    private static let distanceCodeSmall: [UInt8] = (0...512).map { UInt8(distanceCode(max($0, 1))) }
    private static let distanceCodeLarge: [UInt8] = (0..<256).map { UInt8(distanceCode(max($0 << 7, 1) + 1)) }

    /// One piece of a DEFLATE stream, compressed on its own, with the Adler-32 of its input (computed by zlib).
    struct CompressedPart {
        var bytes: [UInt8]
        var checksum: UInt32
        var inputLength: Int
    }

    /// Compresses one piece of input into DEFLATE blocks.
    ///
    /// Pieces can be compressed on separate threads and joined with ``zlibStream(_:)``, as pigz does: every
    /// piece but the last (`final` false) ends with an empty stored block, which byte-aligns it so pieces can
    /// be concatenated. Matches never reach back into an earlier piece, which costs a little compression at
    /// the seams; the output depends only on the input and the split, never on thread timing.
    ///
    /// - Parameters:
    ///   - input: The bytes of this piece.
    ///   - final: Whether this is the last piece of the stream.
    static func compressPart(_ input: UnsafeBufferPointer<UInt8>, final: Bool) -> CompressedPart {
        // Dynamic Huffman codes are at most 15 bits per byte, so twice the input bounds the output; pages
        // never written are never touched.
        var writer = BitWriter(capacity: 2 * input.count + 4096)
        defer { writer.deallocate() }
        compress(input, into: &writer, final: final)
        writer.flush()
        let checksum = Adler32.checksum(UnsafeRawBufferPointer(input))
        return CompressedPart(bytes: writer.bytes, checksum: UInt32(truncatingIfNeeded: checksum), inputLength: input.count)
    }

    /// The zlib stream (RFC 1950: 2-byte header, DEFLATE data, Adler-32 of all input) made of `parts` in order;
    /// the parts' checksums are joined with zlib's `adler32_combine`.
    static func zlibStream(_ parts: [CompressedPart]) -> [UInt8] {
        var combined = CZlib.adler32(0, nil, 0)
        for part in parts {
            combined = adler32_combine(combined, UInt(part.checksum), part.inputLength)
        }
        let checksum = UInt32(truncatingIfNeeded: combined)
        // CMF 0x78: deflate with a 32 KiB window; FLG 0x01: fastest level, and 0x7801 is a multiple of 31.
        var output: [UInt8] = [0x78, 0x01]
        output.reserveCapacity(parts.reduce(6) { $0 + $1.bytes.count })
        for part in parts { output += part.bytes }
        for shift in [24, 16, 8, 0] { output.append(UInt8((checksum >> UInt32(shift)) & 0xFF)) }
        return output
    }

    /// Compresses `input` into blocks; a part that is not `final` ends with an empty stored block
    /// (BFINAL 0, BTYPE 00, LEN 0, NLEN 0xFFFF), which leaves the writer byte-aligned.
    private static func compress(_ input: UnsafeBufferPointer<UInt8>, into writer: inout BitWriter, final: Bool) {
        let count = input.count
        let hashBits = 15
        let blockTokens = 1 << 15
        let tokens = UnsafeMutablePointer<UInt32>.allocate(capacity: blockTokens)
        defer { tokens.deallocate() }
        var tokenCount = 0
        guard let base = input.baseAddress, count > 0 else {
            writeBlock(UnsafeBufferPointer(start: tokens, count: 0), final: final, into: &writer)
            if !final { writeEmptyStoredBlock(into: &writer) }
            return
        }
        let head = UnsafeMutablePointer<Int32>.allocate(capacity: 1 << hashBits)
        defer { head.deallocate() }
        head.initialize(repeating: -1, count: 1 << hashBits)
        let raw = UnsafeRawPointer(base)
        var position = 0
        while position < count {
            if position + 4 <= count {
                let word = raw.loadUnaligned(fromByteOffset: position, as: UInt32.self)
                let hash = Int((word &* 2_654_435_761) >> UInt32(32 - hashBits))
                let candidate = Int(head[hash])
                head[hash] = Int32(position)
                if candidate >= 0, position - candidate <= 32768,
                   raw.loadUnaligned(fromByteOffset: candidate, as: UInt32.self) == word {
                    var length = 4
                    let limit = min(258, count - position)
                    // Compare 8 bytes at a time; the lowest differing byte ends the match.
                    while length + 8 <= limit {
                        let difference = raw.loadUnaligned(fromByteOffset: candidate + length, as: UInt64.self)
                            ^ raw.loadUnaligned(fromByteOffset: position + length, as: UInt64.self)
                        if difference != 0 {
                            length += UInt64(littleEndian: difference).trailingZeroBitCount / 8
                            break
                        }
                        length += 8
                    }
                    while length < limit && base[candidate + length] == base[position + length] { length += 1 }
                    tokens[tokenCount] = 1 << 31 | UInt32(length) << 16 | UInt32(position - candidate)
                    tokenCount += 1
                    position += length
                    if tokenCount == blockTokens {
                        writeBlock(UnsafeBufferPointer(start: tokens, count: tokenCount), final: false, into: &writer)
                        tokenCount = 0
                    }
                    continue
                }
            }
            tokens[tokenCount] = UInt32(base[position])
            tokenCount += 1
            position += 1
            if tokenCount == blockTokens {
                writeBlock(UnsafeBufferPointer(start: tokens, count: tokenCount), final: false, into: &writer)
                tokenCount = 0
            }
        }
        writeBlock(UnsafeBufferPointer(start: tokens, count: tokenCount), final: final, into: &writer)
        if !final { writeEmptyStoredBlock(into: &writer) }
    }

    private static func writeEmptyStoredBlock(into writer: inout BitWriter) {
        writer.write(0, bits: 3)
        writer.flush()
        writer.write(0xFFFF_0000, bits: 32)
    }

    /// Writes one block with dynamic Huffman codes (BTYPE 2).
    private static func writeBlock(_ tokens: UnsafeBufferPointer<UInt32>, final: Bool, into writer: inout BitWriter) {
        let lengthCode = Self.lengthCode
        let lengthBase = Self.lengthBase
        let lengthExtra = Self.lengthExtra
        let distanceBase = Self.distanceBase
        let distanceExtra = Self.distanceExtra
        let distanceCodeSmall = Self.distanceCodeSmall
        let distanceCodeLarge = Self.distanceCodeLarge
        func distanceCode(_ distance: Int) -> Int {
            distance <= 512 ? Int(distanceCodeSmall[distance]) : Int(distanceCodeLarge[(distance - 1) >> 7])
        }
        var literalFrequencies = [Int](repeating: 0, count: 286)
        var distanceFrequencies = [Int](repeating: 0, count: 30)
        for token in tokens {
            if token & (1 << 31) != 0 {
                let length = Int((token >> 16) & 0x1FF)
                literalFrequencies[257 + Int(lengthCode[length])] += 1
                distanceFrequencies[distanceCode(Int(token & 0xFFFF))] += 1
            } else {
                literalFrequencies[Int(token)] += 1
            }
        }
        literalFrequencies[256] = 1
        // Two distance codes must exist even if unused, or some decoders reject the block.
        if distanceFrequencies.filter({ $0 > 0 }).count < 2 {
            if distanceFrequencies[0] == 0 { distanceFrequencies[0] = 1 } else { distanceFrequencies[1] = 1 }
        }
        let literalLengths = HuffmanCode.lengths(frequencies: literalFrequencies, limit: 15)
        let distanceLengths = HuffmanCode.lengths(frequencies: distanceFrequencies, limit: 15)
        let literalCodes = HuffmanCode.canonicalCodes(lengths: literalLengths)
        let distanceCodes = HuffmanCode.canonicalCodes(lengths: distanceLengths)

        var literalCount = 286
        while literalCount > 257 && literalLengths[literalCount - 1] == 0 { literalCount -= 1 }
        var distanceCount = 30
        while distanceCount > 1 && distanceLengths[distanceCount - 1] == 0 { distanceCount -= 1 }

        // Run-length code the two length lists together (symbols 16: repeat previous, 17/18: runs of zeros).
        let allLengths = Array(literalLengths[0..<literalCount]) + Array(distanceLengths[0..<distanceCount])
        var symbols: [(symbol: Int, extra: Int, extraBits: Int)] = []
        var index = 0
        while index < allLengths.count {
            let value = allLengths[index]
            var run = 1
            while index + run < allLengths.count && allLengths[index + run] == value { run += 1 }
            if value == 0 && run >= 3 {
                let taken = min(run, 138)
                symbols.append(taken >= 11 ? (18, taken - 11, 7) : (17, taken - 3, 3))
                index += taken
            } else if value != 0 && run >= 4 {
                symbols.append((value, 0, 0))
                let taken = min(run - 1, 6)
                symbols.append((16, taken - 3, 2))
                index += taken + 1
            } else {
                symbols.append((value, 0, 0))
                index += 1
            }
        }
        var codeLengthFrequencies = [Int](repeating: 0, count: 19)
        for entry in symbols { codeLengthFrequencies[entry.symbol] += 1 }
        let codeLengthLengths = HuffmanCode.lengths(frequencies: codeLengthFrequencies, limit: 7)
        let codeLengthCodes = HuffmanCode.canonicalCodes(lengths: codeLengthLengths)
        var codeLengthCount = 19
        while codeLengthCount > 4 && codeLengthLengths[codeLengthOrder[codeLengthCount - 1]] == 0 { codeLengthCount -= 1 }

        writer.write(final ? 1 : 0, bits: 1)
        writer.write(2, bits: 2)
        writer.write(UInt32(literalCount - 257), bits: 5)
        writer.write(UInt32(distanceCount - 1), bits: 5)
        writer.write(UInt32(codeLengthCount - 4), bits: 4)
        for position in 0..<codeLengthCount {
            writer.write(UInt32(codeLengthLengths[codeLengthOrder[position]]), bits: 3)
        }
        for entry in symbols {
            writer.write(codeLengthCodes[entry.symbol], bits: codeLengthLengths[entry.symbol])
            if entry.extraBits > 0 { writer.write(UInt32(entry.extra), bits: entry.extraBits) }
        }
        // Each literal, and each match length with its extra bits, becomes one precomputed bit string
        // (code in the low bits, extra bits above it), so a token costs at most two writes.
        let literalBits = (0..<256).map { (literalCodes[$0], literalLengths[$0]) }
        let lengthBits: [(UInt32, Int)] = (0...258).map { length in
            guard length >= 3 else { return (0, 0) }
            let code = Int(lengthCode[length])
            let symbol = 257 + code
            return (literalCodes[symbol] | UInt32(length - lengthBase[code]) << UInt32(literalLengths[symbol]),
                    literalLengths[symbol] + lengthExtra[code])
        }
        literalBits.withUnsafeBufferPointer { literalBits in
        lengthBits.withUnsafeBufferPointer { lengthBits in
            for token in tokens {
                if token & (1 << 31) != 0 {
                    let (bits, count) = lengthBits[Int((token >> 16) & 0x1FF)]
                    writer.write(bits, bits: count)
                    let distance = Int(token & 0xFFFF)
                    let symbol = distanceCode(distance)
                    writer.write(distanceCodes[symbol] | UInt32(distance - distanceBase[symbol]) << UInt32(distanceLengths[symbol]),
                                 bits: distanceLengths[symbol] + distanceExtra[symbol])
                } else {
                    let (bits, count) = literalBits[Int(token)]
                    writer.write(bits, bits: count)
                }
            }
        }
        }
        writer.write(literalCodes[256], bits: literalLengths[256])
    }
}

/// Huffman code construction for DEFLATE.
enum HuffmanCode {
    /// Code lengths for the given symbol frequencies, none longer than `limit` (0 for unused symbols).
    ///
    /// Builds the Huffman tree by repeatedly merging the two lightest nodes; if the deepest leaf exceeds
    /// `limit`, halves every non-zero frequency (keeping it ≥ 1) and rebuilds.
    static func lengths(frequencies: [Int], limit: Int) -> [Int] {
        var weights = frequencies
        while true {
            let used = weights.indices.filter { weights[$0] > 0 }
            var lengths = [Int](repeating: 0, count: weights.count)
            if used.isEmpty { return lengths }
            if used.count == 1 {
                lengths[used[0]] = 1
                return lengths
            }
            // Nodes: leaves first, then internal nodes; parent links give depths.
            var nodeWeights = used.map { weights[$0] }
            var parent = [Int](repeating: -1, count: 2 * used.count - 1)
            var leaves = used.indices.sorted { (nodeWeights[$0], $0) < (nodeWeights[$1], $1) }
            var leafIndex = 0
            var internalNodes: [Int] = []
            var internalIndex = 0
            func takeLightest() -> Int {
                if leafIndex < leaves.count
                    && (internalIndex >= internalNodes.count || nodeWeights[leaves[leafIndex]] <= nodeWeights[internalNodes[internalIndex]]) {
                    leafIndex += 1
                    return leaves[leafIndex - 1]
                }
                internalIndex += 1
                return internalNodes[internalIndex - 1]
            }
            for _ in 0..<(used.count - 1) {
                let first = takeLightest()
                let second = takeLightest()
                let node = nodeWeights.count
                nodeWeights.append(nodeWeights[first] + nodeWeights[second])
                parent[first] = node
                parent[second] = node
                internalNodes.append(node)
            }
            leaves.removeAll()
            var depth = [Int](repeating: 0, count: nodeWeights.count)
            for node in stride(from: nodeWeights.count - 2, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
            var deepest = 0
            for (leaf, symbol) in used.enumerated() {
                lengths[symbol] = depth[leaf]
                deepest = max(deepest, depth[leaf])
            }
            if deepest <= limit { return lengths }
            weights = weights.map { $0 > 0 ? max(1, $0 >> 1) : 0 }
        }
    }

    /// Canonical codes (RFC 1951 §3.2.2) from code lengths, bit-reversed for LSB-first output.
    static func canonicalCodes(lengths: [Int]) -> [UInt32] {
        let maxLength = lengths.max() ?? 0
        var lengthCounts = [Int](repeating: 0, count: maxLength + 1)
        for length in lengths where length > 0 { lengthCounts[length] += 1 }
        var nextCode = [Int](repeating: 0, count: maxLength + 2)
        var code = 0
        if maxLength >= 1 {
            for bits in 1...maxLength {
                code = (code + lengthCounts[bits - 1]) << 1
                nextCode[bits] = code
            }
        }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            let value = nextCode[length]
            nextCode[length] += 1
            var reversed: UInt32 = 0
            for bit in 0..<length where value & (1 << bit) != 0 { reversed |= 1 << UInt32(length - 1 - bit) }
            return reversed
        }
    }
}

/// Packs bit fields least-significant bit first, as DEFLATE requires, into a buffer of fixed capacity.
struct BitWriter {
    private let storage: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var length = 0
    private var buffer: UInt64 = 0
    private var count = 0

    /// - Parameter capacity: An upper bound on the bytes that will be written.
    init(capacity: Int) {
        self.capacity = capacity
        storage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    /// The bytes written so far (call `flush` first to include a partial byte).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: length)) }

    func deallocate() { storage.deallocate() }

    /// Appends the low `bits` bits of `value` (at most 32; longer strings are split by the caller).
    @inline(__always) mutating func write(_ value: UInt32, bits: Int) {
        buffer |= UInt64(value) << UInt64(count)
        count += bits
        if count >= 32 {
            precondition(length + 4 <= capacity, "bit writer capacity exceeded")
            UnsafeMutableRawPointer(storage + length).storeBytes(
                of: UInt32(truncatingIfNeeded: buffer).littleEndian, as: UInt32.self)
            length += 4
            buffer >>= 32
            count -= 32
        }
    }

    /// Writes the remaining bits, padded with zero bits to a whole byte.
    mutating func flush() {
        while count > 0 {
            precondition(length < capacity, "bit writer capacity exceeded")
            storage[length] = UInt8(truncatingIfNeeded: buffer)
            length += 1
            buffer >>= 8
            count = max(count - 8, 0)
        }
        buffer = 0
    }
}
