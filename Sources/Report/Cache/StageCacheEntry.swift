import Foundation

/// One cached stage result and what it was computed from.
///
/// On disk: the line `report-stage-cache 1`, the SHA-256 of the body in hex and a newline, then the body (a
/// binary property list of this value). Binary property lists store every `Double` and `Float` as its exact
/// bits, so NaN, infinities and −0 come back as they went in and a cached run renders byte-identical output.
public struct StageCacheEntry: Codable, Equatable {
    /// The stage's name, for people reading the cache.
    public var stage: String
    /// The files the stage read while it ran (absolute path → SHA-256): the entry is used only while all of
    /// them still have these contents.
    public var filesRead: [String: String]
    /// The result, a binary property list of ``StageValue``.
    public var payload: Data

    public init(stage: String, filesRead: [String: String], payload: Data) {
        self.stage = stage
        self.filesRead = filesRead
        self.payload = payload
    }

    static let header = Data("report-stage-cache 1\n".utf8)

    /// The entry's bytes on disk.
    public func encoded() throws -> Data {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        let body = try encoder.encode(self)
        return Self.header + Data((ContentDigest.sha256(body) + "\n").utf8) + body
    }

    /// Reads an entry, checking its header and the digest of its body.
    /// - Throws: ``CorruptEntry`` saying what is wrong.
    public init(encoded bytes: Data) throws {
        let digestLength = 64
        guard bytes.count > Self.header.count + digestLength + 1, bytes.prefix(Self.header.count) == Self.header else {
            throw CorruptEntry(reason: "its header is missing or truncated")
        }
        let digestStart = bytes.startIndex + Self.header.count
        let digest = String(decoding: bytes[digestStart..<(digestStart + digestLength)], as: UTF8.self)
        let body = bytes[(digestStart + digestLength + 1)...]
        guard ContentDigest.sha256(Data(body)) == digest else {
            throw CorruptEntry(reason: "its payload does not match its SHA-256 (truncated or altered)")
        }
        do {
            self = try PropertyListDecoder().decode(StageCacheEntry.self, from: Data(body))
        } catch {
            throw CorruptEntry(reason: "it cannot be decoded (\(error))")
        }
    }

    /// Why an entry's bytes cannot be trusted.
    public struct CorruptEntry: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }
}

/// The wrapper a stage result is encoded in: property lists need a container at the top, and a bare `Double`
/// or `[Int]` result has none.
public struct StageValue<Value: Codable>: Codable {
    public var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// The value as a binary property list.
    public static func encode(_ value: Value) throws -> Data {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        return try encoder.encode(StageValue(value))
    }

    /// The value stored by ``encode(_:)``.
    public static func decode(_ data: Data) throws -> Value {
        try PropertyListDecoder().decode(StageValue.self, from: data).value
    }
}
