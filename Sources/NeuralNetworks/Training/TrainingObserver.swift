/// Receives a training run's progress epoch by epoch, as it happens.
///
/// The engine knows nothing of terminals or processes: ``Sequential/train(on:validation:optimizer:configuration:observer:)``
/// calls these methods on the thread that trains, and an observer decides what to do with them (the `Report`
/// module forwards them to `report`, which draws a progress bar). Observing never changes the numbers: the
/// history is the same with or without an observer.
///
/// An observer must be cheap: it is called once per epoch, and some runs do thousands of epochs a second.
public protocol TrainingObserver: AnyObject, Sendable {
    /// A run of `epochs` epochs starts (not called when `epochs` is 0).
    func trainingWillStart(epochs: Int, optimizerName: String)
    /// Epoch `record.epoch` of `epochs` has finished and been added to the history.
    func trainingDidFinishEpoch(_ record: EpochRecord, of epochs: Int)
    /// The run has ended, after its last epoch or because it diverged (``TrainingHistory/divergedAtEpoch``).
    func trainingDidEnd(_ history: TrainingHistory)
}

extension TrainingObserver {
    public func trainingWillStart(epochs: Int, optimizerName: String) {}
    public func trainingDidEnd(_ history: TrainingHistory) {}
}

/// The observer training reports to when the caller names none.
///
/// A task-local value, so that a program can watch every training run inside a piece of code without passing an
/// observer down to each call (an experiment's document builder trains in many places):
///
/// ```swift
/// TrainingObservation.$observer.withValue(progressBar) {
///     network.train(on: data, optimizer: Adam(), configuration: configuration)   // reports to progressBar
/// }
/// ```
///
/// Binding works in synchronous code too (outside any `Task`), on the thread that binds it.
public enum TrainingObservation {
    @TaskLocal public static var observer: (any TrainingObserver)?
}
