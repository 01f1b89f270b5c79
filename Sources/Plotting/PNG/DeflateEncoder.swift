internal import CZlib
import Foundation

/// A fast DEFLATE (RFC 1951) compressor for the data of a zlib (RFC 1950) stream, tuned for rendered plots.
///
/// LZ77: a hash of the next 4 bytes indexes a table holding the last position with that hash (one probe,
/// no chains); a match of ≥ 4 bytes within 32 KiB is extended up to 258 bytes, and positions inside a match
/// are not hashed. Tokens are coded in blocks of 32,768 with dynamic Huffman codes (lengths limited to 15
/// bits, see ``HuffmanCode/lengths(frequencies:limit:)``).
///
/// - Note: Compression is close to zlib's level 1, much worse than level 9 on photographs, but plots are long
///   runs of equal bytes after PNG's Up filter, where it loses little. zlib's own deflate (level 1, default
///   strategy or `Z_RLE`, in the same two strips) was measured in its place and took 1.6–1.8 times as long
///   on the benchmark figures (see the figure benchmark's README). libdeflate compresses whole buffers into
///   a final block, so it cannot be split over two threads, and on one thread it took about 20 ms. The
///   Adler-32 is the caller's (``Adler32``); zlib joins the parts' checksums.
///
///   Cost on the Rosenbrock figure (4.8 MB of filtered rows, about 275,000 literals and 79,000 matches):
///   about 26 M instructions, of which 15 M find matches and 11 M write the blocks. Symbol counts are kept
///   while matching, the block writer reads one packed entry per symbol and keeps its bit buffer in
///   registers, and all tables live in one reused buffer (``ScratchMemory``).
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

    /// Bits of the hash of four bytes that indexes the table of last positions.
    private static let hashBits = 15
    /// Tokens per DEFLATE block: each block gets Huffman codes fitted to its own symbol frequencies.
    private static let blockTokens = 1 << 15

    /// One table of symbol indices, so the hot loops hold a single pointer: entries 0…258 give the length
    /// code (0…28) of a match length, entries 259…771 the distance code (0…29) of a distance 1…512 (entry
    /// 259 + d), and entries 772…1027 the distance code of a distance d > 512 (entry 772 + (d − 1) >> 7;
    /// codes above 512 cover whole multiples of 128).
    private static let symbolTable: [UInt8] = {
        func distanceCode(_ distance: Int) -> Int {
            var code = 0
            while code < 29 && distanceBase[code + 1] <= distance { code += 1 }
            return code
        }
        var table = [UInt8](repeating: 0, count: 259)
        for code in 0..<29 {
            let upper = code == 28 ? 258 : lengthBase[code] + (1 << lengthExtra[code]) - 1
            for length in lengthBase[code]...min(upper, 258) { table[length] = UInt8(code) }
        }
        table[258] = 28
        table += (0...512).map { UInt8(distanceCode(max($0, 1))) }
        table += (0..<256).map { UInt8(distanceCode(($0 << 7) + 1)) }
        return table
    }()
    private static let distanceSymbolOffset = 259
    private static let largeDistanceSymbolOffset = 772

    @inline(__always)
    private static func distanceCode(_ distance: Int, _ symbols: UnsafePointer<UInt8>) -> Int {
        Int(distance <= 512 ? symbols[distanceSymbolOffset + distance]
                            : symbols[largeDistanceSymbolOffset + (distance - 1) >> 7])
    }

    /// One piece of a DEFLATE stream, compressed on its own, with the Adler-32 of its input (computed by the
    /// caller, which has the input at hand while producing it).
    struct CompressedPart {
        /// Bytes written at the start of the output buffer.
        var byteCount: Int
        var checksum: UInt32
        var inputLength: Int
    }

    /// The output buffer ``compressPart(_:final:into:)`` needs for `inputCount` bytes.
    ///
    /// A literal costs at most 15 bits and a match at most 48 bits for 4 or more bytes, so blocks stay under
    /// two bytes per input byte; the one bit per byte left over pays each block's code tables (under 300
    /// bytes per 32,768 tokens), and the constant covers the last block's tables and the closing stored block.
    static func maximumOutputCount(inputCount: Int) -> Int { 2 * inputCount + 4096 }

    /// Compresses one piece of input into DEFLATE blocks written to the start of `output`.
    ///
    /// Pieces can be compressed on separate threads and joined (see ``zlibHeader`` and
    /// ``combinedChecksum(_:)``), as pigz does: every piece but the last (`final` false) ends with an empty
    /// stored block, which byte-aligns it so pieces can be concatenated. Matches never reach back into an
    /// earlier piece, which costs a little compression at the seams; the output depends only on the input and
    /// the split, never on thread timing.
    ///
    /// - Parameters:
    ///   - input: The bytes of this piece.
    ///   - final: Whether this is the last piece of the stream.
    ///   - output: At least ``maximumOutputCount(inputCount:)`` bytes.
    /// - Returns: How many bytes were written.
    static func compressPart(_ input: UnsafeBufferPointer<UInt8>, final: Bool,
                             into output: UnsafeMutableRawBufferPointer) -> Int {
        precondition(output.count >= maximumOutputCount(inputCount: input.count), "output buffer too small")
        var writer = BitWriter(output)
        ScratchMemory.shared.withBuffer(byteCount: Workspace.byteCount) { memory in
            symbolTable.withUnsafeBufferPointer { symbols in
                compress(input, workspace: Workspace(memory, symbols: symbols.baseAddress!), into: &writer,
                         final: final)
            }
        }
        writer.flush()
        return writer.byteCount
    }

    /// The two bytes that open a zlib stream (RFC 1950): CMF 0x78, deflate with a 32 KiB window; FLG 0x01,
    /// fastest level, chosen so that 0x7801 is a multiple of 31.
    static let zlibHeader: [UInt8] = [0x78, 0x01]

    /// The Adler-32 of all parts' input in order, from the parts' own checksums (zlib's `adler32_combine`);
    /// a zlib stream ends with it, big-endian.
    static func combinedChecksum(_ parts: [CompressedPart]) -> UInt32 {
        var combined = CZlib.adler32(0, nil, 0)
        for part in parts {
            combined = adler32_combine(combined, UInt(part.checksum), part.inputLength)
        }
        return UInt32(truncatingIfNeeded: combined)
    }

    /// The tables of one compression, carved out of one reused buffer (see ``ScratchMemory``).
    private struct Workspace {
        static let byteCount = 4 * ((1 << hashBits) + blockTokens + 286 + 30 + 256 + 259 + 30 + 30)
        /// The last position whose four bytes had each hash (−1: none yet).
        let head: UnsafeMutablePointer<Int32>
        let tokens: UnsafeMutablePointer<UInt32>
        /// Symbol counts of the current block: literal/length symbols 0…285, then distance codes 0…29.
        let frequencies: UnsafeMutablePointer<UInt32>
        /// Packed codes of the current block (see `writeBlock`): literals, match lengths 0…258, distance codes.
        let literalEntries: UnsafeMutablePointer<UInt32>
        let lengthEntries: UnsafeMutablePointer<UInt32>
        let distanceEntries: UnsafeMutablePointer<UInt32>
        /// Per distance code: its base distance, and its extra-bit count in the top 8 bits.
        let distanceBases: UnsafeMutablePointer<UInt32>
        let symbols: UnsafePointer<UInt8>

        init(_ memory: UnsafeMutableRawBufferPointer, symbols: UnsafePointer<UInt8>) {
            let words = memory.baseAddress!.bindMemory(to: UInt32.self, capacity: Self.byteCount / 4)
            head = UnsafeMutableRawPointer(words).bindMemory(to: Int32.self, capacity: 1 << hashBits)
            tokens = words + (1 << hashBits)
            frequencies = tokens + blockTokens
            literalEntries = frequencies + 286 + 30
            lengthEntries = literalEntries + 256
            distanceEntries = lengthEntries + 259
            distanceBases = distanceEntries + 30
            self.symbols = symbols
        }
    }

    /// Compresses `input` into blocks; a part that is not `final` ends with an empty stored block
    /// (BFINAL 0, BTYPE 00, LEN 0, NLEN 0xFFFF), which leaves the writer byte-aligned.
    ///
    /// Symbol frequencies are counted as tokens are made, so a block's codes are ready when it is full.
    /// A match is extended 32 bytes at a time while they agree (a plot's rows are mostly long runs after the
    /// Up filter), then 8 at a time, where the lowest differing byte ends it.
    private static func compress(_ input: UnsafeBufferPointer<UInt8>, workspace: Workspace,
                                 into writer: inout BitWriter, final: Bool) {
        let count = input.count
        let head = workspace.head, tokens = workspace.tokens, symbols = workspace.symbols
        let literalFrequencies = workspace.frequencies, distanceFrequencies = workspace.frequencies + 286
        workspace.frequencies.initialize(repeating: 0, count: 286 + 30)
        guard let base = input.baseAddress, count > 0 else {
            writeBlock(tokenCount: 0, workspace: workspace, final: final, into: &writer)
            if !final { writeEmptyStoredBlock(into: &writer) }
            return
        }
        head.initialize(repeating: -1, count: 1 << hashBits)
        let raw = UnsafeRawPointer(base)
        var position = 0
        var tokenCount = 0
        // Positions up to here can read four bytes.
        let lastHashed = count - 4
        while position < count {
            if position <= lastHashed {
                let word = raw.loadUnaligned(fromByteOffset: position, as: UInt32.self)
                let hash = Int((word &* 2_654_435_761) >> UInt32(32 - hashBits))
                let candidate = Int(head[hash])
                head[hash] = Int32(truncatingIfNeeded: position)
                let distance = position &- candidate
                if candidate >= 0, distance <= 32768,
                   raw.loadUnaligned(fromByteOffset: candidate, as: UInt32.self) == word {
                    let limit = min(258, count - position)
                    var length = 4
                    while length + 32 <= limit {
                        let here = raw + position + length, there = raw + candidate + length
                        let difference = (here.loadUnaligned(as: UInt64.self) ^ there.loadUnaligned(as: UInt64.self))
                            | (here.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                               ^ there.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                            | (here.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
                               ^ there.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
                            | (here.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                               ^ there.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
                        if difference != 0 { break }
                        length += 32
                    }
                    extending: while length + 8 <= limit {
                        let difference = raw.loadUnaligned(fromByteOffset: candidate + length, as: UInt64.self)
                            ^ raw.loadUnaligned(fromByteOffset: position + length, as: UInt64.self)
                        if difference != 0 {
                            length += UInt64(littleEndian: difference).trailingZeroBitCount / 8
                            break extending
                        }
                        length += 8
                    }
                    while length < limit && base[candidate + length] == base[position + length] { length += 1 }
                    tokens[tokenCount] = 1 << 31 | UInt32(truncatingIfNeeded: length) << 16
                        | UInt32(truncatingIfNeeded: distance)
                    literalFrequencies[257 + Int(symbols[length])] &+= 1
                    distanceFrequencies[distanceCode(distance, symbols)] &+= 1
                    position &+= length
                    tokenCount &+= 1
                    if tokenCount == blockTokens {
                        writeBlock(tokenCount: tokenCount, workspace: workspace, final: false, into: &writer)
                        tokenCount = 0
                    }
                    continue
                }
            }
            let byte = base[position]
            tokens[tokenCount] = UInt32(byte)
            literalFrequencies[Int(byte)] &+= 1
            position &+= 1
            tokenCount &+= 1
            if tokenCount == blockTokens {
                writeBlock(tokenCount: tokenCount, workspace: workspace, final: false, into: &writer)
                tokenCount = 0
            }
        }
        writeBlock(tokenCount: tokenCount, workspace: workspace, final: final, into: &writer)
        if !final { writeEmptyStoredBlock(into: &writer) }
    }

    private static func writeEmptyStoredBlock(into writer: inout BitWriter) {
        writer.write(0, bits: 3)
        writer.flush()
        writer.write(0xFFFF_0000, bits: 32)
    }

    /// Writes one block with dynamic Huffman codes (BTYPE 2) for the workspace's first `tokenCount` tokens,
    /// whose symbols it has counted, and clears the counts for the next block.
    ///
    /// Tokens are a literal byte (bit 31 clear) or a match: bit 31 set, length in bits 16…24, distance in
    /// bits 0…15. Each literal, match length and distance code becomes one precomputed entry, the code in the
    /// low 24 bits (extra bits of a length above it) and the bit count in the top 8, so a literal costs one
    /// table read and one write.
    private static func writeBlock(tokenCount: Int, workspace: Workspace, final: Bool,
                                   into writer: inout BitWriter) {
        let frequencies = workspace.frequencies
        frequencies[256] = 1
        var distanceCounts = (0..<30).map { Int(frequencies[286 + $0]) }
        // Two distance codes must exist even if unused, or some decoders reject the block.
        if distanceCounts.filter({ $0 > 0 }).count < 2 {
            if distanceCounts[0] == 0 { distanceCounts[0] = 1 } else { distanceCounts[1] = 1 }
        }
        let literalLengths = HuffmanCode.lengths(frequencies: (0..<286).map { Int(frequencies[$0]) }, limit: 15)
        let distanceLengths = HuffmanCode.lengths(frequencies: distanceCounts, limit: 15)
        frequencies.update(repeating: 0, count: 286 + 30)
        let literalCodes = HuffmanCode.canonicalCodes(lengths: literalLengths)
        let distanceCodes = HuffmanCode.canonicalCodes(lengths: distanceLengths)
        writeCodeLengths(literalLengths: literalLengths, distanceLengths: distanceLengths, final: final,
                         into: &writer)

        let symbols = workspace.symbols
        let literalEntries = workspace.literalEntries, lengthEntries = workspace.lengthEntries
        let distanceEntries = workspace.distanceEntries, distanceBases = workspace.distanceBases
        for literal in 0..<256 {
            literalEntries[literal] = literalCodes[literal] | UInt32(literalLengths[literal]) << 24
        }
        lengthEntries.update(repeating: 0, count: 3)
        for length in 3...258 {
            let code = Int(symbols[length])
            let symbol = 257 + code
            lengthEntries[length] = literalCodes[symbol]
                | UInt32(length - lengthBase[code]) << UInt32(literalLengths[symbol])
                | UInt32(literalLengths[symbol] + lengthExtra[code]) << 24
        }
        for code in 0..<30 {
            distanceEntries[code] = distanceCodes[code] | UInt32(distanceLengths[code]) << 24
            distanceBases[code] = UInt32(distanceBase[code]) | UInt32(distanceExtra[code]) << 24
        }
        // A local copy of the writer stays in registers through the loop.
        var output = writer
        for index in 0..<tokenCount {
            let token = workspace.tokens[index]
            if token < 256 {
                let literal = literalEntries[Int(token)]
                output.write(literal & 0xFF_FFFF, bits: Int(literal >> 24))
            } else {
                let length = lengthEntries[Int((token >> 16) & 0x1FF)]
                output.write(length & 0xFF_FFFF, bits: Int(length >> 24))
                let distance = Int(token & 0xFFFF)
                let code = distanceCode(distance, symbols)
                let codeEntry = distanceEntries[code], base = distanceBases[code]
                let codeBits = codeEntry >> 24
                output.write((codeEntry & 0xFF_FFFF) | (UInt32(distance) &- (base & 0xFF_FFFF)) &<< codeBits,
                             bits: Int(codeBits &+ base >> 24))
            }
        }
        output.write(literalCodes[256], bits: literalLengths[256])
        writer = output
    }

    /// Writes a dynamic block's header: BFINAL, BTYPE 2, the counts, and the literal/length and distance code
    /// lengths, run-length coded together (symbols 16: repeat previous, 17/18: runs of zeros) with their own
    /// Huffman code.
    private static func writeCodeLengths(literalLengths: [Int], distanceLengths: [Int], final: Bool,
                                         into writer: inout BitWriter) {
        var literalCount = 286
        while literalCount > 257 && literalLengths[literalCount - 1] == 0 { literalCount -= 1 }
        var distanceCount = 30
        while distanceCount > 1 && distanceLengths[distanceCount - 1] == 0 { distanceCount -= 1 }

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
    }
}

/// Huffman code construction for DEFLATE.
enum HuffmanCode {
    /// Code lengths for the given symbol frequencies, none longer than `limit` (0 for unused symbols).
    ///
    /// Builds the Huffman tree by repeatedly merging the two lightest nodes (leaves sorted by weight, then
    /// symbol; a leaf wins a tie with a merged node). If the deepest leaf exceeds `limit`, the lengths are
    /// repaired as miniz does: every length over the limit becomes the limit, then, while the Kraft sum
    /// Σ 2^(limit − length) exceeds 2^limit, one code of the longest length is removed and a shorter code is
    /// split into two one bit longer, which lowers the sum by one; the lightest symbols get the longest codes.
    ///
    /// - Note: Rebuilding with halved frequencies until the tree fits, as before, took four or five builds per
    ///   block on plot images (one very common byte, many rare ones), a third of the block writer's time.
    static func lengths(frequencies: [Int], limit: Int) -> [Int] {
        var lengths = [Int](repeating: 0, count: frequencies.count)
        let used = frequencies.indices.filter { frequencies[$0] > 0 }
        if used.isEmpty { return lengths }
        if used.count == 1 {
            lengths[used[0]] = 1
            return lengths
        }
        // Nodes 0..<n are the leaves from lightest to heaviest, then the merged nodes in order of creation;
        // both runs are sorted by weight, so the lightest node is at the front of one of them.
        let leafCount = used.count
        let order = used.map { frequencies[$0] << 9 | $0 }.sorted().map { $0 & 511 }
        var weights = order.map { frequencies[$0] } + [Int](repeating: 0, count: leafCount - 1)
        var parent = [Int](repeating: 0, count: 2 * leafCount - 1)
        var nextLeaf = 0, nextMerged = leafCount, created = leafCount
        func takeLightest() -> Int {
            if nextLeaf < leafCount && (nextMerged >= created || weights[nextLeaf] <= weights[nextMerged]) {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextMerged += 1
            return nextMerged - 1
        }
        for _ in 0..<(leafCount - 1) {
            let first = takeLightest()
            let second = takeLightest()
            weights[created] = weights[first] + weights[second]
            parent[first] = created
            parent[second] = created
            created += 1
        }
        var depth = [Int](repeating: 0, count: created)
        for node in stride(from: created - 2, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        let deepest = depth[0..<leafCount].max()!
        if deepest <= limit {
            for leaf in 0..<leafCount { lengths[order[leaf]] = depth[leaf] }
            return lengths
        }
        var codesOfLength = [Int](repeating: 0, count: limit + 1)
        for leaf in 0..<leafCount { codesOfLength[min(depth[leaf], limit)] += 1 }
        var kraftSum = (1...limit).reduce(0) { $0 + codesOfLength[$1] << (limit - $1) }
        while kraftSum > 1 << limit {
            codesOfLength[limit] -= 1
            for length in stride(from: limit - 1, through: 1, by: -1) where codesOfLength[length] > 0 {
                codesOfLength[length] -= 1
                codesOfLength[length + 1] += 2
                break
            }
            kraftSum -= 1
        }
        var leaf = 0
        for length in stride(from: limit, through: 1, by: -1) {
            for _ in 0..<codesOfLength[length] {
                lengths[order[leaf]] = length
                leaf += 1
            }
        }
        return lengths
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
            var value = UInt32(nextCode[length])
            nextCode[length] += 1
            // Reverse the low 16 bits (bytes, nibbles, pairs, bits), then keep the top `length`.
            value = (value >> 8 & 0x00FF) | (value & 0x00FF) << 8
            value = (value >> 4 & 0x0F0F) | (value & 0x0F0F) << 4
            value = (value >> 2 & 0x3333) | (value & 0x3333) << 2
            value = (value >> 1 & 0x5555) | (value & 0x5555) << 1
            return value >> UInt32(16 - length)
        }
    }
}

/// Packs bit fields least-significant bit first, as DEFLATE requires, into a caller's buffer of fixed capacity.
struct BitWriter {
    private let storage: UnsafeMutableRawPointer
    private let capacity: Int
    /// Whole bytes written so far (call `flush` first to include a partial byte).
    private(set) var byteCount = 0
    private var buffer: UInt64 = 0
    private var count = 0

    /// - Parameter output: Where the bytes go; it must hold every byte that will be written.
    init(_ output: UnsafeMutableRawBufferPointer) {
        storage = output.baseAddress!
        capacity = output.count
    }

    /// Appends the low `bits` bits of `value` (at most 32; longer strings are split by the caller).
    @inline(__always) mutating func write(_ value: UInt32, bits: Int) {
        // Wrapping operators: `count` stays below 64, so no shift or sum can overflow.
        buffer |= UInt64(value) &<< UInt64(truncatingIfNeeded: count)
        count &+= bits
        if count >= 32 {
            precondition(byteCount &+ 4 <= capacity, "bit writer capacity exceeded")
            (storage + byteCount).storeBytes(of: UInt32(truncatingIfNeeded: buffer).littleEndian, as: UInt32.self)
            byteCount &+= 4
            buffer &>>= 32
            count &-= 32
        }
    }

    /// Writes the remaining bits, padded with zero bits to a whole byte.
    mutating func flush() {
        while count > 0 {
            precondition(byteCount < capacity, "bit writer capacity exceeded")
            storage.storeBytes(of: UInt8(truncatingIfNeeded: buffer), toByteOffset: byteCount, as: UInt8.self)
            byteCount += 1
            buffer >>= 8
            count = max(count - 8, 0)
        }
        buffer = 0
    }
}
