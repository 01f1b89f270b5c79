import CLibCrypto
import Foundation

/// SHA-256 of bytes, as lower-case hex: what cache keys and summaries use to name content.
///
/// OpenSSL's libcrypto (Debian `libssl-dev`) computes it; Foundation on Linux has no digest functions.
public enum ContentDigest {
    /// The SHA-256 of `data`, 64 hex digits.
    public static func sha256(_ data: Data) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        data.withUnsafeBytes { bytes in
            _ = SHA256(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, &digest)
        }
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// The SHA-256 of a string's UTF-8 bytes.
    public static func sha256(_ text: String) -> String {
        sha256(Data(text.utf8))
    }

    /// The SHA-256 of a file's bytes, or `nil` when it cannot be read.
    public static func sha256(ofFileAt url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return sha256(data)
    }
}
