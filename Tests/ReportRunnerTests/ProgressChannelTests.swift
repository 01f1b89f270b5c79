import Foundation
@testable import NeuralNetworks
import Report
import ReportRunner
import XCTest

/// The experiment's end and `report`'s end of the progress socket, in one process.
final class ProgressChannelTests: XCTestCase {
    private let events: [ProgressEvent] = [
        .stageStarted(title: "训练 SGD"),
        .trainingStarted(epochs: 200, optimizerName: "SGD"),
        .epoch(epoch: 1, epochs: 200, loss: 0.693_147, elapsed: 0.01),
        .trainingFinished(completedEpochs: 3, epochs: 200, finalLoss: 4.5, divergedAtEpoch: 4, elapsed: 0.1),
        .stageFinished(title: "训练 SGD", seconds: 0.12, summary: nil),
        .stageFailed(title: "running"),
        .note("warning: big"),
        .detail("$ x"),
        .output("line"),
    ]

    func testEveryEventSurvivesJSON() throws {
        for event in events {
            let data = try JSONEncoder().encode(event)
            XCTAssertEqual(try JSONDecoder().decode(ProgressEvent.self, from: data), event)
        }
    }

    func testTheWireFormatIsOneFlatObject() throws {
        let json = #"{"elapsed":4.1,"epoch":57,"epochs":200,"event":"epoch","loss":0.3412}"#
        XCTAssertEqual(try JSONDecoder().decode(ProgressEvent.self, from: Data(json.utf8)),
                       .epoch(epoch: 57, epochs: 200, loss: 0.3412, elapsed: 4.1))
    }

    func testEventsArriveWholeAndInOrder() throws {
        let received = Received()
        let listener = try ProgressListener { received.append($0) }
        let channel = try XCTUnwrap(ProgressChannel(environment: [ProgressChannel.environmentVariable: listener.name]))
        XCTAssertTrue(listener.name.hasPrefix("@"), "an abstract name: no file to leave behind")
        for _ in 0..<50 {
            for event in events { XCTAssertTrue(channel.send(event)) }
        }
        listener.stop()
        XCTAssertEqual(received.events, Array(Array(repeating: events, count: 50).joined()))
    }

    func testSendingWithNobodyListeningFailsAtOnce() throws {
        let channel = try XCTUnwrap(ProgressChannel(name: "@report-progress-nobody-\(UUID().uuidString)"))
        let start = Date()
        XCTAssertFalse(channel.send(.note("lost")))
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.1)
        XCTAssertNil(ProgressChannel(environment: [:]), "no variable, no channel: the experiment was started by hand")
    }
}

private final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [ProgressEvent] = []
    func append(_ event: ProgressEvent) {
        lock.lock()
        stored.append(event)
        lock.unlock()
    }
    var events: [ProgressEvent] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// The experiment side: many fast epochs become a few events, the first and the last always among them.
final class ExperimentProgressTests: XCTestCase {
    func testFastEpochsAreThinnedButTheFirstAndLastAlwaysGo() throws {
        let received = Received()
        let listener = try ProgressListener { received.append($0) }
        let progress = ExperimentProgress(channel: ProgressChannel(name: listener.name))
        XCTAssertTrue(progress.isConnected)
        progress.stageStarted("train")
        progress.trainingWillStart(epochs: 5000, optimizerName: "SGD")
        for epoch in 1...5000 {
            progress.trainingDidFinishEpoch(EpochRecord(epoch: epoch, trainingLoss: 1, gradientNorms: [], learningRate: 0.1), of: 5000)
        }
        progress.stageFinished("train", seconds: 0.01)
        listener.stop()
        let epochs = received.events.compactMap { event -> Int? in
            if case .epoch(let epoch, _, _, _) = event { return epoch }
            return nil
        }
        XCTAssertEqual(epochs.first, 1)
        XCTAssertEqual(epochs.last, 5000)
        XCTAssertLessThan(epochs.count, 50, "5000 epochs in well under a second: at most one event per 0.1 s besides the ends")
        XCTAssertEqual(received.events.first, .stageStarted(title: "train"))
        XCTAssertEqual(received.events.last, .stageFinished(title: "train", seconds: 0.01, summary: nil))
    }
}
