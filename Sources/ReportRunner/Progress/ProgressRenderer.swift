import Foundation
import Rainbow
import Report

/// Turns progress events into the exact text written to standard error, given the time and the width.
///
/// A value with no clock and no terminal of its own, so tests drive it with made-up times and widths and compare
/// the strings; ``ProgressDisplay`` feeds it real ones. In ``ProgressStyle/Mode/live`` mode the last line is the
/// live line of the innermost running stage, redrawn in place with `\r` and erase-line (`ESC [2K`); every kept
/// line (a finished stage, a warning, a child's output) first erases it, is written with its newline, and the
/// live line is drawn again below it. In ``ProgressStyle/Mode/plain`` mode nothing is ever redrawn.
public struct ProgressRenderer {
    /// The least time between two progress lines in plain mode, and the least time a stage runs before the first.
    public static let plainProgressInterval = 10.0
    /// The least time between two redraws of the live line (a terminal gains nothing from more than ten a second).
    public static let redrawInterval = 0.1
    /// Erases the whole current line and returns the cursor to its start.
    public static let eraseLine = "\r\u{1B}[2K"
    /// The braille spinner, one frame per ``redrawInterval``.
    static let spinnerFrames = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
    /// The widest progress bar, in cells.
    static let maximumBarWidth = 30
    /// Below this many cells the bar is left out rather than drawn uselessly short.
    static let minimumBarWidth = 8

    /// How lines are shown.
    public let style: ProgressStyle
    /// The terminal's width in columns; the live line is kept one narrower so it never wraps.
    public var width: Int

    private struct Training {
        var epoch: Int
        var epochs: Int
        var loss: Double?
        /// Seconds since the run started, as the experiment measured them at `epoch`.
        var elapsed: Double
        /// When the event arrived, on the renderer's clock.
        var receivedAt: Double
    }

    private struct Stage {
        var title: String
        var start: Double
        var depth: Int
        var training: Training?
        /// Training runs started in this stage so far.
        var runCount = 0
    }

    private var stages: [Stage] = []
    /// The live line on screen now, if any (exactly as written, codes included).
    private var liveLine: String?
    private var lastDraw = -Double.infinity
    /// When plain mode last wrote a line of any kind.
    private var lastPlainLine = -Double.infinity

    public init(style: ProgressStyle, width: Int = 80) {
        self.style = style
        self.width = width
        if style.usesColor {
            // Rainbow decides from standard *output* whether to colour; our lines go to standard error, whose
            // terminal `ProgressStyle.detect` has already checked (NO_COLOR and FORCE_COLOR included).
            Rainbow.outputTarget = .console
            Rainbow.enabled = true
        }
    }

    /// The text to write for `event` arriving at `time`.
    public mutating func handle(_ event: ProgressEvent, at time: Double) -> String {
        switch event {
        case .stageStarted(let title):
            stages.append(Stage(title: title, start: time, depth: stages.count))
            return redraw(at: time, force: true)

        case .stageFinished(let title, let seconds, let summary):
            let depth = popStage(named: title)?.depth ?? stages.count
            let line = summary ?? String(format: "%@ (%.2f s)", title, seconds)
            switch style.mode {
            case .live: return keep(indent(depth) + mark("✓", color: .green) + " " + line, at: time)
            case .plain: return keep("report: " + line, at: time)
            case .quiet: return ""
            }

        case .stageFailed(let title):
            let stage = popStage(named: title)
            guard style.mode == .live, let stage else { return style.mode == .live ? redraw(at: time, force: true) : "" }
            return keep(indent(stage.depth) + mark("✗", color: .red) + " " + stage.title, at: time)

        case .trainingStarted(let epochs, _):
            guard !stages.isEmpty else { return "" }
            stages[stages.count - 1].runCount += 1
            stages[stages.count - 1].training = Training(epoch: 0, epochs: epochs, loss: nil, elapsed: 0, receivedAt: time)
            return redraw(at: time, force: true)

        case .epoch(let epoch, let epochs, let loss, let elapsed):
            guard !stages.isEmpty else { return "" }
            stages[stages.count - 1].training = Training(epoch: epoch, epochs: epochs, loss: loss, elapsed: elapsed, receivedAt: time)
            return style.mode == .plain ? plainProgress(at: time) : redraw(at: time, force: false)

        case .trainingFinished(let completed, let epochs, let finalLoss, let divergedAt, let elapsed):
            var title = "training"
            if !stages.isEmpty {
                stages[stages.count - 1].training = nil
                title = runTitle(stages[stages.count - 1])
            }
            guard style.isVerbose, style.mode != .quiet else { return redraw(at: time, force: true) }
            var line = "\(title): \(completed)/\(epochs) epochs"
            if let divergedAt { line += ", diverged in epoch \(divergedAt)" }
            if let finalLoss { line += ", final loss " + Self.formatLoss(finalLoss) }
            line += String(format: " (%.2f s)", elapsed)
            return keep(style.mode == .live ? indent(stages.count) + "  " + line : "report: " + line, at: time)

        case .note(let text):
            if style.mode == .quiet, !(text.hasPrefix("warning") || text.hasPrefix("error")) { return "" }
            let shown = text.hasPrefix("warning") ? paint(text, .yellow) : text.hasPrefix("error") ? paint(text, .red) : text
            return keep(style.mode == .live ? shown : "report: " + shown, at: time)

        case .detail(let text):
            guard style.isVerbose, style.mode != .quiet else { return "" }
            return keep(style.mode == .live ? paint(text, .lightBlack) : "report: " + text, at: time)

        case .output(let text):
            return keep(text, at: time)
        }
    }

    /// The text to write when nothing happened but time passed: the spinner and clocks move, and in plain mode a
    /// long stage gets its progress line.
    public mutating func tick(at time: Double) -> String {
        style.mode == .plain ? plainProgress(at: time) : redraw(at: time, force: false)
    }

    /// Erases the live line; the display is done.
    public mutating func finish(at time: Double) -> String {
        stages.removeAll()
        guard liveLine != nil else { return "" }
        liveLine = nil
        return Self.eraseLine
    }

    // MARK: - Kept lines

    /// `line` kept on screen: above the live line in live mode.
    private mutating func keep(_ line: String, at time: Double) -> String {
        switch style.mode {
        case .live:
            let erase = liveLine == nil ? "" : Self.eraseLine
            liveLine = nil
            return erase + line + "\n" + redraw(at: time, force: true)
        case .plain, .quiet:
            lastPlainLine = time
            return line + "\n"
        }
    }

    private mutating func popStage(named title: String) -> Stage? {
        guard let index = stages.lastIndex(where: { $0.title == title }) else { return nil }
        let stage = stages[index]
        stages.removeSubrange(index...)
        return stage
    }

    private func indent(_ depth: Int) -> String {
        String(repeating: "  ", count: depth)
    }

    // MARK: - The live line

    /// Redraws the live line when it is due (or `force`d) and has changed.
    private mutating func redraw(at time: Double, force: Bool) -> String {
        guard style.mode == .live else { return "" }
        guard let stage = stages.last else {
            return finish(at: time)
        }
        guard force || time - lastDraw >= Self.redrawInterval else { return "" }
        let line = liveText(for: stage, at: time)
        guard line != liveLine else { return "" }
        liveLine = line
        lastDraw = time
        return Self.eraseLine + line
    }

    /// The live line of `stage`, fitted into `width - 1` columns and styled.
    private func liveText(for stage: Stage, at time: Double) -> String {
        let frame = Self.spinnerFrames[Int(max(0, time) / Self.redrawInterval) % Self.spinnerFrames.count]
        let spinner = paint(String(frame), .cyan)
        let available = max(10, width - 1)
        guard let training = stage.training, training.epochs > 0 else {
            let elapsed = time - stage.start
            let clock = elapsed >= 1 ? " " + Self.formatDuration(elapsed) : ""
            let title = TerminalText.truncate(stage.title, toWidth: available - 3 - TerminalText.width(of: "…" + clock))
            return spinner + " " + bold(title) + "…" + clock
        }
        var stats = trainingStats(training, at: time)
        let statsWidth = TerminalText.width(of: stats)
        var title = runTitle(stage)
        // "⠋ " before the title and two spaces before the statistics; the bar takes its cells plus "[", "]  ".
        var cells = min(Self.maximumBarWidth, available - 4 - statsWidth - TerminalText.width(of: title) - 4)
        if cells < Self.minimumBarWidth { cells = 0 }
        let barWidth = cells > 0 ? cells + 4 : 0
        // Too narrow even without a bar: the title gives way first (to 8 columns), then the statistics.
        let titleRoom = available - 4 - statsWidth - barWidth
        if TerminalText.width(of: title) > titleRoom { title = TerminalText.truncate(title, toWidth: max(8, titleRoom)) }
        let statsRoom = available - 4 - TerminalText.width(of: title) - barWidth
        if statsWidth > statsRoom { stats = TerminalText.truncate(stats, toWidth: statsRoom) }
        var line = spinner + " " + bold(title) + "  "
        if cells > 0 {
            let filled = min(cells, training.epoch * cells / training.epochs)
            line += "[" + paint(String(repeating: "█", count: filled), .cyan)
                + paint(String(repeating: "░", count: cells - filled), .lightBlack) + "]  "
        }
        return line + stats
    }

    /// "epoch 57/200  loss 0.3412  ETA 12 s".
    private func trainingStats(_ training: Training, at time: Double) -> String {
        var text = "epoch \(training.epoch)/\(training.epochs)"
        if let loss = training.loss { text += "  loss " + Self.formatLoss(loss) }
        // Rounded up: "ETA 0 s" is for a run that is done, not for one with half a second to go.
        if let remaining = Self.remainingSeconds(training, at: time) { text += "  ETA " + Self.formatDuration(remaining.rounded(.up)) }
        return text
    }

    /// The stage's title, with the run's number when the stage trains more than one network.
    private func runTitle(_ stage: Stage) -> String {
        stage.runCount > 1 ? "\(stage.title) (run \(stage.runCount))" : stage.title
    }

    // MARK: - Plain progress lines

    /// A progress line for the innermost stage, when it has run ``plainProgressInterval`` seconds and nothing was
    /// written for as long.
    private mutating func plainProgress(at time: Double) -> String {
        guard style.mode == .plain, let stage = stages.last,
              time - max(lastPlainLine, stage.start) >= Self.plainProgressInterval else { return "" }
        lastPlainLine = time
        guard let training = stage.training, training.epochs > 0 else {
            return "report: \(stage.title)… \(Self.formatDuration(time - stage.start))\n"
        }
        let stats = trainingStats(training, at: time).replacingOccurrences(of: "  ", with: ", ")
        return "report: \(runTitle(stage)): \(stats)\n"
    }

    // MARK: - Numbers

    /// Seconds left in a run, from the pace of the epochs so far: t/k · (N − k), less the time since epoch k was
    /// reported; `nil` before the first epoch.
    private static func remainingSeconds(_ training: Training, at time: Double) -> Double? {
        guard training.epoch > 0 else { return nil }
        let perEpoch = training.elapsed / Double(training.epoch)
        let remaining = perEpoch * Double(training.epochs - training.epoch) - (time - training.receivedAt)
        return max(0, remaining)
    }

    /// Four significant digits: "0.3412", "1.235e-05".
    static func formatLoss(_ loss: Double) -> String {
        String(format: "%.4g", loss)
    }

    /// Whole seconds, "12 s", or "2 min 05 s" from a minute on.
    static func formatDuration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        return whole < 60 ? "\(whole) s" : String(format: "%d min %02d s", whole / 60, whole % 60)
    }

    // MARK: - Colour

    private func paint(_ text: String, _ color: NamedColor) -> String {
        style.usesColor && !text.isEmpty ? text.applyingColor(color) : text
    }

    private func bold(_ text: String) -> String {
        style.usesColor ? text.applyingStyle(.bold) : text
    }

    private func mark(_ symbol: String, color: NamedColor) -> String {
        paint(symbol, color)
    }
}
