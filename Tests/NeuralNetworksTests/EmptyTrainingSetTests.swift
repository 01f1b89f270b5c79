import NeuralNetworks
import Testing

/// Training on an empty set must stop the program instead of returning a history that looks like a result.
/// The call runs in a child process (an exit test), since a failed precondition ends the process.
@Suite struct EmptyTrainingSetTests {
    @Test func trainingOnAnEmptySetStopsWithAPreconditionFailure() async {
        await #expect(processExitsWith: .failure) {
            var network = Sequential<Double>.multilayerPerceptron(sizes: [2, 3, 1], hiddenActivation: .tanh, seed: 1)
            let empty = Dataset<Double>(inputs: Matrix(rows: 0, columns: 2), targets: Matrix(rows: 0, columns: 1))
            network.train(on: empty, optimizer: SGD(learningRate: 0.1),
                          configuration: TrainingConfiguration(epochs: 3, batchSize: 4, loss: .meanSquaredError))
        }
    }

    @Test func trainingOnOneSampleStillRuns() {
        var network = Sequential<Double>.multilayerPerceptron(sizes: [2, 3, 1], hiddenActivation: .tanh, seed: 1)
        let single = Dataset<Double>(inputs: Matrix([[0.5, -1]]), targets: Matrix([[1]]))
        let history = network.train(on: single, optimizer: SGD(learningRate: 0.1),
                                    configuration: TrainingConfiguration(epochs: 3, batchSize: 4, loss: .meanSquaredError))
        #expect(history.epochs.map(\.epoch) == [1, 2, 3])
        #expect(history.trainingLosses.allSatisfy { $0 > 0 })
    }
}
