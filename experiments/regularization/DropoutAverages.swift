import ReportKit

/// Notes 003's dropout example (two units, keep probability 0.5) run many times through the engine's dropout
/// layer: the average output in training for inverted dropout (kept units ÷ keep) and for the notes'
/// arithmetic (kept units × keep) on the same masks, against the output at evaluation (no dropout).
struct DropoutAverages: Codable {
    /// The layer input a, per unit.
    var input: [Double]
    /// The engine's training output averaged over the samples: E[m a / p] = a.
    var inverted: [Double]
    /// The notes' arithmetic on the engine's masks, averaged: E[m a p] = p² a.
    var notesMethod: [Double]
    /// The engine's output with `training: false`: a.
    var evaluation: [Double]
    /// The share of units the engine kept, which should be close to p.
    var keptShare: Double

    init(input: [Double], keepProbability: Double, samples: Int, seed: UInt64) {
        self.input = input
        let units = input.count
        let batch = Matrix(repeatingRow: input, count: samples)
        var layer = Dropout<Double>(size: units, keepProbability: keepProbability, seed: seed)
        var trainingOutput = Matrix<Double>(rows: samples, columns: units)
        layer.forward(batch, into: &trainingOutput, training: true)
        var evaluationOutput = Matrix<Double>(rows: samples, columns: units)
        layer.forward(batch, into: &evaluationOutput, training: false)
        // A dropped unit outputs exactly 0, a kept one a / p ≠ 0: the column sums add the kept outputs, and the
        // non-zero counts say how often each unit was kept (the loops run in the optimised library).
        let invertedSums = trainingOutput.columnSums()
        let keptCounts = trainingOutput.nonzeroCountsPerColumn()
        inverted = invertedSums.map { $0 / Double(samples) }
        notesMethod = (0..<units).map { Double(keptCounts[$0]) * input[$0] * keepProbability / Double(samples) }
        evaluation = (0..<units).map { evaluationOutput[0, $0] }
        keptShare = Double(keptCounts.reduce(0, +)) / Double(samples * units)
    }
}
