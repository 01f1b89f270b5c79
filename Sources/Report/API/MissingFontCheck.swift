import Foundation
import Plotting

/// Turns the characters figures could not draw into a warning naming the font and the characters, or an
/// error under `--strict`: a figure with boxes for every Chinese label must not pass CI silently.
enum MissingFontCheck {
    /// The warning for `records` (nil when there are none); under `strict`, throws it as an error instead.
    static func warning(for records: [MissingGlyphs.Record], strict: Bool) throws -> String? {
        guard !records.isEmpty else { return nil }
        // Figures render concurrently, so the order characters were met in varies from run to run; the
        // message is sorted so the same figures give the same words.
        let sorted = records.map { (family: $0.family, characters: String($0.characters.sorted())) }
            .sorted { $0.family < $1.family }
        let lines = sorted.map { record in
            let shown = record.characters.count > 24 ? String(record.characters.prefix(24)) + "…" : record.characters
            return "font \"\(record.family)\" is missing or lacks \(record.characters.count) character\(record.characters.count == 1 ? "" : "s") that figures need: \(shown)"
                + Self.installHint(record.family)
        }
        let message = lines.joined(separator: "; ") + "; those characters are drawn as boxes"
        if strict { throw ReportError(message + " (an error under --strict)") }
        return message
    }

    private static func installHint(_ family: String) -> String {
        family.contains("CJK") ? " (Debian: apt-get install fonts-noto-cjk, or run ./scripts/setup.sh)" : ""
    }
}
