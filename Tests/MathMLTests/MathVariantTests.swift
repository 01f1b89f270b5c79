import XCTest
@testable import MathML

/// Checks the math alphabets against Unicode's own character names, an independent reference for the
/// code point arithmetic: `\mathbf{W}` must be "MATHEMATICAL BOLD CAPITAL W".
final class MathVariantTests: XCTestCase {
    private let styles: [(MathVariant, [String])] = [
        (.bold, ["MATHEMATICAL BOLD"]),
        (.italic, ["MATHEMATICAL ITALIC", "PLANCK CONSTANT"]),
        (.boldItalic, ["MATHEMATICAL BOLD ITALIC"]),
        (.script, ["MATHEMATICAL SCRIPT", "SCRIPT"]),
        (.fraktur, ["MATHEMATICAL FRAKTUR", "BLACK-LETTER"]),
        (.doubleStruck, ["MATHEMATICAL DOUBLE-STRUCK", "DOUBLE-STRUCK"]),
        (.sansSerif, ["MATHEMATICAL SANS-SERIF"]),
        (.monospace, ["MATHEMATICAL MONOSPACE"]),
    ]

    private func name(_ text: String) -> String {
        text.unicodeScalars.first?.properties.name ?? ""
    }

    func testLatinLettersMapToTheirNamedMathematicalForms() {
        let capitals = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) }
        for (variant, prefixes) in styles {
            for letter in capitals {
                for (text, size) in [(letter, "CAPITAL"), (letter.lowercased(), "SMALL")] {
                    let styled = variant.apply(to: text)
                    XCTAssertEqual(styled.unicodeScalars.count, 1)
                    let expected = prefixes.map { "\($0) \(size) \(letter)" }
                    // U+210E PLANCK CONSTANT is the italic small h.
                    let planck = variant == .italic && text == "h" && name(styled) == "PLANCK CONSTANT"
                    XCTAssertTrue(expected.contains(name(styled)) || planck,
                                  "\(variant) \(text) became \(name(styled))")
                }
            }
        }
    }

    func testDigitsAndGreek() {
        XCTAssertEqual(name(MathVariant.bold.apply(to: "7")), "MATHEMATICAL BOLD DIGIT SEVEN")
        XCTAssertEqual(name(MathVariant.doubleStruck.apply(to: "1")), "MATHEMATICAL DOUBLE-STRUCK DIGIT ONE")
        XCTAssertEqual(name(MathVariant.bold.apply(to: "Σ")), "MATHEMATICAL BOLD CAPITAL SIGMA")
        XCTAssertEqual(name(MathVariant.boldItalic.apply(to: "ω")), "MATHEMATICAL BOLD ITALIC SMALL OMEGA")
        XCTAssertEqual(name(MathVariant.boldItalic.apply(to: "∂")), "MATHEMATICAL BOLD ITALIC PARTIAL DIFFERENTIAL")
        XCTAssertEqual(name(MathVariant.bold.apply(to: "ϕ")), "MATHEMATICAL BOLD PHI SYMBOL")
    }

    func testCharactersWithoutAStyledFormAreKept() {
        XCTAssertEqual(MathVariant.bold.apply(to: "损失+"), "损失+")
        XCTAssertEqual(MathVariant.script.apply(to: "α"), "α")
        XCTAssertEqual(MathVariant.normal.apply(to: "ReLU"), "ReLU")
    }
}
