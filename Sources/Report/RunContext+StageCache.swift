import Foundation

/// The cache half of the command-line contract (``RunContext/commandLineArguments``), and which of the
/// context's options can change a stage's result.
extension RunContext {
    /// Options that carry ``stageCache`` and ``inputListFile``.
    static let cacheOptions: Set<String> = [
        "--cache-directory", "--code-digest", "--library-digest", "--fresh", "--explain", "--input-list",
    ]
    /// Those of ``cacheOptions`` that take no value.
    static let cacheFlags: Set<String> = ["--fresh", "--explain"]

    var cacheArguments: [String] {
        var arguments: [String] = []
        if let stageCache {
            arguments += [
                "--cache-directory", stageCache.directory.path,
                "--code-digest", stageCache.codeDigest,
                "--library-digest", stageCache.libraryDigest,
            ]
            if stageCache.fresh { arguments.append("--fresh") }
            if stageCache.explain { arguments.append("--explain") }
        }
        if let inputListFile { arguments += ["--input-list", inputListFile.path] }
        return arguments
    }

    mutating func parseCacheOption(_ option: String, value: String?) throws {
        if option == "--input-list" {
            inputListFile = URL(fileURLWithPath: value ?? "")
            return
        }
        var settings = stageCache ?? StageCacheSettings(directory: URL(fileURLWithPath: "."), codeDigest: "", libraryDigest: "")
        switch option {
        case "--cache-directory": settings.directory = URL(fileURLWithPath: value ?? "", isDirectory: true)
        case "--code-digest": settings.codeDigest = value ?? ""
        case "--library-digest": settings.libraryDigest = value ?? ""
        case "--fresh": settings.fresh = true
        case "--explain": settings.explain = true
        default: throw ArgumentError(message: "unknown option \(option)")
        }
        stageCache = settings
    }

    /// The options of ``commandLineArguments`` that may change what a stage computes: all of them except those
    /// that only describe the run (git commit, timings, where the source and cache live).
    ///
    /// Built by clearing the descriptive fields and keeping whatever remains, so a field added to `RunContext`
    /// later (a parameter, a seed) is part of every stage key without anyone remembering to add it.
    public var resultAffectingArguments: [String] {
        var stable = self
        stable.sourceDirectory = nil
        stable.gitCommit = nil
        stable.gitTreeIsDirty = false
        stable.includeTimings = false
        stable.stageTimings = []
        stable.stageCache = nil
        stable.inputListFile = nil
        return stable.commandLineArguments
    }

    /// ``resultAffectingArguments`` grouped per option, named for `--explain`: `parameter machine`, or
    /// `parameter NAME` for an option whose value is `NAME=value` (such as `--set epochs=10`).
    public var parameterComponents: [String: String] {
        var components: [String: String] = [:]
        var current: (name: String, values: [String])?
        func flush() {
            guard let (name, values) = current else { return }
            var key = "parameter " + name
            if let first = values.first, let equals = first.firstIndex(of: "=") {
                key += " " + first[..<equals]
            }
            // A repeated option keeps every occurrence, in order.
            components[key] = (components[key].map { $0 + "\u{1E}" } ?? "") + values.joined(separator: "\u{1F}")
        }
        for argument in resultAffectingArguments {
            if argument.hasPrefix("--") {
                flush()
                current = (String(argument.dropFirst(2)), [])
            } else {
                current?.values.append(argument)
            }
        }
        flush()
        return components
    }
}
