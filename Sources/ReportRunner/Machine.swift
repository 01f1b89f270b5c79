import Foundation

/// The machine line of the appendix: operating system, architecture, processor model and count.
///
/// The processor model matters for reproducibility: OpenBLAS chooses its kernels by CPU, and different kernels
/// round Float sums differently, so the same seed gives the same numbers only on the same kind of processor.
public enum Machine {
    public static var description: String {
        var name = utsname()
        uname(&name)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        var parts = ["\(field(name.sysname)) \(field(name.machine))"]
        if let model = processorModel { parts.append(model) }
        parts.append("\(ProcessInfo.processInfo.activeProcessorCount) cores")
        return parts.joined(separator: ", ")
    }

    /// The `model name` line of `/proc/cpuinfo`, if there is one.
    private static var processorModel: String? {
        guard let cpuInfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = cpuInfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
              let colon = line.firstIndex(of: ":") else { return nil }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
}
