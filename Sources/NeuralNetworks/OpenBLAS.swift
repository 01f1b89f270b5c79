import COpenBLAS
import Foundation

/// Settings of the OpenBLAS library the engine calls for large matrix products.
///
/// OpenBLAS picks its kernels when the library loads, from the CPU model. Debian 12's OpenBLAS (0.3.21) does
/// not recognise some recent Xeons (as on our build machines) and falls back to its oldest x86-64 kernels
/// ("Prescott", SSE3), which run matrix products about five times slower than the AVX-512 kernels the CPU
/// supports. The kernels can only be chosen before the library loads, through the environment variable
/// `OPENBLAS_CORETYPE`; ``recommendedCoreType`` says which value to set and ``restartWithRecommendedCoreTypeIfNeeded()``
/// sets it for the current executable.
public enum OpenBLAS {
    /// The number of threads OpenBLAS uses (initially `OPENBLAS_NUM_THREADS`, or the number of cores).
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(newValue)) }
    }

    /// The name of the kernel set OpenBLAS chose, e.g. "SkylakeX" or "Prescott".
    public static var coreName: String {
        String(cString: openblas_get_corename())
    }

    /// The `OPENBLAS_CORETYPE` value that would give faster kernels than the ones OpenBLAS chose, or `nil` when
    /// its choice is already right (or the variable is already set).
    ///
    /// Recommends "SkylakeX" on a CPU with AVX-512 (`avx512f`, `avx512dq`, `avx512bw`, `avx512vl` in
    /// `/proc/cpuinfo`) and "Haswell" on one with AVX2 and FMA, but only when OpenBLAS fell back to a generic
    /// pre-AVX kernel set.
    public static var recommendedCoreType: String? {
        guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil else { return nil }
        let genericCores: Set<String> = ["prescott", "core2", "penryn", "dunnington", "nehalem", "atom", "katmai", "coppermine", "northwood", "banias"]
        guard genericCores.contains(coreName.lowercased()) else { return nil }
        guard let cpuInfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flagsLine = cpuInfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        if ["avx512f", "avx512dq", "avx512bw", "avx512vl"].allSatisfy(flags.contains) { return "SkylakeX" }
        if ["avx2", "fma"].allSatisfy(flags.contains) { return "Haswell" }
        return nil
    }

    /// Restarts the current executable with `OPENBLAS_CORETYPE` set to ``recommendedCoreType``, if there is one.
    ///
    /// Call it first thing in `main`: it does not return when it restarts (same arguments, same environment
    /// plus the variable), and returns at once otherwise. Tools that launch other programs can instead add the
    /// variable to the child's environment.
    public static func restartWithRecommendedCoreTypeIfNeeded() {
        guard let coreType = recommendedCoreType else { return }
        setenv("OPENBLAS_CORETYPE", coreType, 1)
        var arguments = CommandLine.arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &arguments)
        // execv returns only on failure: carry on with the slower kernels.
        arguments.forEach { free($0) }
    }
}
