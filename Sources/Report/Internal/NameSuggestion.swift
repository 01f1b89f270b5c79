/// "Did you mean …?" for a misspelt name: the known name closest in edit distance, if it is close enough to
/// be a likely typo.
enum NameSuggestion {
    /// The closest of `candidates` to `name`, or `nil` when none is within a third of the name's length
    /// (at least 1, at most 3 edits); failing that, the first candidate that starts with a name of three or more
    /// letters (`fig` → `figure`). Ties go to the first in sorted order, so messages are deterministic.
    static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let sorted = candidates.sorted()
        if let near = closestByEdits(to: name, in: sorted) { return near }
        guard name.count >= 3 else { return nil }
        return sorted.first { $0.lowercased().hasPrefix(name.lowercased()) }
    }

    private static func closestByEdits(to name: String, in candidates: [String]) -> String? {
        let limit = min(3, max(1, name.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// The Levenshtein distance: the fewest insertions, deletions and substitutions that turn `a` into `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
