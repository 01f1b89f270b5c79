import Foundation
import XCTest
import Plotting

/// Compares a figure with a reviewed PNG in `References/`, within a tolerance.
///
/// On a mismatch the actual image and a difference image (red where pixels differ) are written to
/// `<temporary directory>/PlottingTests/` and the test fails with their paths. A missing reference is
/// recorded from the actual image and the test fails, so that a person reviews it before it counts.
enum ReferenceImage {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("References", isDirectory: true)

    static func assertMatches(_ figure: Figure, named name: String, file: StaticString = #filePath,
                              line: UInt = #line) throws {
        let actual = try figure.rasterize()
        let referenceURL = directory.appendingPathComponent(name + ".png")
        guard FileManager.default.fileExists(atPath: referenceURL.path) else {
            try actual.pngData().write(to: referenceURL)
            XCTFail("recorded a new reference \(name).png: review it, then run the tests again", file: file, line: line)
            return
        }
        let reference = try RasterImage(pngData: Data(contentsOf: referenceURL))
        let comparison = ImageComparison(actual: actual, reference: reference)
        guard !comparison.matches() else { return }
        let failures = FileManager.default.temporaryDirectory.appendingPathComponent("PlottingTests", isDirectory: true)
        try FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
        let actualURL = failures.appendingPathComponent(name + "-actual.png")
        try actual.pngData().write(to: actualURL)
        var message = "\(name): \(String(format: "%.3f", comparison.differingPixelFraction * 100)) % of pixels differ "
            + "(largest channel difference \(comparison.maximumChannelDifference)); actual: \(actualURL.path)"
        if let difference = comparison.differenceImage {
            let differenceURL = failures.appendingPathComponent(name + "-difference.png")
            try difference.pngData().write(to: differenceURL)
            message += ", difference: \(differenceURL.path)"
        }
        XCTFail(message, file: file, line: line)
    }
}
