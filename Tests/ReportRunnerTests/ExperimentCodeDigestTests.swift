import Foundation
import ReportRunner
import XCTest

/// Which edits of an experiment's Swift change the code digest its cached stages are keyed on.
final class ExperimentCodeDigestTests: XCTestCase {
    private let experiment = #"""
        import ReportKit

        /// A doc comment.
        @main
        struct Demo: Experiment {
            static let epochs = 10
            static let optimizers: [(name: String, rate: Double)] = [("SGD", 0.1), ("Adam", 0.001)]
            static let introduction = "Two optimizers, one problem."

            static func makeDocument(run: ExperimentRun) throws -> Document {
                let names = run.measure("train") { optimizers.map { "\($0.name) at \($0.rate)" } }
                let scaled = run.measure("scale") { helper(label: "unit") }
                return Document(title: "Demo title") {
                    Prose(introduction)
                    Prose("We train for \(epochs) epochs: \(names.joined(separator: ", ")) and \(scaled).")
                    Prose(sentence(about: names))
                }
            }

            static func helper(label: String) -> String { label + "!" }

            static func sentence(about names: [String]) -> String {
                "The first is \(names[0]), in \(String(format: "%.2f", 1.5)) words." // a comment
            }
        }
        """#

    private func digest(_ text: String) -> String {
        ExperimentCodeDigest.digest(of: ["Demo.swift": text])
    }

    private func edited(_ old: String, _ new: String) -> String {
        XCTAssertTrue(experiment.contains(old), "the test's edit must apply: \(old)")
        return experiment.replacingOccurrences(of: old, with: new)
    }

    func testProseEditsKeepTheDigest() {
        let original = digest(experiment)
        for (old, new) in [
            ("We train for", "We trained for"),
            ("Two optimizers, one problem.", "Two optimizers, a single problem."),
            ("Demo title", "Another title"),
            ("The first is", "The first one is"),
            ("%.2f", "%.3f"),
            ("// a comment", "// another comment"),
            ("/// A doc comment.", "/// A longer doc comment."),
            ("    static let epochs = 10", "    static let epochs =   10"),
        ] {
            XCTAssertEqual(digest(edited(old, new)), original, "editing \(old) must not re-run stages")
        }
    }

    func testCodeEditsChangeTheDigest() {
        let original = digest(experiment)
        for (old, new) in [
            ("static let epochs = 10", "static let epochs = 11"),
            ("(\"SGD\", 0.1)", "(\"Plain SGD\", 0.1)"),
            ("\"\\($0.name) at \\($0.rate)\"", "\"\\($0.name) with \\($0.rate)\""),
            ("label + \"!\"", "label + \"?\""),
            ("helper(label: \"unit\")", "helper(label: \"unity\")"),
            ("\\(epochs) epochs", "\\(epochs + 1) epochs"),
            ("names[0]", "names[1]"),
        ] {
            XCTAssertNotEqual(digest(edited(old, new)), original, "editing \(old) must re-run stages")
        }
    }

    func testRawAndMultilineStringsAreTokens() {
        let base = "let a = run.measure(\"s\") { 1 }\nlet b = #\"raw \\(x)\"#\nlet c = \"\"\"\n  many\n  lines\n  \"\"\"\n"
        XCTAssertEqual(digest(base), digest(base.replacingOccurrences(of: "many", with: "several")))
        XCTAssertEqual(digest(base), digest(base.replacingOccurrences(of: "raw", with: "cooked")))
        XCTAssertNotEqual(digest(base), digest(base.replacingOccurrences(of: "{ 1 }", with: "{ 2 }")))
    }

    func testFileNamesArePartOfTheDigest() {
        XCTAssertNotEqual(ExperimentCodeDigest.digest(of: ["A.swift": "let x = 1"]),
                          ExperimentCodeDigest.digest(of: ["B.swift": "let x = 1"]))
    }
}
