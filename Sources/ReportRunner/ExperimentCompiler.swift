import Foundation

/// Compiles an experiment folder into an executable with `swiftc -O`, linked against `libReportKit.so`.
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
    ///   - errorLines: receives swiftc's diagnostics line by line; by default they go straight to standard error.
    /// - Throws: `ReportFailure` when swiftc fails; its diagnostics have already been shown.
    public func compile(_ experiment: ExperimentEntry, sourcePaths: [String],
                        errorLines: ((String) -> Void)? = nil) throws -> (executable: URL, wasCached: Bool) {
        let folderKey = String(CacheKey.hash([experiment.directory.standardizedFileURL.path]), radix: 16)
        let cacheFolder = layout.experimentCacheDirectory
            .appendingPathComponent("\(experiment.name)-\(folderKey)", isDirectory: true)
        try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        let executable = cacheFolder.appendingPathComponent("experiment")
        let keyFile = cacheFolder.appendingPathComponent("cache-key")

        let arguments = try compilerArguments(sourcePaths: sourcePaths, output: executable)
        let key = try cacheKey(arguments: arguments, sources: experiment.sourceFiles)
        if FileManager.default.isExecutableFile(atPath: executable.path),
           (try? String(contentsOf: keyFile, encoding: .utf8)) == key {
            return (executable, true)
        }
        try? FileManager.default.removeItem(at: keyFile)
        let outcome = try CommandRunner.run("swiftc", arguments, errorLines: errorLines)
        guard outcome.succeeded else {
            throw ReportFailure("experiment '\(experiment.name)' does not compile (swiftc: \(outcome.summary)); see the errors above")
        }
        try key.write(to: keyFile, atomically: true, encoding: .utf8)
        return (executable, false)
    }

    /// `swiftc` options: optimised, the ReportKit modules and library, and the module maps and header paths
    /// of the system libraries those modules import.
    private func compilerArguments(sourcePaths: [String], output: URL) throws -> [String] {
        let library = layout.libraryDirectory.path
        var arguments = [
            "-O", "-parse-as-library", "-swift-version", "5",
            // Line tables and frame pointers let the runtime's backtrace of a crash in optimised code name the
            // user's file:line (without frame pointers it stops at the crashing frame); both cost little.
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
        return arguments + sourcePaths + ["-o", output.path]
    }

    /// A hash of everything that changes the compiled program: options, source text, the library and modules.
    private func cacheKey(arguments: [String], sources: [URL]) throws -> String {
        var parts = arguments
        for source in sources {
            parts.append(try String(contentsOf: source, encoding: .utf8))
        }
        let modules = layout.libraryDirectory.appendingPathComponent("Modules")
        let moduleFiles = ((try? FileManager.default.contentsOfDirectory(atPath: modules.path)) ?? [])
            .filter { $0.hasSuffix(".swiftmodule") }.sorted()
            .map { modules.appendingPathComponent($0) }
        for file in [layout.libraryDirectory.appendingPathComponent("libReportKit.so")] + moduleFiles {
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            parts.append("\(file.lastPathComponent) \(attributes[.size] ?? 0) \(modified)")
        }
        parts.append(CommandRunner.probe("swiftc", ["--version"]) ?? "")
        return String(CacheKey.hash(parts), radix: 16)
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
