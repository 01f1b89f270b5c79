import XCTest
@testable import Plotting
import TestSupport

/// The PNG writer (libpng, libimagequant) checked with a decoder that shares no code with it
/// (``IndependentPNGDecoder``: Python's zlib and a PNG parser written from the specification).
final class PNGEncoderTests: XCTestCase {
    private var state: UInt64 = 1
    private func random() -> UInt32 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt32(truncatingIfNeeded: state >> 33)
    }

    private func rgb(_ image: RasterImage) -> [UInt8] {
        image.pixels.flatMap { [UInt8($0 >> 16 & 0xFF), UInt8($0 >> 8 & 0xFF), UInt8($0 & 0xFF)] }
    }

    /// A plot-like image: white, a grid of grey lines, a red diagonal band with anti-aliased edges.
    private func plotLike(width: Int = 300, height: Int = 200) -> RasterImage {
        RasterImage(width: width, height: height, pixels: (0..<(width * height)).map { index in
            let x = index % width, y = index / width
            if x % 50 == 0 || y % 40 == 0 { return 0xFFCC_CCCC }
            let distance = abs(Double(x) - 1.5 * Double(y))
            guard distance < 3 else { return 0xFFFF_FFFF }
            let fade = UInt32(min(255, distance * 85))
            return 0xFF00_0000 | 0xD6 << 16 | (0x27 + fade * (255 - 0x27) / 255) << 8 | (0x28 + fade * (255 - 0x28) / 255)
        })
    }

    /// Flat, noisy (incompressible) and large images come back exactly, as truecolour.
    func testLosslessImagesDecodeToTheSamePixels() throws {
        let flat = RasterImage(width: 37, height: 11, pixels: Array(repeating: 0xFF33_6699, count: 37 * 11))
        let noisy = RasterImage(width: 64, height: 48, pixels: (0..<(64 * 48)).map { _ in random() | 0xFF00_0000 })
        let large = RasterImage(width: 400, height: 300, pixels: (0..<(400 * 300)).map { index in
            index % 400 < 200 ? 0xFFFF_FFFF : (random() & 0x0003_0303) | 0xFF40_8020
        })
        for (image, compression) in [(flat, PNGCompression.lossless), (noisy, .lossless), (large, .lossless),
                                     (large, .losslessSmall)] {
            let decoded = try IndependentPNGDecoder.decode(image.pngData(compression: compression))
            XCTAssertEqual(decoded.colorType, 2)
            XCTAssertEqual([decoded.width, decoded.height], [image.width, image.height])
            XCTAssertTrue(decoded.rgb == rgb(image), "decoded pixels differ")
        }
    }

    /// An image of few colours goes through a palette without any change.
    func testFewColoursAreKeptExactlyByThePalette() throws {
        let colors: [UInt32] = [0xFFFF_FFFF, 0xFF1F_77B4, 0xFFFF_7F0E, 0xFF00_0000]
        let image = RasterImage(width: 120, height: 80, pixels: (0..<9600).map { colors[($0 / 7 + $0 / 120) % 4] })
        let decoded = try IndependentPNGDecoder.decode(image.pngData(compression: .palette))
        XCTAssertEqual(decoded.colorType, 3)
        XCTAssertTrue(decoded.rgb == rgb(image), "a palette of the image's own four colours changed pixels")
    }

    /// A plot-like image takes a palette within the PSNR bound; random noise, which 256 colours cannot hold,
    /// falls back to truecolour and stays exact.
    func testPaletteWhereItIsCloseAndTruecolourOtherwise() throws {
        let plot = plotLike()
        let decoded = try IndependentPNGDecoder.decode(plot.pngData(compression: .palette))
        XCTAssertEqual(decoded.colorType, 3)
        let original = rgb(plot)
        let squaredError = zip(decoded.rgb, original).reduce(0.0) { $0 + pow(Double($1.0) - Double($1.1), 2) }
        let psnr = 10 * log10(255 * 255 / max(squaredError / Double(original.count), 1e-12))
        XCTAssertGreaterThanOrEqual(psnr, PNGEncoder.minimumPeakSignalToNoiseRatio)
        XCTAssertLessThan(plot.pngData(compression: .palette).count, plot.pngData(compression: .lossless).count)

        let noisy = RasterImage(width: 96, height: 64, pixels: (0..<(96 * 64)).map { _ in random() | 0xFF00_0000 })
        let fallback = try IndependentPNGDecoder.decode(noisy.pngData(compression: .palette))
        XCTAssertEqual(fallback.colorType, 2)
        XCTAssertTrue(fallback.rgb == rgb(noisy), "the truecolour fallback changed pixels")
    }

    /// A shaded 3-D surface is never quantised (a palette bands its shading).
    func testSurfaceFiguresStayTruecolour() throws {
        let figure = Figure.lossSurface(over: { x, y in x * x + 3 * y * y }, xRange: -2...2, yRange: -2...2)
        XCTAssertTrue(figure.holdsShadedSurface)
        XCTAssertEqual(try IndependentPNGDecoder.decode(figure.pngData(compression: .palette)).colorType, 2)
        XCTAssertFalse(Figure.lossCurves([LossCurve(name: "a", y: [3, 2, 1])]).holdsShadedSurface)
    }

    /// Equal pixels give equal bytes, every time, in every mode.
    func testImagesEncodeIdenticallyRunToRun() {
        let image = RasterImage(width: 800, height: 600, pixels: (0..<(800 * 600)).map { index in
            UInt32(truncatingIfNeeded: (index % 800) * 2654435761 >> 7) | 0xFF00_0000
        })
        for compression in [PNGCompression.lossless, .losslessSmall, .palette] {
            let first = image.pngData(compression: compression)
            for _ in 0..<2 { XCTAssertEqual(image.pngData(compression: compression), first) }
        }
        let plot = plotLike(width: 640, height: 400)
        XCTAssertEqual(plot.pngData(compression: .palette), plot.pngData(compression: .palette))
    }

    func testFlatImagesCompressWell() {
        let white = RasterImage(width: 1600, height: 1000, pixels: Array(repeating: 0xFFFF_FFFF, count: 1_600_000))
        XCTAssertLessThan(white.pngData().count, 40_000)
    }

    /// No time, text or software chunks: only what the pixels need.
    func testNoMetadataChunks() throws {
        let image = RasterImage(width: 4, height: 4, pixels: Array(repeating: 0xFF00_0000, count: 16))
        XCTAssertEqual(try IndependentPNGDecoder.decode(image.pngData()).chunks, ["IHDR", "IDAT", "IEND"])
        XCTAssertEqual(try IndependentPNGDecoder.decode(plotLike().pngData(compression: .palette)).chunks,
                       ["IHDR", "PLTE", "IDAT", "IEND"])
    }
}
