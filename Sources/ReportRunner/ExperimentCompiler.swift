import Foundation
import Report

/// Compiles an experiment folder into an executable with `swiftc -Onone`, linked against `libReportKit.so`.
///
/// Why not a target of this package: SwiftPM's manifest cache hides newly added folders, one broken experiment
/// would break every build, and a nested `swift build` deadlocks inside `swift test` (see DESIGN.md). Compiling
/// with `swiftc` takes about a second, picks up any folder, and prints the compiler's own `file:line:column:`
/// diagnostics. The result is cached under `.build/experiments/` and reused while the sources, the library
/// and the compiler are unchanged.
public struct ExperimentCompiler {
    public let layout: ToolLayout

    public init(layout: ToolLayout) {
        self.layout = layout
    }

    /// The module name every experiment is compiled as; it must not clash with the `Experiment` protocol.
    public static let moduleName = "ExperimentProgram"

    /// Returns the path of the compiled experiment, compiling it only when its cache key changed.
    /// - Parameters:
    ///   - sourcePaths: the source files, spelled as the user named the folder, so diagnostics show paths the
    ///     user recognises (`experiments/x/X.swift:3:5: error: …`).
    ///   - build: the library digest and the compiler, part of the cache key.
    ///   - errorLines: receives swiftc's diagnostics line by line; by default they go straight to standard error.
    ///   - logFile: where the compiler's messages go instead, when set (it takes precedence over `errorLines`).
    /// - Throws: `ReportFailure` when swiftc fails; its diagnostics have already been shown.
    public func compile(_ experiment: ExperimentEntry, sourcePaths: [String], build: BuildInputs,
                        errorLines: ((String) -> Void)? = nil, logFile: URL? = nil) throws -> (executable: URL, wasCached: Bool) {
        let folderKey = String(CacheKey.hash([experiment.directory.standardizedFileURL.path]), radix: 16)
        let cacheFolder = layout.experimentCacheDirectory
            .appendingPathComponent("\(experiment.name)-\(folderKey)", isDirectory: true)
        try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        let executable = cacheFolder.appendingPathComponent("experiment")
        let keyFile = cacheFolder.appendingPathComponent("cache-key")

        // Built once (it asks pkg-config) and used for the key and the compile, which differ only in `-o`.
        let arguments = try compilerArguments(sourcePaths: sourcePaths)
        let key = try cacheKey(arguments: arguments + ["-o", executable.path], sources: experiment.sourceFiles, build: build)
        if FileManager.default.isExecutableFile(atPath: executable.path),
           (try? String(contentsOf: keyFile, encoding: .utf8)) == key {
            return (executable, true)
        }
        // Two runs may compile the same experiment at once (`report run` in two terminals, CI jobs sharing a
        // checkout): each compiles to a file of its own and renames it into place, and the key is written after
        // the executable, so neither ever runs a half-written program or trusts a key for another's sources.
        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = cacheFolder.appendingPathComponent("experiment.\(unique).partial")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let outcome = try CommandRunner.run(build.compiler.path, arguments + ["-o", temporary.path],
                                            errorLines: errorLines, logFile: logFile)
        guard outcome.succeeded else {
            // With a log file the messages are not above but in the log, whose last lines go on the failure page.
            throw ReportFailure("experiment '\(experiment.name)' does not compile (swiftc: \(outcome.summary))"
                                + (logFile == nil ? "; see the errors above" : ""))
        }
        guard rename(temporary.path, executable.path) == 0 else {
            throw ReportFailure("cannot move the compiled experiment to \(executable.path): \(String(cString: strerror(errno)))")
        }
        try key.write(to: keyFile, atomically: true, encoding: .utf8)
        return (executable, false)
    }

    /// `swiftc` options: optimised, the ReportKit modules and library, and the module maps and header paths
    /// of the system libraries those modules import.
    private func compilerArguments(sourcePaths: [String]) throws -> [String] {
        let library = layout.libraryDirectory.path
        var arguments = [
            // Without optimisation: -O took 2.5–3.5× longer to compile (most of it optimising the document
            // builders), while the time a run spends is in the library, which is optimised. Loops over elements
            // belong in the library (see `Statistics`); measured in Benchmarks/EndToEndBenchmark.
            "-Onone", "-parse-as-library", "-swift-version", "5",
            // Multi-file experiments compile one frontend job per core: gallery 8.6 → 5.9 s.
            "-j", String(ProcessInfo.processInfo.activeProcessorCount),
            // A cached stage's body must not change captured variables: the cache restores only its result.
            "-Werror", "SendableClosureCaptures",
            // Line tables and frame pointers let the runtime's backtrace of a crash name the user's file:line
            // (without frame pointers it stops at the crashing frame); both cost little.
            "-gline-tables-only", "-Xcc", "-fno-omit-frame-pointer",
            "-module-name", Self.moduleName,
            "-I", library + "/Modules",
            "-L", library, "-lReportKit",
            "-Xlinker", "-rpath", "-Xlinker", library,
        ]
        for name in ToolLayout.systemLibraries {
            let moduleMap = layout.packageRoot.appendingPathComponent("Sources/\(name)/module.modulemap").path
            arguments += ["-Xcc", "-fmodule-map-file=" + moduleMap]
        }
        guard let flags = CommandRunner.probe("pkg-config", ["--cflags"] + ToolLayout.pkgConfigNames) else {
            throw ReportFailure("pkg-config cannot find \(ToolLayout.pkgConfigNames.joined(separator: ", ")); run the set-up command in README.md")
        }
        for flag in flags.split(separator: " ") where flag.hasPrefix("-I") {
            arguments += ["-Xcc", String(flag)]
        }
        return arguments + sourcePaths
    }

    /// A digest of everything that changes the compiled program: options, source text, the library's content
    /// and the compiler binary.
    private func cacheKey(arguments: [String], sources: [URL], build: BuildInputs) throws -> String {
        var parts = arguments
        for source in sources {
            parts.append(try String(contentsOf: source, encoding: .utf8))
        }
        parts.append(build.libraryDigest)
        parts.append(build.compiler.identity)
        return ContentDigest.sha256(parts.joined(separator: "\u{1F}"))
    }
}

/// FNV-1a, 64-bit: a cache key, not a security measure (Foundation on Linux has no digest functions).
public enum CacheKey {
    public static func hash(_ parts: [String]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            value = (value ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
        return value
    }
}
