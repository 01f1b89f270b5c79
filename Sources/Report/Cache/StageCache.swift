import Foundation

/// A folder of stage results, each stored under the digest of everything that could change it.
///
/// Layout under ``directory``:
/// - `stages/<2 hex>/<key>`: one entry per key (see ``StageCacheEntry`` for its bytes).
/// - `last/<2 hex>/<stage identity digest>`: the key components of the last run of each stage of each
///   experiment, only to explain what changed when the next run misses.
///
/// Safe against two runs at once: every file is written with ``AtomicFile`` (complete or absent, never torn),
/// and an entry carries the SHA-256 of its payload, so a truncated or bit-flipped file is reported as corrupt
/// and recomputed, never decoded into a wrong value.
public struct StageCache {
    /// The cache's root folder.
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// What a lookup found.
    public enum Lookup {
        case hit(StageCacheEntry)
        case missing
        /// The file exists but fails its digest or cannot be decoded; the reason says which.
        case corrupt(String)
    }

    /// The entry stored under `key`, if there is a sound one.
    public func load(key: String) -> Lookup {
        guard let bytes = FileManager.default.contents(atPath: entryURL(for: key).path) else { return .missing }
        do {
            return .hit(try StageCacheEntry(encoded: bytes))
        } catch {
            return .corrupt("\(error)")
        }
    }

    /// Stores `entry` under `key`, replacing any entry there.
    public func store(_ entry: StageCacheEntry, key: String) throws {
        try AtomicFile.write(try entry.encoded(), to: entryURL(for: key))
    }

    /// The key components recorded the last time the stage `identity` ran or was reused.
    public func lastComponents(of identity: String) -> [String: String]? {
        guard let data = FileManager.default.contents(atPath: lastURL(for: identity).path) else { return nil }
        return try? PropertyListDecoder().decode([String: String].self, from: data)
    }

    /// Records `components` as the last ones of the stage `identity`.
    public func recordLastComponents(_ components: [String: String], of identity: String) throws {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        try AtomicFile.write(try encoder.encode(components), to: lastURL(for: identity))
    }

    /// Where the entry of `key` lives.
    public func entryURL(for key: String) -> URL {
        directory.appendingPathComponent("stages/\(key.prefix(2))/\(key)")
    }

    private func lastURL(for identity: String) -> URL {
        let name = ContentDigest.sha256(identity)
        return directory.appendingPathComponent("last/\(name.prefix(2))/\(name)")
    }
}
