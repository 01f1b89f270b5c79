import XCTest
@testable import Plotting

final class PolylinePainterTests: XCTestCase {
    /// Rows 12…20: the horizontal segment at y = 10 and the ones below y = 30 stay out; the two segments
    /// crossing the rows are kept whole, with a break between the separate pieces.
    func testSegmentsReachingRowsAreKeptWhole() {
        let run = [PagePoint(x: 0, y: 0), PagePoint(x: 0, y: 10), PagePoint(x: 5, y: 10), PagePoint(x: 5, y: 30),
                   PagePoint(x: 6, y: 31), PagePoint(x: 7, y: 40), PagePoint(x: 8, y: 15), PagePoint(x: 9, y: 15)]
        let kept = PolylinePainter.segments(of: run, reaching: 12...20)
        XCTAssertEqual(kept, [PagePoint(x: 5, y: 10), PagePoint(x: 5, y: 30), nil,
                              PagePoint(x: 7, y: 40), PagePoint(x: 8, y: 15), PagePoint(x: 9, y: 15)])
        XCTAssertEqual(PolylinePainter.segments(of: run, reaching: nil), run)
        XCTAssertEqual(PolylinePainter.segments(of: run, reaching: 100...200), [])
    }
}
