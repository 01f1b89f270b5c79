import XCTest
@testable import Plotting

final class ContourRunCacheTests: XCTestCase {
    private func transform(width: Double) -> DataTransform {
        DataTransform(x: AxisMapping(scale: .linear, lower: 0, upper: 1, start: 0, end: width),
                      y: AxisMapping(scale: .linear, lower: 0, upper: 1, start: 100, end: 0))
    }

    /// Runs are made once per level and transform, and made again when the transform changes.
    func testRunsAreReusedUntilTheTransformChanges() {
        let cache = ContourRunCache()
        var made = 0
        func make() -> [[PagePoint]] {
            made += 1
            return [[PagePoint(x: Double(made), y: 0)]]
        }
        let first = cache.runs(level: 0, transform: transform(width: 100), make: make)
        XCTAssertEqual(cache.runs(level: 0, transform: transform(width: 100), make: make), first)
        XCTAssertEqual(made, 1)
        _ = cache.runs(level: 1, transform: transform(width: 100), make: make)
        XCTAssertEqual(made, 2)
        XCTAssertEqual(cache.runs(level: 0, transform: transform(width: 200), make: make), [[PagePoint(x: 3, y: 0)]])
    }
}
