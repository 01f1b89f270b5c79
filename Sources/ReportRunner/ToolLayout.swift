import Foundation

/// Where the pieces an experiment is compiled against live: the `ReportKit` library and its Swift modules next
/// to the `report` executable, and the module maps of the system libraries in the package's `Sources/`.
public struct ToolLayout {
    /// The folder of the running `report` executable; SwiftPM puts `libReportKit.so` and `Modules/` there too.
    public let libraryDirectory: URL
    /// The package root (the folder with `Package.swift`).
    public let packageRoot: URL

    /// The system-library targets whose module maps an experiment needs, because the modules it imports
    /// import them.
    public static let systemLibraries = ["CCairo", "CCmarkGFM", "CLibCrypto", "COpenBLAS", "CLibPNG", "CImageQuant"]
    /// Their pkg-config names, for the header search paths the module maps rely on.
    public static let pkgConfigNames = ["cairo", "libcmark-gfm", "libcrypto", "openblas", "libpng", "imagequant"]

    /// Finds the layout from the running executable.
    /// - Throws: `ReportFailure` when the library was not built or the package root cannot be found.
    public static func current() throws -> ToolLayout {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let libraryDirectory = executable.deletingLastPathComponent()
        let library = libraryDirectory.appendingPathComponent("libReportKit.so")
        guard FileManager.default.fileExists(atPath: library.path) else {
            throw ReportFailure("""
                \(library.path) is missing: experiments link against it. Build every product with \
                `swift build -c release` (not only --product report).
                """)
        }
        var candidate = libraryDirectory
        while candidate.path != "/" {
            let manifest = candidate.appendingPathComponent("Package.swift")
            let cairoMap = candidate.appendingPathComponent("Sources/CCairo/module.modulemap")
            if FileManager.default.fileExists(atPath: manifest.path), FileManager.default.fileExists(atPath: cairoMap.path) {
                return ToolLayout(libraryDirectory: libraryDirectory, packageRoot: candidate)
            }
            candidate = candidate.deletingLastPathComponent()
        }
        throw ReportFailure("cannot find the report package (Package.swift with Sources/CCairo) above \(libraryDirectory.path)")
    }

    /// Whether `report` (and so the library next to it) was built without optimisation.
    public var isDebugBuild: Bool { libraryDirectory.lastPathComponent == "debug" }

    /// Where compiled experiments are cached: inside `.build`, so `swift package clean` removes them too.
    public var experimentCacheDirectory: URL {
        packageRoot.appendingPathComponent(".build/experiments", isDirectory: true)
    }
}

/// A failure `report` explains in one message and turns into a non-zero exit.
public struct ReportFailure: Error, CustomStringConvertible {
    public let description: String
    /// The status `report` exits with: 1, or 124 when an experiment ran past `--timeout` (as `timeout(1)`).
    public var exitStatus: Int32 = 1
    public init(_ description: String, exitStatus: Int32 = 1) {
        self.description = description
        self.exitStatus = exitStatus
    }
}
