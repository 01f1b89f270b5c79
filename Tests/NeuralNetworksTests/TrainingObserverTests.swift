import XCTest
import NeuralNetworks

/// Records every call, in order, so tests compare it with the history the same run returned.
private final class RecordingObserver: TrainingObserver, @unchecked Sendable {
    var starts: [(epochs: Int, optimizerName: String)] = []
    var epochs: [(record: EpochRecord, of: Int)] = []
    var ends: [TrainingHistory] = []

    func trainingWillStart(epochs: Int, optimizerName: String) { starts.append((epochs, optimizerName)) }
    func trainingDidFinishEpoch(_ record: EpochRecord, of epochs: Int) { self.epochs.append((record, epochs)) }
    func trainingDidEnd(_ history: TrainingHistory) { ends.append(history) }
}

final class TrainingObserverTests: XCTestCase {
    /// y = x₁ − x₂ on 32 fixed points: enough to train a 2-8-1 network for a few epochs.
    private let data: Dataset<Double> = {
        var inputs: [Double] = [], targets: [Double] = []
        for index in 0..<32 {
            let x1 = Double(index % 8) / 4 - 1, x2 = Double(index / 8) / 2 - 1
            inputs += [x1, x2]
            targets.append(x1 - x2)
        }
        return Dataset(inputs: Matrix(rows: 32, columns: 2, storage: inputs), targets: Matrix(rows: 32, columns: 1, storage: targets))
    }()

    private func network() -> Sequential<Double> {
        .multilayerPerceptron(sizes: [2, 8, 1], hiddenActivation: .tanh, seed: 4)
    }

    func testAnExplicitObserverSeesEveryEpochOfTheHistoryInOrderAndTheEnd() {
        let observer = RecordingObserver()
        var model = network()
        let history = model.train(on: data, optimizer: Adam(learningRate: 0.01),
                                  configuration: TrainingConfiguration(epochs: 6, batchSize: 8, loss: .meanSquaredError),
                                  observer: observer)
        XCTAssertEqual(observer.starts.map(\.epochs), [6])
        XCTAssertEqual(observer.starts.map(\.optimizerName), ["Adam"])
        XCTAssertEqual(observer.epochs.map(\.record), history.epochs)
        XCTAssertEqual(observer.epochs.map(\.of), Array(repeating: 6, count: 6))
        XCTAssertEqual(observer.ends, [history])
    }

    func testObservingDoesNotChangeTheNumbers() {
        let configuration = TrainingConfiguration(epochs: 5, batchSize: 4, loss: .meanSquaredError, shuffleSeed: 3)
        var watched = network(), unwatched = network()
        let observed = watched.train(on: data, optimizer: SGD(learningRate: 0.05), configuration: configuration,
                                     observer: RecordingObserver())
        let plain = unwatched.train(on: data, optimizer: SGD(learningRate: 0.05), configuration: configuration)
        XCTAssertEqual(observed.trainingLosses.map(\.bitPattern), plain.trainingLosses.map(\.bitPattern))
    }

    func testTheTaskLocalObserverSeesRunsThatNameNone() {
        let observer = RecordingObserver()
        let configuration = TrainingConfiguration(epochs: 3, batchSize: 8, loss: .meanSquaredError)
        TrainingObservation.$observer.withValue(observer) {
            var first = network(), second = network()
            first.train(on: data, optimizer: SGD(learningRate: 0.05), configuration: configuration)
            second.train(on: data, optimizer: Adam(learningRate: 0.01), configuration: configuration)
        }
        XCTAssertEqual(observer.starts.map(\.optimizerName), ["SGD", "Adam"])
        XCTAssertEqual(observer.epochs.map(\.record.epoch), [1, 2, 3, 1, 2, 3])
        XCTAssertEqual(observer.ends.count, 2)

        // Outside the binding nothing is reported.
        var third = network()
        third.train(on: data, optimizer: SGD(learningRate: 0.05), configuration: configuration)
        XCTAssertEqual(observer.ends.count, 2)
    }

    func testADivergedRunEndsWithItsDivergenceAndNoEpochEvent() {
        let observer = RecordingObserver()
        var model = network()
        let history = model.train(on: data, optimizer: SGD(learningRate: 1e300),
                                  configuration: TrainingConfiguration(epochs: 10, batchSize: 8, loss: .meanSquaredError),
                                  observer: observer)
        XCTAssertNotNil(history.divergedAtEpoch)
        XCTAssertEqual(observer.epochs.count, history.epochs.count)
        XCTAssertEqual(observer.ends.map(\.divergedAtEpoch), [history.divergedAtEpoch])
    }

    func testNoEpochsReportNothing() {
        let observer = RecordingObserver()
        var model = network()
        model.train(on: data, optimizer: SGD(learningRate: 0.05),
                    configuration: TrainingConfiguration(epochs: 0, batchSize: 8, loss: .meanSquaredError), observer: observer)
        XCTAssertTrue(observer.starts.isEmpty && observer.epochs.isEmpty && observer.ends.isEmpty)
    }
}
