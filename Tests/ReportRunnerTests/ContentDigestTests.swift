import Foundation
import Report
import ReportRunner
import XCTest

/// Digests against the test vectors of FIPS 180-2 (appendix B) and `sha256sum`.
final class ContentDigestTests: XCTestCase {
    func testEmptyInput() {
        XCTAssertEqual(ContentDigest.sha256(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testThreeLetters() {
        XCTAssertEqual(ContentDigest.sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testTwoBlockMessage() {
        XCTAssertEqual(
            ContentDigest.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
    }
}
