import Foundation
import XCTest
@testable import Report

/// What the toolchain's syntax classifier makes of small pieces of Swift. The expected runs are written from
/// the Swift grammar by hand: which tokens are keywords, literals, comments, types and attributes.
final class SwiftCodeClassifierTests: XCTestCase {
    private func runs(_ source: String) -> [CodeRun] { SwiftCodeClassifier.runs(of: source) }

    private func run(_ text: String, _ style: CodeStyle? = nil) -> CodeRun { CodeRun(text: text, style: style) }

    func testDeclarationWithNumberAndComment() {
        XCTAssertEqual(runs("let x = 1 // one"), [
            run("let", .keyword), run(" x = "), run("1", .number), run(" "), run("// one", .comment),
        ])
    }

    func testTypeAnnotationFloatAndStringLiteral() {
        XCTAssertEqual(runs("var rate: Double = 0.5\nlet name: String = \"a < b & c\""), [
            run("var", .keyword), run(" rate: "), run("Double", .type), run(" = "), run("0.5", .number),
            run("\n"), run("let", .keyword), run(" name: "), run("String", .type), run(" = "),
            run("\"a < b & c\"", .string),
        ])
    }

    func testCommentMarkersInsideAStringAreString() {
        XCTAssertEqual(runs("f(\"// not a comment /* either */\")"), [
            run("f("), run("\"// not a comment /* either */\"", .string), run(")"),
        ])
    }

    func testInterpolatedExpressionIsNotStringText() {
        XCTAssertEqual(runs("\"n = \\(count + 1)\""), [
            run("\"n = ", .string), run("\\(count + "), run("1", .number), run(")"), run("\"", .string),
        ])
    }

    func testNestedBlockCommentAndDocComment() {
        XCTAssertEqual(runs("/* a /* b */ c */ x\n/// Doc.\nfunc f() {}"), [
            run("/* a /* b */ c */", .comment), run(" x\n"), run("/// Doc.", .comment), run("\n"),
            run("func", .keyword), run(" f() {}"),
        ])
    }

    func testAttributeAndConditionalCompilation() {
        XCTAssertEqual(runs("#if DEBUG\n@discardableResult func g() -> Int { 0 }\n#endif"), [
            run("#if", .directive), run(" "), run("DEBUG", .directive), run("\n"),
            run("@discardableResult", .attribute), run(" "), run("func", .keyword), run(" g() -> "),
            run("Int", .type), run(" { "), run("0", .number), run(" }\n"), run("#endif", .directive),
        ])
    }

    func testContextualKeywordUsedAsANameIsPlain() {
        XCTAssertEqual(runs("let get = self.async"), [
            run("let", .keyword), run(" get = "), run("self", .keyword), run(".async"),
        ])
    }

    /// Code that does not parse still comes back whole, and what is recognisable is still classified.
    func testUnparseableCodeIsKeptWhole() {
        let source = "let = = }{ func \"unterminated\n@@ 12 #endif"
        let result = runs(source)
        XCTAssertEqual(result.map(\.text).joined(), source)
        XCTAssertEqual(result.first, run("let", .keyword))
        XCTAssertTrue(result.contains(run("12", .number)), "\(result)")
    }

    /// Every shipped experiment's source, split into runs and joined again, is its exact text: no byte lost,
    /// duplicated or moved, including non-ASCII comments and strings.
    func testRunsSpellOutEveryShippedExperimentSource() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let experiments = root.appendingPathComponent("experiments")
        let files = FileManager.default.enumerator(at: experiments, includingPropertiesForKeys: nil)
        var count = 0
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let source = try String(contentsOf: file, encoding: .utf8)
            let result = runs(source)
            XCTAssertEqual(result.map(\.text).joined(), source, file.path)
            XCTAssertTrue(result.contains { $0.style == .keyword }, file.path)
            for (previous, next) in zip(result, result.dropFirst()) {
                XCTAssertNotEqual(previous.style, next.style, "\(file.path): neighbouring runs of one style")
            }
            count += 1
        }
        XCTAssertGreaterThan(count, 5, "no experiment sources found under \(experiments.path)")
    }
}
