import Foundation
import Report
import ReportRunner

/// `report preview`: run the experiment, serve its report on 127.0.0.1, and run it again whenever a file in its
/// folder changes, until SIGINT or SIGTERM.
///
/// Re-runs go through the same ``ExperimentRunner`` as `report run` (so only what changed is redone, and a run
/// that fails leaves the previous report published). A failed run does not stop the preview: the page keeps
/// the previous report and shows the error above it. Stopping terminates any running compile or experiment
/// (``RunningChildren/terminateAll()``), whose staging folder the runner then discards, and waits for that
/// before returning: no child process and no staging folder outlives the preview.
public final class PreviewSession: @unchecked Sendable {
    /// What the user asked for.
    public struct Options {
        /// The experiment's folder as the user spelled it.
        public var experimentPath: String
        /// The folder that receives `<name>/` with the report.
        public var outputDirectory: URL
        /// The port; 0 picks a free one.
        public var port: UInt16
        /// List per-stage timings in the appendix.
        public var includeTimings: Bool
        /// How often the folder is checked for changes.
        public var pollInterval: Double

        public init(experimentPath: String, outputDirectory: URL, port: UInt16 = 0, includeTimings: Bool = false,
                    pollInterval: Double = 0.25) {
            self.experimentPath = experimentPath
            self.outputDirectory = outputDirectory
            self.port = port
            self.includeTimings = includeTimings
            self.pollInterval = pollInterval
        }
    }

    public let layout: ToolLayout
    public let options: Options
    private let display: ProgressDisplay
    private let state = PreviewState()
    private let lock = NSLock()
    private var stopRequested = false
    /// Child output of the run going on, for the page when it fails.
    private var capturedOutput: [String] = []
    /// The most lines of a failed run's output the page shows (the last ones; a compiler can print thousands).
    static let shownOutputLines = 200

    public init(layout: ToolLayout, options: Options, display: ProgressDisplay) {
        self.layout = layout
        self.options = options
        self.display = display
    }

    /// Serves and watches until interrupted.
    /// - Parameter announce: receives the page's address once the server listens (`report` prints it on
    ///   standard output, so scripts and tests can read it).
    /// - Throws: ``ReportFailure`` when there is no such experiment, ``ReportPreviewError`` when the port is taken.
    public func run(announce: (URL) -> Void) throws {
        let experiment = try ExperimentRunner.locateExperiment(at: options.experimentPath)
        let reportFile = options.outputDirectory
            .appendingPathComponent(experiment.name, isDirectory: true)
            .appendingPathComponent("report.html")
        let signal = try ShutdownSignal()
        defer { signal.restore() }
        let server = try PreviewServer(port: options.port, state: state, reportFile: reportFile, experimentName: experiment.name)
        let port = try server.start()
        announce(URL(string: "http://127.0.0.1:\(port)/")!)
        display.handle(.note("previewing \(experiment.name) at http://127.0.0.1:\(port)/ — watching \(options.experimentPath) (Ctrl-C stops)"))

        let watcherDone = DispatchSemaphore(value: 0)
        let watcher = Thread { [self] in
            // A preview that watched its own output would re-run forever.
            watch(FolderWatcher(folder: experiment.directory, excluded: [options.outputDirectory]))
            watcherDone.signal()
        }
        watcher.name = "report.preview.watcher"
        watcher.start()

        _ = signal.wait()
        lock.lock()
        stopRequested = true
        lock.unlock()
        RunningChildren.terminateAll()
        watcherDone.wait()
        server.stop()
        display.handle(.note("preview stopped"))
        display.finish()
    }

    private var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }

    /// Runs once, then again after every change, until stopped.
    private func watch(_ watcher: FolderWatcher) {
        var stamps = watcher.snapshot()
        rerun()
        while !isStopping {
            Thread.sleep(forTimeInterval: options.pollInterval)
            var current = watcher.snapshot()
            guard !FolderWatcher.changes(from: stamps, to: current).isEmpty, !isStopping else { continue }
            // An editor may write in several steps (truncate, write, rename): wait until two looks agree.
            var settled = current
            repeat {
                current = settled
                Thread.sleep(forTimeInterval: 0.05)
                settled = watcher.snapshot()
            } while settled != current && !isStopping
            let changed = FolderWatcher.changes(from: stamps, to: settled)
            // The snapshot from before the run: an edit made while it runs starts another.
            stamps = settled
            display.handle(.note("changed: " + changed.joined(separator: ", ")))
            rerun()
        }
    }

    /// One run through the runner; its end is recorded in the state the page polls.
    private func rerun() {
        guard !isStopping else { return }
        lock.lock()
        capturedOutput = []
        lock.unlock()
        state.runStarted()
        let runner = ExperimentRunner(
            layout: layout,
            options: .init(outputDirectory: options.outputDirectory, includeTimings: options.includeTimings),
            progress: { [self] event in
                if case .output(let line) = event {
                    lock.lock()
                    capturedOutput.append(line)
                    lock.unlock()
                }
                display.handle(event)
            }
        )
        do {
            _ = try runner.run(options.experimentPath)
            state.runSucceeded()
        } catch {
            guard !isStopping else { return }
            let description = (error as? ReportFailure)?.description ?? "\(error)"
            display.handle(.note("error: \(description)"))
            lock.lock()
            let output = capturedOutput.suffix(Self.shownOutputLines)
            lock.unlock()
            // The compiler's and the experiment's own lines first: the failure's summary refers to them as above.
            state.runFailed(output.isEmpty ? description : output.joined(separator: "\n") + "\n\n" + description)
        }
    }
}
