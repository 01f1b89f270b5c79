import XCTest
@testable import Plotting

final class ColormapTests: XCTestCase {
    private func assertColor(_ color: Color, hex: UInt32, tolerance: Double = 0.5 / 255,
                             file: StaticString = #filePath, line: UInt = #line) {
        let expected = Color(hex: hex)
        XCTAssertEqual(color.red, expected.red, accuracy: tolerance, file: file, line: line)
        XCTAssertEqual(color.green, expected.green, accuracy: tolerance, file: file, line: line)
        XCTAssertEqual(color.blue, expected.blue, accuracy: tolerance, file: file, line: line)
    }

    /// matplotlib's viridis starts at #440154 and ends at #FDE725; its middle entry is about #21918C.
    func testViridisEndPointsAndMiddle() {
        assertColor(Colormap.viridis.color(at: 0), hex: 0x440154)
        assertColor(Colormap.viridis.color(at: 1), hex: 0xFDE725)
        assertColor(Colormap.viridis.color(at: 0.5), hex: 0x21918C, tolerance: 2 / 255)
        XCTAssertEqual(Colormap.viridis.samples.count, 256)
    }

    func testViridisLightnessIncreases() {
        let luminances = stride(from: 0.0, through: 1.0, by: 0.1).map { Colormap.viridis.color(at: $0).luminance }
        XCTAssertEqual(luminances, luminances.sorted())
    }

    func testOutOfRangeAndNaNAreClamped() {
        assertColor(Colormap.viridis.color(at: -3), hex: 0x440154)
        assertColor(Colormap.viridis.color(at: 7), hex: 0xFDE725)
        assertColor(Colormap.viridis.color(at: .nan), hex: 0x440154)
    }

    func testTab10StartsWithMatplotlibBlueAndOrange() {
        assertColor(Color.tab10[0], hex: 0x1F77B4)
        assertColor(Color.tab10[1], hex: 0xFF7F0E)
        XCTAssertEqual(Color.tab10.count, 10)
    }
}
