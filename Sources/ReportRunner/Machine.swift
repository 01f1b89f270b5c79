import Foundation

/// The machine line of the appendix: operating system and architecture.
///
/// Only what changes the numbers belongs here, so that two CI runners with the same kernels write byte-identical
/// reports: the experiment itself appends the OpenBLAS kernel set and thread count (different kernels round
/// Float sums differently). The processor's model name and the core count do not change a number, and stay out.
public enum Machine {
    public static var description: String {
        var name = utsname()
        uname(&name)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return "\(field(name.sysname)) \(field(name.machine))"
    }
}
