import Foundation

/// Runs other programs (swiftc, git, pkg-config, the compiled experiment) and reports how they ended.
public enum CommandRunner {
    /// How a finished program ended.
    public struct Outcome {
        /// The exit status, or the signal number when `wasKilledBySignal`.
        public let status: Int32
        public let wasKilledBySignal: Bool
        /// Standard output, when it was captured.
        public let output: String

        public var succeeded: Bool { status == 0 && !wasKilledBySignal }

        /// "exit status 1" or "signal 11 (the program crashed)".
        public var summary: String {
            wasKilledBySignal ? "signal \(status) (the program crashed)" : "exit status \(status)"
        }
    }

    /// Runs `executable` with `arguments`, looking it up in `PATH` when it has no slash.
    /// - Parameters:
    ///   - captureOutput: capture standard output into `Outcome.output` instead of passing it through.
    ///   - quiet: discard standard error (for probes such as `git` outside a repository).
    ///   - errorLines: receives standard error line by line instead of passing it through, so a progress
    ///     display can print it above its live line (and preview can show it in the page).
    ///   - logFile: append standard output and standard error to this file instead (when several experiments
    ///     run at once their output would interleave; the file's last lines go on the failure page); it takes
    ///     precedence over `errorLines`.
    /// - Throws: ``ReportFailure`` once ``RunningChildren/terminateAll()`` has been called: nothing new starts.
    public static func run(_ executable: String, _ arguments: [String], captureOutput: Bool = false, quiet: Bool = false,
                           errorLines: ((String) -> Void)? = nil, logFile: URL? = nil) throws -> Outcome {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        let outputPipe = Pipe()
        if captureOutput { process.standardOutput = outputPipe }
        if quiet { process.standardError = FileHandle.nullDevice }
        if let logFile {
            if !FileManager.default.fileExists(atPath: logFile.path) {
                _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: logFile)
            handle.seekToEndOfFile()
            process.standardOutput = handle
            process.standardError = handle
        }
        process.standardInput = FileHandle.nullDevice
        let errorRelay = quiet || logFile != nil ? nil : try errorLines.map { try LineRelay(deliver: $0) }
        if let errorRelay { process.standardError = errorRelay.writeHandle }
        do {
            try RunningChildren.launch(process)
        } catch {
            errorRelay?.abandon()
            throw error
        }
        defer { RunningChildren.remove(process) }
        errorRelay?.start()
        // Read before waiting: a full pipe would otherwise block the child forever.
        let data = captureOutput ? outputPipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        errorRelay?.finish()
        return Outcome(
            status: process.terminationStatus,
            wasKilledBySignal: process.terminationReason == .uncaughtSignal,
            output: String(decoding: data, as: UTF8.self)
        )
    }

    /// The trimmed standard output of a probe, or `nil` when the program is missing or fails.
    public static func probe(_ executable: String, _ arguments: [String]) -> String? {
        guard let outcome = try? run(executable, arguments, captureOutput: true, quiet: true), outcome.succeeded else {
            return nil
        }
        return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
