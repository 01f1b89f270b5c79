import Foundation

/// One thing that happened during `report run`, as the progress display shows it.
///
/// The compiled experiment sends stage, training and note events to `report` over a ``ProgressChannel``, one JSON object per
/// datagram (`{"event":"epoch","epoch":57,"epochs":200,"loss":0.3412,"elapsed":4.1}`); `report` adds its own
/// stages (compiling, running) and relays the lines its child programs print on standard error.
public enum ProgressEvent: Equatable, Sendable {
    /// A stage starts; the display shows `title` while it runs ("compiling optimizers", "train SGD").
    case stageStarted(title: String)
    /// The innermost stage named `title` ended after `seconds`; `summary` is the line kept for it (by default
    /// "title (1.23 s)").
    case stageFinished(title: String, seconds: Double, summary: String?)
    /// The innermost stage named `title` failed; it and every stage inside it end here.
    case stageFailed(title: String)
    /// A training run of `epochs` epochs starts inside the current stage.
    case trainingStarted(epochs: Int, optimizerName: String)
    /// Epoch `epoch` of `epochs` ended with mean training loss `loss`, `elapsed` seconds after the run started.
    case epoch(epoch: Int, epochs: Int, loss: Double, elapsed: Double)
    /// The training run ended after `completedEpochs` of `epochs` (fewer when it diverged).
    case trainingFinished(completedEpochs: Int, epochs: Int, finalLoss: Double?, divergedAtEpoch: Int?, elapsed: Double)
    /// A line of `report`'s own to keep on screen, e.g. a warning ("warning: …").
    case note(String)
    /// A line shown only with `--verbose` (a command line, a cache decision).
    case detail(String)
    /// A line a child program (swiftc, the experiment) wrote on standard error, relayed as it was.
    case output(String)
}

extension ProgressEvent: Codable {
    private enum CodingKeys: String, CodingKey {
        case event, title, seconds, summary, epochs, optimizer, epoch, loss, elapsed, completed, finalLoss, divergedAt, text
    }

    private enum Kind: String, Codable {
        case stageStarted, stageFinished, stageFailed, trainingStarted, epoch, trainingFinished, note, detail, output
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .event) {
        case .stageStarted:
            self = .stageStarted(title: try container.decode(String.self, forKey: .title))
        case .stageFinished:
            self = .stageFinished(title: try container.decode(String.self, forKey: .title),
                                  seconds: try container.decode(Double.self, forKey: .seconds),
                                  summary: try container.decodeIfPresent(String.self, forKey: .summary))
        case .stageFailed:
            self = .stageFailed(title: try container.decode(String.self, forKey: .title))
        case .trainingStarted:
            self = .trainingStarted(epochs: try container.decode(Int.self, forKey: .epochs),
                                    optimizerName: try container.decode(String.self, forKey: .optimizer))
        case .epoch:
            self = .epoch(epoch: try container.decode(Int.self, forKey: .epoch),
                          epochs: try container.decode(Int.self, forKey: .epochs),
                          loss: try container.decode(Double.self, forKey: .loss),
                          elapsed: try container.decode(Double.self, forKey: .elapsed))
        case .trainingFinished:
            self = .trainingFinished(completedEpochs: try container.decode(Int.self, forKey: .completed),
                                     epochs: try container.decode(Int.self, forKey: .epochs),
                                     finalLoss: try container.decodeIfPresent(Double.self, forKey: .finalLoss),
                                     divergedAtEpoch: try container.decodeIfPresent(Int.self, forKey: .divergedAt),
                                     elapsed: try container.decode(Double.self, forKey: .elapsed))
        case .note:
            self = .note(try container.decode(String.self, forKey: .text))
        case .detail:
            self = .detail(try container.decode(String.self, forKey: .text))
        case .output:
            self = .output(try container.decode(String.self, forKey: .text))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .stageStarted(let title):
            try container.encode(Kind.stageStarted, forKey: .event)
            try container.encode(title, forKey: .title)
        case .stageFinished(let title, let seconds, let summary):
            try container.encode(Kind.stageFinished, forKey: .event)
            try container.encode(title, forKey: .title)
            try container.encode(seconds, forKey: .seconds)
            try container.encodeIfPresent(summary, forKey: .summary)
        case .stageFailed(let title):
            try container.encode(Kind.stageFailed, forKey: .event)
            try container.encode(title, forKey: .title)
        case .trainingStarted(let epochs, let optimizerName):
            try container.encode(Kind.trainingStarted, forKey: .event)
            try container.encode(epochs, forKey: .epochs)
            try container.encode(optimizerName, forKey: .optimizer)
        case .epoch(let epoch, let epochs, let loss, let elapsed):
            try container.encode(Kind.epoch, forKey: .event)
            try container.encode(epoch, forKey: .epoch)
            try container.encode(epochs, forKey: .epochs)
            try container.encode(loss, forKey: .loss)
            try container.encode(elapsed, forKey: .elapsed)
        case .trainingFinished(let completedEpochs, let epochs, let finalLoss, let divergedAtEpoch, let elapsed):
            try container.encode(Kind.trainingFinished, forKey: .event)
            try container.encode(completedEpochs, forKey: .completed)
            try container.encode(epochs, forKey: .epochs)
            try container.encodeIfPresent(finalLoss, forKey: .finalLoss)
            try container.encodeIfPresent(divergedAtEpoch, forKey: .divergedAt)
            try container.encode(elapsed, forKey: .elapsed)
        case .note(let text):
            try container.encode(Kind.note, forKey: .event)
            try container.encode(text, forKey: .text)
        case .detail(let text):
            try container.encode(Kind.detail, forKey: .event)
            try container.encode(text, forKey: .text)
        case .output(let text):
            try container.encode(Kind.output, forKey: .event)
            try container.encode(text, forKey: .text)
        }
    }
}
