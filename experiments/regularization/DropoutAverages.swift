import ReportKit

/// Notes 003's dropout example (two units, keep probability 0.5) run many times through the engine's dropout
/// layer: the average output in training for inverted dropout (kept units ÷ keep) and for the notes'
/// arithmetic (kept units × keep) on the same masks, against the output at evaluation (no dropout).
struct DropoutAverages {
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
        let batch = Matrix<Double>(rows: samples, columns: units, storage: (0..<samples).flatMap { _ in input })
        var layer = Dropout<Double>(size: units, keepProbability: keepProbability, seed: seed)
        var trainingOutput = Matrix<Double>(rows: samples, columns: units)
        layer.forward(batch, into: &trainingOutput, training: true)
        var evaluationOutput = Matrix<Double>(rows: samples, columns: units)
        layer.forward(batch, into: &evaluationOutput, training: false)
        var invertedSums = Array(repeating: 0.0, count: units), notesSums = invertedSums
        var kept = 0
        for row in 0..<samples {
            for unit in 0..<units where trainingOutput[row, unit] != 0 {
                kept += 1
                invertedSums[unit] += trainingOutput[row, unit]
                notesSums[unit] += input[unit] * keepProbability
            }
        }
        inverted = invertedSums.map { $0 / Double(samples) }
        notesMethod = notesSums.map { $0 / Double(samples) }
        evaluation = (0..<units).map { evaluationOutput[0, $0] }
        keptShare = Double(kept) / Double(samples * units)
    }
}
