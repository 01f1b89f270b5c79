import Foundation
import Plotting

/// Turns the characters figures could not draw into a warning naming the font and the characters, or an
/// error under `--strict`: a figure with boxes for every Chinese label must not pass CI silently.
enum MissingFontCheck {
    /// The warning for `records` (nil when there are none); under `strict`, throws it as an error instead.
    static func warning(for records: [MissingGlyphs.Record], strict: Bool) throws -> String? {
        guard !records.isEmpty else { return nil }
        let lines = records.map { record in
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
