internal import CCairo
import Foundation

/// Font measurements shared by every ``Canvas`` of the process: scaled fonts for measuring, which characters
/// the main font covers, text advances and line metrics.
///
/// Every figure draws on a fresh canvas, and re-resolving a scaled font, asking the font for each character
/// and measuring each tick label again cost about a tenth of a dense figure's drawing time; the answers only
/// depend on the font family, the size and the kind of surface, so they are kept for the whole process.
///
/// - Note: Scaled fonts are made through a context (`cairo_get_scaled_font`) so that they carry the same
///   merged font options as the text Cairo draws; those options depend on the surface type, which is part of
///   every key. Thread-safe: the bands of a raster figure measure on two threads at once.
final class FontCache: @unchecked Sendable {
    static let shared = FontCache()

    struct FontKey: Hashable {
        var surfaceType: UInt32
        var family: String
        var size: Double
    }

    private struct CoverageKey: Hashable {
        var family: String
        var character: Character
    }

    private struct AdvanceKey: Hashable {
        var font: FontKey
        var text: String
    }

    private struct MetricsKey: Hashable {
        var font: FontKey
        var fallbackFamily: String
    }

    /// Advances kept before the table starts afresh, so that a long-running process cannot grow it without end.
    private static let advanceLimit = 20_000

    private let lock = NSLock()
    private var scaledFonts: [FontKey: OpaquePointer] = [:]
    private var coverage: [CoverageKey: Bool] = [:]
    private var advances: [AdvanceKey: Double] = [:]
    private var metrics: [MetricsKey: (ascent: Double, descent: Double)] = [:]

    private func locked<Value>(_ body: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// The scaled font for `key`, made by `make` (which returns a new reference) the first time.
    func scaledFont(_ key: FontKey, make: () -> OpaquePointer) -> OpaquePointer {
        if let font = locked({ scaledFonts[key] }) { return font }
        let made = make()
        return locked {
            if let existing = scaledFonts[key] {
                // Another thread made the same font meanwhile; keep one.
                cairo_scaled_font_destroy(made)
                return existing
            }
            scaledFonts[key] = made
            return made
        }
    }

    /// Whether `family` has a glyph for `character`, found by `measure` the first time.
    func covers(_ character: Character, family: String, measure: () -> Bool) -> Bool {
        let key = CoverageKey(family: family, character: character)
        if let known = locked({ coverage[key] }) { return known }
        let covered = measure()
        locked { coverage[key] = covered }
        return covered
    }

    /// The advance width of `text` in `font`, found by `measure` the first time.
    func advance(of text: String, font: FontKey, measure: () -> Double) -> Double {
        let key = AdvanceKey(font: font, text: text)
        if let known = locked({ advances[key] }) { return known }
        let advance = measure()
        locked {
            if advances.count >= Self.advanceLimit { advances.removeAll() }
            advances[key] = advance
        }
        return advance
    }

    /// Ascent and descent for the main font `font` with `fallbackFamily`, found by `measure` the first time.
    func metrics(font: FontKey, fallbackFamily: String,
                 measure: () -> (ascent: Double, descent: Double)) -> (ascent: Double, descent: Double) {
        let key = MetricsKey(font: font, fallbackFamily: fallbackFamily)
        if let known = locked({ metrics[key] }) { return known }
        let value = measure()
        locked { metrics[key] = value }
        return value
    }
}
