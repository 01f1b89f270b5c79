import Foundation
import XCTest

/// Compares text with a golden file line by line, recording by the rule of ``SnapshotRecording``.
///
/// Goldens live in a `Goldens/` folder beside the calling test file. On a mismatch the failure shows a
/// unified-style diff of the differing lines.
public enum GoldenFile {
    /// - Parameters:
    ///   - actual: The text produced now.
    ///   - name: The golden's file name, e.g. `sample.md`.
    ///   - folder: The folder of goldens beside the test file.
    public static func assertMatches(_ actual: String, golden name: String, folder: String = "Goldens",
                                     file: StaticString = #filePath, line: UInt = #line) {
        let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
            .appendingPathComponent(folder, isDirectory: true)
        let url = directory.appendingPathComponent(name)
        if SnapshotRecording.isRecording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            XCTAssertNoThrow(try Data(actual.utf8).write(to: url), file: file, line: line)
            XCTFail(SnapshotRecording.recorded(name), file: file, line: line)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
            XCTFail(SnapshotRecording.howToRecord(name), file: file, line: line)
            return
        }
        guard expected != actual else { return }
        XCTFail("\(name) differs from its golden:\n" + diff(expected: expected, actual: actual), file: file, line: line)
    }

    /// The differing lines with two lines of context, `-` for the golden and `+` for the actual text.
    public static func diff(expected: String, actual: String) -> String {
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
