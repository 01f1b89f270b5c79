import Foundation

/// Small experiments for the CI-mode tests: each compiles in a second or two and runs in well under one.
enum TinyExperiments {
    /// A loss set by the `loss` parameter, gated below 0.1, and a figure that changes with it.
    static let gated = """
        import ReportKit

        /// Reports the loss its parameter sets, with a gate.
        @main
        struct Gated: Experiment {
            static let loss = Parameter("loss", default: 0.05, "The final loss the run reports.")
            static let epochs = Parameter("epochs", default: 20, "Points of the loss curve.")
            static let parameters: [any ParameterDeclaration] = [loss, epochs]

            static func makeDocument(run: ExperimentRun) throws -> Document {
                let values = (0..<run[epochs]).map { 1.0 / Double($0 + 1) + run[loss] }
                return Document(title: "Gated", seed: 1) {
                    Section("Result") {
                        MetricsSummary([Metric("Final loss", run[loss], gate: .below(0.1)), Metric("Epochs", run[epochs])])
                        FigureBlock(name: "loss", caption: "The loss.",
                                    Figure.lossCurves([LossCurve(name: "loss", y: values)], title: "Loss", xLabel: "epoch",
                                                      width: 320, height: 200))
                    }
                }
            }
        }

        """

    /// Passes, or crashes half-way when the file `crash` exists in the working folder.
    static let flaky = """
        import ReportKit

        /// Crashes when ./crash exists.
        @main
        struct Flaky: Experiment {
            static func makeDocument(run: ExperimentRun) throws -> Document {
                if FileManager.default.fileExists(atPath: "crash") {
                    FileHandle.standardError.write(Data("training step 3 of 10\\n".utf8))
                    fatalError("crash half-way")
                }
                return Document(title: "Flaky") { Prose("It worked.") }
            }
        }

        """

    /// A noisy decaying loss per seed, recorded for the sweep; seed 1 diverges after epoch 5. The sweep page
    /// draws mean ± sd over the seeds that did not diverge.
    static let seeds = """
        import ReportKit

        /// Loss curves over seeds, one of them diverging.
        @main
        struct Seeds: Experiment {
            static let seed = Parameter("seed", default: UInt64(0), "Seed of the run.")
            static let parameters: [any ParameterDeclaration] = [seed]

            static func makeDocument(run: ExperimentRun) throws -> Document {
                let seed = run[seed]
                let losses = (0..<12).map { epoch -> Double in
                    seed == 1 && epoch > 5 ? .infinity : (1 + 0.1 * Double(seed)) * exp(-0.3 * Double(epoch))
                }
                run.record("loss", losses)
                return Document(title: "Seed \\(seed)", seed: seed) {
                    MetricsSummary([Metric("Final loss", losses.last!)])
                }
            }

            static func makeSweepDocument(sweep: SweepRun) throws -> Document {
                let band = sweep.band(of: "loss", name: "mean ± sd")
                let leftOut = band.leftOut.map(\\.label).joined(separator: ", ")
                return Document(title: "Seeds") {
                    FigureBlock(name: "band", caption: "Mean ± sd over the seeds that did not diverge.",
                                Figure.lossCurves([band.curve], title: "Loss", xLabel: "epoch", width: 320, height: 200))
                    Prose("Left out because they diverged: \\(leftOut). Mean of the last epoch: \\(band.curve.y.last!).")
                }
            }
        }

        """

    /// Prose only, named by `title`, so several distinct experiments are cheap.
    static func note(_ title: String) -> String {
        """
        import ReportKit

        /// A note called \(title).
        @main
        struct Note: Experiment {
            static func makeDocument(run: ExperimentRun) throws -> Document {
                Document(title: "\(title)") {
                    MetricsSummary([Metric("Length", \(title.count))])
                    Prose("This is \(title).")
                }
            }
        }

        """
    }
}
