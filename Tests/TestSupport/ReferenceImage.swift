import Foundation
import Plotting
import XCTest

/// Compares a figure with a reviewed PNG within a tolerance (``ImageComparison``), recording by the rule of
/// ``SnapshotRecording``.
///
/// References live in a `References/` folder beside the calling test file. On a mismatch the actual image and a
/// difference image (red where pixels differ) are written to `<temporary directory>/ReferenceImages/` and the
/// test fails with their paths.
public enum ReferenceImage {
    /// - Parameters:
    ///   - figure: The figure, rasterised at its device scale.
    ///   - name: The reference's name without `.png`.
    ///   - folder: The folder of references beside the test file.
    public static func assertMatches(_ figure: Figure, named name: String, folder: String = "References",
                                     file: StaticString = #filePath, line: UInt = #line) throws {
        let actual = try figure.rasterize()
        let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
            .appendingPathComponent(folder, isDirectory: true)
        let referenceURL = directory.appendingPathComponent(name + ".png")
        if SnapshotRecording.isRecording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.pngData().write(to: referenceURL)
            XCTFail(SnapshotRecording.recorded(name + ".png"), file: file, line: line)
            return
        }
        guard FileManager.default.fileExists(atPath: referenceURL.path) else {
            XCTFail(SnapshotRecording.howToRecord(name + ".png"), file: file, line: line)
            return
        }
        let reference = try RasterImage(pngData: Data(contentsOf: referenceURL))
        let comparison = ImageComparison(actual: actual, reference: reference)
        guard !comparison.matches() else { return }
        let failures = FileManager.default.temporaryDirectory.appendingPathComponent("ReferenceImages", isDirectory: true)
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
