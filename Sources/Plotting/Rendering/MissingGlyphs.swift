import Foundation

/// Characters that figures needed and that neither the theme's font nor its fallback font could draw, so they
/// came out as boxes (for example every Chinese label when the CJK font is not installed).
///
/// Drawing never fails because of a missing glyph; the program that made the figures asks
/// ``takeRecords()`` afterwards and warns, or fails under a strict policy, naming the fonts and characters.
/// Thread-safe: raster figures measure text on two threads.
public final class MissingGlyphs: @unchecked Sendable {
    public static let shared = MissingGlyphs()

    /// One font family and the characters it lacked, in the order first met.
    public struct Record: Equatable, Sendable {
        public var family: String
        public var characters: String
    }

    private let lock = NSLock()
    private var records: [Record] = []

    func record(_ character: Character, family: String) {
        lock.lock()
        defer { lock.unlock() }
        if let index = records.firstIndex(where: { $0.family == family }) {
            if !records[index].characters.contains(character) { records[index].characters.append(character) }
        } else {
            records.append(Record(family: family, characters: String(character)))
        }
    }

    /// What was recorded since the last call, and forgets it.
    public func takeRecords() -> [Record] {
        lock.lock()
        defer { lock.unlock() }
        let taken = records
        records = []
        return taken
    }
}
