import XCTest
final class PlaceholderTests: XCTestCase { func testPackageBuilds() { XCTAssertEqual(1 + 1, 2) } }
