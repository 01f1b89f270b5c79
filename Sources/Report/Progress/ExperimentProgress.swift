import Foundation
import NeuralNetworks

/// What a running experiment tells `report` about itself: the stages ``ExperimentRun/measure(_:_:)`` times and,
/// as a ``TrainingObserver``, every training run inside them.
///
/// With a ``ProgressChannel`` (the experiment was started by `report`) events go to `report`, which draws them;
/// without one (started by hand) each finished stage prints one line on standard error, as before.
///
/// Epochs are forwarded at most every ``epochInterval`` seconds (and always the first and the last), so a run of
/// many tiny epochs does not spend its time on messages nobody can read that fast.
public final class ExperimentProgress: TrainingObserver, @unchecked Sendable {
    /// The shortest time between two epoch events sent for one run: ten updates a second is as fast as the eye
    /// reads a redrawn line.
    public static let epochInterval = 0.1

    private let channel: ProgressChannel?
    private let lock = NSLock()
    private var trainingStart = 0.0
    private var plannedEpochs = 0
    private var lastEpochSent = -Double.infinity

    /// - Parameter channel: where events go; `nil` prints stage lines on standard error instead.
    public init(channel: ProgressChannel? = ProgressChannel()) {
        self.channel = channel
    }

    /// Whether events reach a `report` that displays them.
    public var isConnected: Bool { channel != nil }

    /// A stage starts.
    public func stageStarted(_ title: String) {
        channel?.send(.stageStarted(title: title))
    }

    /// The stage `title` ended after `seconds`; `summary` replaces the default line "title (1.23 s)".
    public func stageFinished(_ title: String, seconds: Double, summary: String? = nil) {
        if let channel {
            channel.send(.stageFinished(title: title, seconds: seconds, summary: summary))
        } else {
            let line = summary ?? String(format: "%@ (%.2f s)", title, seconds)
            FileHandle.standardError.write(Data("report: \(line)\n".utf8))
        }
    }

    /// A line to show, e.g. a warning; printed as `report: <line>` when nobody listens.
    public func note(_ line: String) {
        if let channel {
            channel.send(.note(line))
        } else {
            FileHandle.standardError.write(Data("report: \(line)\n".utf8))
        }
    }

    // MARK: - TrainingObserver

    public func trainingWillStart(epochs: Int, optimizerName: String) {
        guard let channel else { return }
        lock.lock()
        trainingStart = Self.now()
        plannedEpochs = epochs
        lastEpochSent = -Double.infinity
        lock.unlock()
        channel.send(.trainingStarted(epochs: epochs, optimizerName: optimizerName))
    }

    public func trainingDidFinishEpoch(_ record: EpochRecord, of epochs: Int) {
        guard let channel else { return }
        let now = Self.now()
        lock.lock()
        let isDue = record.epoch == 1 || record.epoch == epochs || now - lastEpochSent >= Self.epochInterval
        if isDue { lastEpochSent = now }
        let elapsed = now - trainingStart
        lock.unlock()
        if isDue {
            channel.send(.epoch(epoch: record.epoch, epochs: epochs, loss: record.trainingLoss, elapsed: elapsed))
        }
    }

    public func trainingDidEnd(_ history: TrainingHistory) {
        guard let channel else { return }
        lock.lock()
        let elapsed = Self.now() - trainingStart
        let planned = plannedEpochs
        lock.unlock()
        channel.send(.trainingFinished(completedEpochs: history.epochs.count, epochs: planned,
                                       finalLoss: history.epochs.last?.trainingLoss,
                                       divergedAtEpoch: history.divergedAtEpoch, elapsed: elapsed))
    }

    /// Seconds on a clock that only moves forward.
    private static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
