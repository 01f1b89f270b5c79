import Foundation

/// The page-space runs of each contour level, transformed and simplified once per layout and shared by the
/// bands of a raster figure (see `Figure.withRenderedSurface`).
///
/// Both bands stroke most contour lines (the lines cross the band boundary), and transforming and simplifying
/// the lines again in the second band was most of the work the bands repeat. Each level has its own entry and
/// lock, so the two bands, drawing the levels in the same order, share the work as they go: whichever band
/// reaches a level first prepares it while the other strokes the level before.
///
/// - Note: An entry is keyed by the data-to-page transform; a render with another layout (another surface
///   type, another size) prepares the runs afresh. Thread-safe.
final class ContourRunCache: @unchecked Sendable {
    private final class Entry {
        let lock = NSLock()
        var transform: DataTransform?
        var runs: [[PagePoint]] = []
    }

    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]

    /// The runs of level `level` under `transform`, made by `make` unless they were made for that transform.
    ///
    /// - Parameters:
    ///   - level: The level's index.
    ///   - transform: The data-to-page transform the runs are for.
    ///   - make: Prepares the runs.
    /// - Returns: The prepared runs.
    func runs(level: Int, transform: DataTransform, make: () -> [[PagePoint]]) -> [[PagePoint]] {
        lock.lock()
        let entry = entries[level] ?? {
            let created = Entry()
            entries[level] = created
            return created
        }()
        lock.unlock()
        entry.lock.lock()
        defer { entry.lock.unlock() }
        if entry.transform != transform {
            entry.runs = make()
            entry.transform = transform
        }
        return entry.runs
    }
}
