import Foundation
import Report
#if canImport(Glibc)
import Glibc
#endif

/// The progress display of one `report` process: a ``ProgressRenderer`` given the real clock and terminal width,
/// writing to standard error, with a ticker that keeps the live line moving between events.
///
/// Events come from several threads (the run, the listener of the experiment's channel, the relay of a child's
/// standard error); one lock keeps them, and what they write, in order.
public final class ProgressDisplay: @unchecked Sendable {
    private var renderer: ProgressRenderer
    private let lock = NSLock()
    private let write: (String) -> Void
    private let clock: () -> Double
    private let width: () -> Int
    private var ticker: DispatchSourceTimer?

    /// - Parameters:
    ///   - style: from ``ProgressStyle/detect(quiet:verbose:environment:isTerminal:)``.
    ///   - write: where text goes; standard error by default.
    ///   - clock: seconds on a monotonic clock.
    ///   - width: the terminal's columns now; asked before every event, so a resized window is followed.
    public init(
        style: ProgressStyle,
        write: @escaping (String) -> Void = ProgressDisplay.writeToStandardError,
        clock: @escaping () -> Double = ProgressDisplay.monotonicSeconds,
        width: @escaping () -> Int = ProgressDisplay.terminalWidth
    ) {
        self.renderer = ProgressRenderer(style: style, width: width())
        self.write = write
        self.clock = clock
        self.width = width
        if style.mode != .quiet {
            startTicker(every: style.mode == .live ? ProgressRenderer.redrawInterval : 1)
        }
    }

    deinit {
        ticker?.cancel()
    }

    public var style: ProgressStyle { renderer.style }

    /// Shows `event`.
    public func handle(_ event: ProgressEvent) {
        lock.lock()
        defer { lock.unlock() }
        renderer.width = width()
        emit(renderer.handle(event, at: clock()))
    }

    /// Erases the live line and stops the ticker; call before printing anything else on standard error.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        ticker?.cancel()
        ticker = nil
        emit(renderer.finish(at: clock()))
    }

    private func emit(_ text: String) {
        if !text.isEmpty { write(text) }
    }

    private func startTicker(every interval: Double) {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "report.progress.ticker"))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.lock()
            defer { self.lock.unlock() }
            self.renderer.width = self.width()
            self.emit(self.renderer.tick(at: self.clock()))
        }
        timer.resume()
        ticker = timer
    }

    // MARK: - The real world

    /// Writes `text` to standard error unbuffered, all of it.
    public static func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Seconds since boot, never going back.
    public static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// Columns of the terminal on standard error, else `COLUMNS`, else 80.
    public static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return 80
    }

    /// Whether standard error is a terminal.
    public static var standardErrorIsTerminal: Bool {
        isatty(STDERR_FILENO) != 0
    }
}
