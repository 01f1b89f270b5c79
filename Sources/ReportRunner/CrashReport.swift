import Foundation

/// What the Swift runtime's backtracer wrote about a crashed experiment, read back so that `report` can say
/// first what happened and where in the user's own code, and only then show the whole backtrace.
///
/// `report run` starts the experiment with `SWIFT_BACKTRACE` (see ``environment(logFolder:)``) asking for a
/// symbolicated text backtrace of the crashed thread in a log file, without registers or image lists.
/// Experiments are compiled with line tables and frame pointers (see ``ExperimentCompiler``), so the frames of
/// optimised code carry `file:line:column`.
public struct CrashReport {
    /// One frame of the backtrace.
    public struct Frame: Equatable {
        public var function: String
        /// The source file as compiled (relative to the folder `report` ran in, for the experiment's own
        /// files), or nil when the frame has no location.
        public var path: String?
        public var line: Int?
        public var column: Int?

        public init(function: String, path: String? = nil, line: Int? = nil, column: Int? = nil) {
            self.function = function
            self.path = path
            self.line = line
            self.column = column
        }
    }

    /// "Illegal instruction", "Swift runtime failure: precondition failure", ….
    public var reason: String
    /// The frames of the crashed thread, innermost first.
    public var frames: [Frame]
    /// The backtrace as the runtime printed it (the frames of the crashed thread).
    public var backtrace: String

    /// The variables that make the runtime write a report into `logFolder`.
    public static func environment(logFolder: URL) -> [String: String] {
        ["SWIFT_BACKTRACE": [
            "enable=yes", "interactive=no", "color=no", "sanitize=no", "threads=crashed", "registers=none",
            "images=none", "output-to=\(logFolder.path)",
        ].joined(separator: ",")]
    }

    /// The report in `logFolder`, if the runtime wrote one.
    public init?(logFolder: URL) {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: logFolder.path))?.sorted() ?? []
        guard let name = files.first(where: { $0.hasSuffix(".log") }),
              let text = try? String(contentsOf: logFolder.appendingPathComponent(name), encoding: .utf8) else { return nil }
        self.init(text: text)
    }

    /// Parses the runtime's text format: a `*** … ***` headline, then `Thread N crashed:` and one frame a line,
    /// e.g. `  2    0x0000… specialized static M.main() + 217 in crash at /path/crash.swift:6:9`.
    public init(text: String) {
        let lines = text.components(separatedBy: "\n")
        reason = "the program crashed"
        for line in lines where line.hasPrefix("*** ") && line.hasSuffix(" ***") {
            var headline = String(line.dropFirst(4).dropLast(4))
            if headline.hasPrefix("Program crashed: ") { headline = String(headline.dropFirst("Program crashed: ".count)) }
            if let range = headline.range(of: " at 0x") { headline = String(headline[..<range.lowerBound]) }
            reason = headline
            break
        }
        var frames: [Frame] = []
        var frameLines: [String] = []
        var inThread = false
        for line in lines {
            if line.hasPrefix("Thread ") && line.hasSuffix("crashed:") { inThread = true; continue }
            guard inThread else { continue }
            if line.hasPrefix("Backtrace took") || line.hasPrefix("Registers:") || line.hasPrefix("Images") { break }
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            frameLines.append(line)
            if let frame = Self.frame(from: line) { frames.append(frame) }
        }
        self.frames = frames
        backtrace = frameLines.joined(separator: "\n")
    }

    /// The innermost frame in a file below `folder` (the experiment's own code), if any.
    public func firstFrame(under folder: URL) -> Frame? {
        let prefixes = [folder.standardizedFileURL.resolvingSymlinksInPath().path + "/", folder.standardizedFileURL.path + "/"]
        let workingFolder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return frames.first { frame in
            guard let path = frame.path else { return false }
            let absolute = URL(fileURLWithPath: path, relativeTo: workingFolder).standardizedFileURL.path
            return prefixes.contains { absolute.hasPrefix($0) }
        }
    }

    /// The function of the innermost frame, for a reason like "Illegal instruction in subscript.get".
    public var innermostFunction: String? { frames.first?.function }

    /// `  1 [inlined]  0x000055fe92c78ed9 boom(_:_:) + 12 in crash at /tmp/crash.swift:1:43`: index, flags, address,
    /// function (with an offset), image, and a location that may be missing or `//<compiler-generated>`.
    private static let framePattern = try! NSRegularExpression(
        pattern: #"^\s*\d+\s+(?:\[[a-z]+\]\s+)*0x[0-9a-f]+\s+(.*?)(?:\s\+\s\d+)?\s+in\s+\S+(?:\s+at\s+(.+?))?\s*$"#)
    private static let locationPattern = try! NSRegularExpression(pattern: #"^(.+?):(\d+)(?::(\d+))?$"#)

    private static func frame(from line: String) -> Frame? {
        let range = NSRange(line.startIndex..., in: line)
        guard let match = framePattern.firstMatch(in: line, range: range),
              let functionRange = Range(match.range(at: 1), in: line) else { return nil }
        var function = String(line[functionRange])
        if function.hasPrefix("specialized ") { function = String(function.dropFirst("specialized ".count)) }
        var frame = Frame(function: function)
        if let locationRange = Range(match.range(at: 2), in: line) {
            let location = String(line[locationRange])
            let whole = NSRange(location.startIndex..., in: location)
            if let parts = locationPattern.firstMatch(in: location, range: whole),
               let pathRange = Range(parts.range(at: 1), in: location), let lineRange = Range(parts.range(at: 2), in: location) {
                frame.path = String(location[pathRange])
                frame.line = Int(location[lineRange])
                frame.column = Range(parts.range(at: 3), in: location).flatMap { Int(location[$0]) }
            } else if !location.hasPrefix("//<") {
                frame.path = location
            }
        }
        return frame
    }
}
