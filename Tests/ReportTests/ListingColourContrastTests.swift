import Foundation
import XCTest
@testable import Report

/// Every colour a listing uses, read from the stylesheet itself, against the code background it sits on:
/// WCAG 2 contrast of at least 4.5:1 (level AA for body text) on the light page, in dark mode and in print.
final class ListingColourContrastTests: XCTestCase {
    /// The custom properties (`--name: #rrggbb`) the stylesheet sets in one context: with `media` `nil`, in
    /// rules outside any `@media` block; else in rules inside an `@media` block whose condition contains it.
    static func customProperties(in css: String, media: String?) -> [String: String] {
        let css = css.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        var properties: [String: String] = [:]
        var openBlocks: [String] = []
        var text = ""
        for character in css {
            switch character {
            case "{":
                // After a block's own declarations (`@page { size: A4; @bottom-center {`), the header is the
                // text after the last `;`.
                openBlocks.append(String(text.split(separator: ";").last ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
                text = ""
            case "}":
                let header = openBlocks.removeLast()
                let enclosing = openBlocks.filter { $0.hasPrefix("@media") }
                let inContext = media.map { condition in enclosing.contains { $0.contains(condition) } } ?? enclosing.isEmpty
                if inContext, !header.hasPrefix("@") {
                    for declaration in text.split(separator: ";") {
                        let parts = declaration.split(separator: ":", maxSplits: 1)
                            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                        if parts.count == 2, parts[0].hasPrefix("--"), parts[1].hasPrefix("#") {
                            properties[parts[0]] = parts[1]
                        }
                    }
                }
                text = ""
            default:
                text.append(character)
            }
        }
        return properties
    }

    /// `selector { … }` rules at the top level (not indented, so not inside `@media`): each selector's
    /// declarations.
    static func rules(in css: String) -> [String: String] {
        var rules: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: #"(?m)^([^\s{}@][^{}\n]*)\{([^{}]*)\}"#)
        for match in pattern.matches(in: css, range: NSRange(css.startIndex..., in: css)) {
            let selector = css[Range(match.range(at: 1), in: css)!].trimmingCharacters(in: .whitespaces)
            rules[selector, default: ""] += css[Range(match.range(at: 2), in: css)!]
        }
        return rules
    }

    /// WCAG 2 relative luminance of `#rrggbb`: each channel linearised from sRGB, then weighted
    /// 0.2126 R + 0.7152 G + 0.0722 B.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let bytes: [Int] = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF]
        let channels: [Double] = bytes.map { byte in
            let srgb = Double(byte) / 255
            return srgb <= 0.04045 ? srgb / 12.92 : pow((srgb + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    /// (L_lighter + 0.05) / (L_darker + 0.05).
    static func contrast(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The formula against published values: black on white is 21:1, #777777 on white 4.48:1 (the grey
    /// WebAIM's contrast checker shows just failing AA).
    func testContrastFormula() {
        XCTAssertEqual(Self.contrast("#000000", "#ffffff"), 21, accuracy: 1e-9)
        XCTAssertEqual(Self.contrast("#777777", "#ffffff"), 4.48, accuracy: 0.005)
        XCTAssertEqual(Self.contrast("#ffffff", "#ffffff"), 1, accuracy: 1e-12)
    }

    func testEveryListingColourReadsOnItsBackground() throws {
        let css = HTMLStylesheet.css
        let light = Self.customProperties(in: css, media: nil)
        let dark = light.merging(Self.customProperties(in: css, media: "prefers-color-scheme: dark")) { $1 }
        let print = light.merging(Self.customProperties(in: css, media: "print")) { $1 }
        let rules = Self.rules(in: css)
        var checked = 0
        for style in CodeStyle.allCases {
            let selector = rules.keys.first { $0.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == "pre .\(style.rawValue)" } }
            let declarations = try XCTUnwrap(selector.flatMap { rules[$0] }, "no rule colours .\(style.rawValue)")
            let variable = try XCTUnwrap(declarations.range(of: #"var\((--[\w-]+)\)"#, options: .regularExpression)
                .map { String(declarations[$0].dropFirst(4).dropLast()) }, "\(style): \(declarations)")
            for (name, properties) in [("light", light), ("dark", dark), ("print", print)] {
                let colour = try XCTUnwrap(properties[variable], "\(name): \(variable) is not set")
                let background = try XCTUnwrap(properties["--code-background"], "\(name): no --code-background")
                let ratio = Self.contrast(colour, background)
                XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(style) \(colour) on \(background) (\(name)): \(ratio)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, CodeStyle.allCases.count * 3)
        XCTAssertNotEqual(light["--code-keyword"], dark["--code-keyword"], "dark mode sets its own colours")
    }

    /// In black-and-white print, colour alone cannot tell keywords and comments from code.
    func testKeywordsAreBoldAndCommentsItalic() {
        let rules = Self.rules(in: HTMLStylesheet.css)
        XCTAssertTrue(rules["pre .\(CodeStyle.keyword.rawValue)"]?.contains("font-weight: 700") == true)
        XCTAssertTrue(rules["pre .\(CodeStyle.comment.rawValue)"]?.contains("font-style: italic") == true)
    }
}
