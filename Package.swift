// swift-tools-version: 6.0
// The `report` tool: train small neural networks, draw what they do, write a handout.
//
// Dependencies point one way. Each line is a module and the modules it imports; ARCHITECTURE.md draws the same
// graph, and Tests/ArchitectureTests checks these lines, the targets below and every `import` against each other.
//
//   NeuralNetworks → COpenBLAS
//   Plotting       → CCairo, CLibPNG, CImageQuant
//   MathML         →
//   Report         → NeuralNetworks, Plotting, MathML, CCmarkGFM, CLibCrypto
//   ReportKit      → NeuralNetworks, Plotting, MathML, Report
//   ReportRunner   → Report, NeuralNetworks, Plotting, Rainbow
//   ReportPreview  → ReportRunner, Report, FlyingFox
//   ReportCLI      → ReportRunner, ReportPreview, ArgumentParser
//
// ReportRunner also links the Swift toolchain's own SwiftParser and SwiftSyntax, and Report those and SwiftIDEUtils
// (see toolchainSyntaxDirectory).
//
// Experiments in `experiments/<name>/` are not targets of this package: `report run` compiles them with
// `swiftc -O` against the `ReportKit` dynamic library built here, so a new folder needs no manifest edit and
// a compile error in one experiment never breaks the others (see Sources/ReportRunner/ExperimentCompiler.swift).
import Foundation
import PackageDescription

/// The Swift toolchain's own build of swift-syntax (`<toolchain>/usr/lib/swift/host`: the libraries and module
/// interfaces the compiler itself uses for macros). `report` tokenises experiments with its `SwiftParser`, and
/// the handouts colour Swift listings with its `SwiftIDEUtils`, so both read Swift exactly as the installed
/// compiler does, at no build cost: swift-syntax built from source
/// took longer than the whole rest of this package (see Sources/ReportRunner/ExperimentCodeDigest.swift).
let toolchainSyntaxDirectory: String = {
    let searchPath = Context.environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
    for folder in searchPath.split(separator: ":") {
        let swiftc = URL(fileURLWithPath: String(folder)).appendingPathComponent("swiftc")
        guard FileManager.default.isExecutableFile(atPath: swiftc.path) else { continue }
        let host = swiftc.resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lib/swift/host")
        if FileManager.default.fileExists(atPath: host.appendingPathComponent("SwiftParser.swiftmodule").path) {
            return host.path
        }
    }
    return "/usr/lib/swift/host"
}()

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
    name: "report",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "report", targets: ["ReportCLI"]),
        // Everything an experiment imports, as one shared library that `report run` links experiments against.
        .library(name: "ReportKit", type: .dynamic, targets: ["ReportKit"]),
        .executable(name: "training-benchmark", targets: ["TrainingBenchmark"]),
        .executable(name: "figure-benchmark", targets: ["FigureBenchmark"]),
        .executable(name: "end-to-end-benchmark", targets: ["EndToEndBenchmark"]),
        .executable(name: "side-by-side-benchmark", targets: ["SideBySideBenchmark"]),
        .executable(name: "parallel-run-benchmark", targets: ["ParallelRunBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Terminal colour with the NO_COLOR / FORCE_COLOR conventions, for the progress display.
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.2.2"),
        // A small pure-Swift HTTP server (no SwiftNIO) for `report preview`.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // MARK: - System libraries (Debian packages, found with pkg-config)

        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),
        .systemLibrary(
            name: "CImageQuant",
            pkgConfig: "imagequant",
            providers: [.apt(["libimagequant-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),

        // MARK: - Libraries

        .target(name: "NeuralNetworks", dependencies: ["COpenBLAS"]),
        .target(name: "Plotting", dependencies: ["CCairo", "CLibPNG", "CImageQuant"], exclude: ["README.md"]),
        .target(name: "MathML"),
        // Report colours Swift listings with the toolchain's SwiftParser and SwiftIDEUtils (imported
        // implementation-only, so experiments compile without them); the rpath lets libReportKit.so find them
        // when an experiment runs.
        .target(
            name: "Report",
            dependencies: ["NeuralNetworks", "Plotting", "MathML", "CCmarkGFM", "CLibCrypto"],
            exclude: ["README.md"],
            swiftSettings: [.unsafeFlags(["-I", toolchainSyntaxDirectory])],
            linkerSettings: [.unsafeFlags([
                "-L", toolchainSyntaxDirectory, "-lSwiftIDEUtils", "-lSwiftParser", "-lSwiftSyntax",
                "-Xlinker", "-rpath", "-Xlinker", toolchainSyntaxDirectory,
            ])]
        ),
        // `import ReportKit` is all an experiment writes: this module re-exports the four above.
        .target(name: "ReportKit", dependencies: ["NeuralNetworks", "Plotting", "MathML", "Report"]),
        // Everything `report` does besides parsing its command line: discovery, compiling, running, publishing.
        .target(
            name: "ReportRunner",
            dependencies: ["Report", "NeuralNetworks", "Plotting", .product(name: "Rainbow", package: "Rainbow")],
            swiftSettings: [.unsafeFlags(["-I", toolchainSyntaxDirectory])],
            linkerSettings: [.unsafeFlags([
                "-L", toolchainSyntaxDirectory, "-lSwiftParser", "-lSwiftSyntax",
                "-Xlinker", "-rpath", "-Xlinker", toolchainSyntaxDirectory,
            ])]
        ),
        // `report preview`: serves the report on 127.0.0.1, re-runs it when the experiment folder changes.
        .target(name: "ReportPreview", dependencies: ["ReportRunner", "Report", .product(name: "FlyingFox", package: "FlyingFox")]),

        // MARK: - Executables

        .executableTarget(
            name: "ReportCLI",
            dependencies: ["ReportRunner", "ReportPreview", argumentParser]
        ),

        // MARK: - Benchmarks (in Benchmarks/, measured against the peers of ../shared/bench)

        .executableTarget(name: "TrainingBenchmark", dependencies: ["NeuralNetworks", argumentParser],
                          path: "Benchmarks/TrainingBenchmark"),
        .executableTarget(name: "FigureBenchmark", dependencies: ["Plotting", "NeuralNetworks", argumentParser],
                          path: "Benchmarks/FigureBenchmark", exclude: ["README.md"]),
        .executableTarget(name: "EndToEndBenchmark", dependencies: [argumentParser], path: "Benchmarks/EndToEndBenchmark"),
        .executableTarget(name: "SideBySideBenchmark", dependencies: [argumentParser], path: "Benchmarks/SideBySideBenchmark",
                          exclude: ["README.md"]),
        .executableTarget(name: "ParallelRunBenchmark", path: "Benchmarks/ParallelRunBenchmark"),

        // MARK: - Tests

        // Image and text snapshots (one rule for recording them), test PNGs and an independent PNG decoder, for
        // any test target that needs them.
        .target(name: "TestSupport", dependencies: ["Plotting"], path: "Tests/TestSupport"),
        .testTarget(name: "NeuralNetworksTests", dependencies: ["NeuralNetworks"], resources: [.copy("References")]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting", "TestSupport"], resources: [.copy("References")]),
        .testTarget(name: "MathMLTests", dependencies: ["MathML"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "MathML", "NeuralNetworks", "TestSupport"],
                    resources: [.copy("Goldens")]),
        .testTarget(name: "ReportKitTests", dependencies: ["ReportKit"]),
        .testTarget(name: "ReportRunnerTests", dependencies: ["ReportRunner", "Report", "NeuralNetworks"]),
        .testTarget(name: "ReportPreviewTests", dependencies: ["ReportPreview"]),
        // Runs the built `report`; imports no module of the package.
        .testTarget(name: "EndToEndTests"),
        // Checks the imports of every target against the dependencies declared here and in ARCHITECTURE.md.
        .testTarget(name: "ArchitectureTests"),
    ],
    swiftLanguageModes: [.v5]
)
