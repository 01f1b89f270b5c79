import Foundation
@testable import Report
import TestSupport

/// A small fixed document that uses every kind of block, and the experiment folder it reads from.
enum SampleDocument {
    static let mainSource = """
    import Report

    let learningRate = 0.1

    // snippet: update
    func update(_ weight: Double, gradient: Double) -> Double {
        // Plain gradient descent: step against the gradient.
        weight - learningRate * gradient
    }
    // end snippet

    """

    static let notes = """
    ## Notes from the lecture

    The loss falls quickly at first (@fig:loss) and then levels off; the final values are in @tab:metrics.
    A weight $w_{ij}$ moves by $-\\eta \\, \\partial L / \\partial w_{ij}$ each step, costing \\$5 of compute.

    """

    /// Creates the experiment folder in a fresh temporary directory.
    static func makeExperimentFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("report-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(mainSource.utf8).write(to: folder.appendingPathComponent("main.swift"))
        try Data(notes.utf8).write(to: folder.appendingPathComponent("notes.md"))
        return folder
    }

    static func context(sourceDirectory: URL) -> RunContext {
        RunContext(
            experimentName: "sample",
            sourceDirectory: sourceDirectory,
            gitCommit: "0123456789abcdef0123456789abcdef01234567",
            gitTreeIsDirty: true,
            toolVersion: "0.1.0",
            swiftVersion: "Swift version 6.3.1",
            machine: "Linux x86_64, 2 cores"
        )
    }

    struct Run {
        var optimizer: String
        var loss: Double
        var accuracy: Double
        var steps: Int
    }

    static let runs = [
        Run(optimizer: "SGD", loss: 0.123456, accuracy: 0.8765, steps: 1_000),
        Run(optimizer: "Adam", loss: 0.0000123, accuracy: 0.9912, steps: 250),
    ]

    static func document(language: DocumentLanguage = .english) -> Document {
        Document(title: "Gradient descent, briefly", language: language, seed: 42) {
            "This handout compares two optimizers; see @fig:loss and @tab:metrics."
            Section("Method") {
                Prose("""
                The sigmoid is $\\sigma(x) = \\frac{1}{1 + e^{-x}}$ and the update is

                $$w_{t+1} = w_t - \\eta \\nabla_w L(w_t)$$

                Code such as `$HOME` and `a_b*c` stays code.
                """)
                Snippet("update", caption: "The update, from the experiment's source.")
                Callout(.note, "Adam's step size is roughly $\\eta$ regardless of the gradient's scale.")
            }
            Section("Results") {
                FigureBlock(name: "loss", caption: "Training loss of $f_1$ per epoch.") {
                    TestPNG.solid(width: 4, height: 3, red: 200, green: 40, blue: 40)
                }
                Table(name: "metrics", caption: "Final metrics per optimizer.", rows: runs, columns: [
                    TableColumn("Optimizer") { $0.optimizer },
                    TableColumn("Loss", format: .scientific(2)) { $0.loss },
                    TableColumn("log₁₀ loss", format: .fixed(2)) { log10($0.loss) },
                    TableColumn("Accuracy", format: .percent(1)) { $0.accuracy },
                    TableColumn("Steps") { $0.steps },
                ])
                Section("Summary") {
                    MetricsSummary([
                        Metric("Best accuracy", 0.9912, format: .percent(2)),
                        Metric("Epochs", 20),
                    ])
                    Callout(.warning, "A learning rate that is too large makes the loss diverge (@fig:loss).")
                }
            }
            Include("notes.md")
        }
    }

    /// Stands in for the TeX converter so these goldens test the report writers alone: the formula is shown as
    /// escaped text in a `<math>` element with the display flag.
    static func fakeMath(_ tex: String, _ display: Bool) throws -> String {
        "<math display=\"\(display ? "block" : "inline")\"><mtext>\(tex.htmlEscaped)</mtext></math>"
    }
}
