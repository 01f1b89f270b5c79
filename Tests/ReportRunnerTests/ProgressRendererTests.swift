import Report
import ReportRunner
import XCTest

/// The renderer given made-up times and widths: every string it returns is the exact text `report` writes.
final class ProgressRendererTests: XCTestCase {
    private let erase = "\r\u{1B}[2K"

    // MARK: - Live (a terminal)

    func testLiveLineShowsTheStageThenIsReplacedByItsKeptLine() {
        var renderer = ProgressRenderer(style: ProgressStyle(mode: .live), width: 80)
        XCTAssertEqual(renderer.handle(.stageStarted(title: "compiling demo"), at: 0), erase + "⠋ compiling demo…")
        XCTAssertEqual(renderer.tick(at: 0.05), "", "redrawn at most ten times a second")
        // 1.25 s: spinner frame 12 mod 10 = 2, and the stage's clock.
        XCTAssertEqual(renderer.tick(at: 1.25), erase + "⠹ compiling demo… 1 s")
        XCTAssertEqual(renderer.handle(.stageFinished(title: "compiling demo", seconds: 2, summary: "compiled demo in 2.0 s"), at: 2),
                       erase + "✓ compiled demo in 2.0 s\n")
        XCTAssertEqual(renderer.finish(at: 2), "", "nothing left to erase")
    }

    func testTrainingDrawsABarWithEpochLossAndETA() {
        var renderer = ProgressRenderer(style: ProgressStyle(mode: .live), width: 80)
        _ = renderer.handle(.stageStarted(title: "running demo"), at: 10)
        _ = renderer.handle(.stageStarted(title: "train SGD"), at: 10)
        XCTAssertEqual(renderer.handle(.trainingStarted(epochs: 200, optimizerName: "SGD"), at: 10.25),
                       erase + "⠹ train SGD  [" + String(repeating: "░", count: 30) + "]  epoch 0/200")
        // 12.35 s is spinner frame 123 mod 10 = 3. 50 of 200 epochs in 2 s: 0.04 s each, so 150 · 0.04 = 6 s to go. The bar gets what the line leaves:
        // 79 − "⠋ " − "train SGD" − "  [" − "]  " − 34 columns of statistics = 28 cells, 50/200 of them full.
        let line = renderer.handle(.epoch(epoch: 50, epochs: 200, loss: 0.341_23, elapsed: 2), at: 12.35)
        XCTAssertEqual(line, erase + "⠸ train SGD  [" + String(repeating: "█", count: 7) + String(repeating: "░", count: 21)
                       + "]  epoch 50/200  loss 0.3412  ETA 6 s")
        XCTAssertEqual(TerminalText.width(of: String(line.dropFirst(erase.count))), 79, "one column short of the width: never wraps")
        XCTAssertEqual(renderer.handle(.epoch(epoch: 51, epochs: 200, loss: 0.34, elapsed: 2.04), at: 12.40), "",
                       "an epoch 50 ms after the last redraw waits for the next")
        // The ETA counts down between epochs, rounded up: 3.5 s later, 0.04 · 149 − 3.45 = 2.51 s, shown as 3 s.
        XCTAssertEqual(renderer.tick(at: 15.85).hasSuffix("epoch 51/200  loss 0.34  ETA 3 s"), true)
    }

    func testAFinishedInnerStageIsIndentedAndTheOuterLineComesBack() {
        var renderer = ProgressRenderer(style: ProgressStyle(mode: .live), width: 80)
        _ = renderer.handle(.stageStarted(title: "running demo"), at: 20)
        _ = renderer.handle(.stageStarted(title: "train SGD"), at: 20)
        XCTAssertEqual(renderer.handle(.stageFinished(title: "train SGD", seconds: 1.5, summary: nil), at: 21.55),
                       erase + "  ✓ train SGD (1.50 s)\n" + erase + "⠴ running demo… 1 s")
        XCTAssertEqual(renderer.handle(.stageFailed(title: "running demo"), at: 22.05),
                       erase + "✗ running demo\n")
    }

    func testChildOutputAndWarningsAreKeptAboveTheLiveLine() {
        var renderer = ProgressRenderer(style: ProgressStyle(mode: .live), width: 80)
        _ = renderer.handle(.stageStarted(title: "compiling demo"), at: 0)
        XCTAssertEqual(renderer.handle(.output("Demo.swift:3:5: warning: unused"), at: 0.55),
                       erase + "Demo.swift:3:5: warning: unused\n" + erase + "⠴ compiling demo…")
        XCTAssertEqual(renderer.handle(.detail("$ experiment --output x"), at: 0.6), "", "details only with --verbose")
        XCTAssertEqual(renderer.finish(at: 0.7), erase)
    }

    func testANarrowTerminalDropsTheBarThenShortensTitleAndStatistics() {
        var renderer = ProgressRenderer(style: ProgressStyle(mode: .live), width: 40)
        _ = renderer.handle(.stageStarted(title: "train SGD"), at: 0)
        _ = renderer.handle(.trainingStarted(epochs: 200, optimizerName: "SGD"), at: 0)
        let line = renderer.handle(.epoch(epoch: 50, epochs: 200, loss: 0.341_23, elapsed: 2), at: 2)
        XCTAssertEqual(line, erase + "⠋ train S…  epoch 50/200  loss 0.3412…")
        XCTAssertLessThanOrEqual(TerminalText.width(of: String(line.dropFirst(erase.count))), 39)
    }

    func testChineseTitlesAreMeasuredInColumns() {
        var renderer = ProgressRenderer(style: ProgressStyle(mode: .live), width: 30)
        let line = renderer.handle(.stageStarted(title: "训练两层网络，比较四种初始化方法"), at: 0)
        // 29 columns: "⠋ " + 12 characters of 2 columns + "…" + "…".
        XCTAssertEqual(line, erase + "⠋ 训练两层网络，比较四种初…" + "…")
        XCTAssertLessThanOrEqual(TerminalText.width(of: String(line.dropFirst(erase.count))), 29)
    }

    func testColourWrapsMarksAndBarsInSGRCodes() {
        var renderer = ProgressRenderer(style: ProgressStyle(mode: .live, usesColor: true), width: 80)
        _ = renderer.handle(.stageStarted(title: "compiling demo"), at: 0)
        let kept = renderer.handle(.stageFinished(title: "compiling demo", seconds: 1, summary: "compiled demo in 1.0 s"), at: 1)
        XCTAssertEqual(kept, erase + "\u{1B}[32m✓\u{1B}[0m compiled demo in 1.0 s\n")
    }

    // MARK: - Plain (CI, a pipe)

    func testPlainModeWritesOneLinePerStageAndAtMostOneProgressLinePerTenSeconds() {
        var renderer = ProgressRenderer(style: ProgressStyle(mode: .plain), width: 80)
        var lines: [(time: Double, text: String)] = []
        func record(_ text: String, _ time: Double) {
            for line in text.split(separator: "\n") { lines.append((time, String(line))) }
        }
        record(renderer.handle(.stageStarted(title: "compiling demo"), at: 0), 0)
        for second in 1...25 { record(renderer.tick(at: Double(second)), Double(second)) }
        record(renderer.handle(.stageFinished(title: "compiling demo", seconds: 25.5, summary: "compiled demo in 25.5 s"), at: 25.5), 25.5)
        record(renderer.handle(.stageStarted(title: "train"), at: 30), 30)
        record(renderer.handle(.trainingStarted(epochs: 240, optimizerName: "Adam"), at: 30), 30)
        // 240 epochs of 0.25 s, 60 s in all, each event also followed by a tick.
        for epoch in 1...240 {
            let time = 30 + Double(epoch) * 0.25
            record(renderer.handle(.epoch(epoch: epoch, epochs: 240, loss: 1 / Double(epoch), elapsed: Double(epoch) * 0.25), at: time), time)
            record(renderer.tick(at: time + 0.1), time + 0.1)
        }
        record(renderer.handle(.stageFinished(title: "train", seconds: 60, summary: nil), at: 90.2), 90.2)

        XCTAssertEqual(lines.map(\.text), [
            "report: compiling demo… 10 s",
            "report: compiling demo… 20 s",
            "report: compiled demo in 25.5 s",
            "report: train: epoch 40/240, loss 0.025, ETA 50 s",
            "report: train: epoch 80/240, loss 0.0125, ETA 40 s",
            "report: train: epoch 120/240, loss 0.008333, ETA 30 s",
            "report: train: epoch 160/240, loss 0.00625, ETA 20 s",
            "report: train: epoch 200/240, loss 0.005, ETA 10 s",
            "report: train: epoch 240/240, loss 0.004167, ETA 0 s",
            "report: train (60.00 s)",
        ])
        let progressTimes = lines.filter { $0.text.contains("epoch") || $0.text.contains("…") }.map(\.time)
        for (earlier, later) in zip(progressTimes, progressTimes.dropFirst()) {
            XCTAssertGreaterThanOrEqual(later - earlier, ProgressRenderer.plainProgressInterval)
        }
        XCTAssertFalse(lines.contains { $0.text.contains("\r") || $0.text.contains("\u{1B}") }, "a log gets no control codes")
    }

    func testPlainModeNeverWritesAProgressLineSoonAfterAnotherLine() {
        var renderer = ProgressRenderer(style: ProgressStyle(mode: .plain), width: 80)
        _ = renderer.handle(.stageStarted(title: "running demo"), at: 0)
        XCTAssertEqual(renderer.handle(.output("a line from the experiment"), at: 9), "a line from the experiment\n")
        XCTAssertEqual(renderer.tick(at: 12), "", "only 3 s since the last line")
        XCTAssertEqual(renderer.tick(at: 19), "report: running demo… 19 s\n")
    }

    func testVerbosePlainModeAddsCommandLinesAndTrainingSummaries() {
        var renderer = ProgressRenderer(style: ProgressStyle(mode: .plain, isVerbose: true), width: 80)
        _ = renderer.handle(.stageStarted(title: "train"), at: 0)
        XCTAssertEqual(renderer.handle(.detail("$ experiment --output x"), at: 0), "report: $ experiment --output x\n")
        _ = renderer.handle(.trainingStarted(epochs: 20, optimizerName: "SGD"), at: 0)
        XCTAssertEqual(renderer.handle(.trainingFinished(completedEpochs: 3, epochs: 20, finalLoss: 12.5, divergedAtEpoch: 4, elapsed: 0.25), at: 1),
                       "report: train: 3/20 epochs, diverged in epoch 4, final loss 12.5 (0.25 s)\n")
    }

    // MARK: - Quiet

    func testQuietModeKeepsOnlyWarningsErrorsAndChildOutput() {
        var renderer = ProgressRenderer(style: ProgressStyle(mode: .quiet), width: 80)
        XCTAssertEqual(renderer.handle(.stageStarted(title: "compiling demo"), at: 0), "")
        XCTAssertEqual(renderer.tick(at: 30), "")
        XCTAssertEqual(renderer.handle(.stageFinished(title: "compiling demo", seconds: 30, summary: nil), at: 30), "")
        XCTAssertEqual(renderer.handle(.note("previewing demo"), at: 30), "")
        XCTAssertEqual(renderer.handle(.note("warning: report.html is 30 MB"), at: 30), "report: warning: report.html is 30 MB\n")
        XCTAssertEqual(renderer.handle(.output("X.swift:1:1: error: nope"), at: 30), "X.swift:1:1: error: nope\n")
    }
}
