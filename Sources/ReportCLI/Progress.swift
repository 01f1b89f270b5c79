import Foundation
import ReportRunner

/// One line of progress on standard error, so standard output stays the list of written files.
enum Progress {
    static func say(_ message: String) {
        FileHandle.standardError.write(Data("report: \(message)\n".utf8))
    }
}
