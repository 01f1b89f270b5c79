import Foundation

/// Reads a decimal number straight from a CSV field's bytes, giving exactly what `Double(_:)` gives.
///
/// Most fields of a data file are short decimals (`-0.123456`, `3.2e-05`). For those, Clinger's fast path is
/// exact: when the digits, without the point, form an integer m < 2⁵³ and the decimal exponent e satisfies
/// |e| ≤ 22, both m and 10^|e| are exact doubles, so one IEEE multiplication or division, m·10^e or m/10^−e,
/// is correctly rounded (W. D. Clinger, "How to Read Floating Point Numbers Accurately", PLDI 1990). Anything
/// else (more digits, larger exponents, `inf`, `nan`, hexadecimal) goes to C's `strtod`, which rounds
/// correctly too; both agree with Swift's `Double(_:)`, which also calls `strtod`.
enum CSVNumberParser {
    /// Exact powers of ten, 10⁰ … 10²².
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The number `bytes[range]` spells in full, or nil.
    static func parse(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
        if let value = fastPath(bytes, range) { return value }
        return withStrtod(bytes, range)
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]` within Clinger's bounds, else nil.
    @inline(__always)
    private static func fastPath(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        let end = range.upperBound
        guard index < end else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while index < end, bytes[index] &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 48)
            if mantissa != 0 { digits += 1 }
            sawDigit = true
            index += 1
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, bytes[index] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 48)
                if mantissa != 0 { digits += 1 }
                exponent -= 1
                sawDigit = true
                index += 1
            }
        }
        guard sawDigit, digits <= 15 else { return nil }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            var sawExponentDigit = false
            while index < end, bytes[index] &- 48 < 10 {
                written = written * 10 + Int(bytes[index] &- 48)
                sawExponentDigit = true
                guard written < 10_000 else { return nil }
                index += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == end, mantissa < 1 << 53, abs(exponent) <= 22 else { return nil }
        var value = Double(mantissa)
        value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
        return negative ? -value : value
    }

    /// C's `strtod` over a NUL-terminated copy; nil unless it reads the whole field.
    private static func withStrtod(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
        guard !range.isEmpty else { return nil }
        var copy = [CChar](repeating: 0, count: range.count + 1)
        for (offset, position) in range.enumerated() { copy[offset] = CChar(bitPattern: bytes[position]) }
        // strtod skips leading white space that Double(_:) refuses; fields arrive trimmed of spaces and tabs.
        guard copy[0] != 0, isspace(Int32(copy[0])) == 0 else { return nil }
        return copy.withUnsafeMutableBufferPointer { buffer -> Double? in
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end - buffer.baseAddress! == range.count else { return nil }
            return value
        }
    }
}
