import Foundation
import XCTest

/// Compares text with a golden file in `Tests/ReportTests/Goldens/`, line by line.
///
/// On a mismatch the failure shows a unified-style diff of the differing lines. Goldens change only when the
/// test is run with `REPORT_UPDATE_GOLDENS=1`, which rewrites them (and still fails, so an update is never
/// silent).
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Goldens")

    static func assertMatches(_ actual: String, golden name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["REPORT_UPDATE_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            XCTAssertNoThrow(try Data(actual.utf8).write(to: url), file: file, line: line)
            XCTFail("updated golden \(name); run again without REPORT_UPDATE_GOLDENS", file: file, line: line)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
            XCTFail("missing golden \(name); run with REPORT_UPDATE_GOLDENS=1 to create it", file: file, line: line)
            return
        }
        guard expected != actual else { return }
        XCTFail("\(name) differs from its golden:\n" + diff(expected: expected, actual: actual), file: file, line: line)
    }

    /// The differing lines with two lines of context, `-` for the golden and `+` for the actual text.
    static func diff(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        let difference = new.difference(from: old)
        var removed: [Int: String] = [:]
        var inserted: [Int: String] = [:]
        for change in difference {
            switch change {
            case .remove(let offset, let element, _): removed[offset] = element
            case .insert(let offset, let element, _): inserted[offset] = element
            }
        }
        var output: [String] = []
        var oldIndex = 0
        var newIndex = 0
        var lastPrinted = -10
        while oldIndex < old.count || newIndex < new.count {
            if let line = removed[oldIndex] {
                output.append("-\(oldIndex + 1): \(line)")
                oldIndex += 1
                lastPrinted = newIndex
            } else if let line = inserted[newIndex] {
                output.append("+\(newIndex + 1): \(line)")
                newIndex += 1
                lastPrinted = newIndex
            } else {
                if newIndex - lastPrinted <= 2, newIndex < new.count { output.append("  \(newIndex + 1): \(new[newIndex])") }
                oldIndex += 1
                newIndex += 1
            }
            if output.count > 80 {
                output.append("… (diff truncated)")
                break
            }
        }
        return output.joined(separator: "\n")
    }
}
