import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs other programs (swiftc, git, pkg-config, the compiled experiment) and reports how they ended.
///
/// Every child is started here, with `posix_spawn`, in a process group of its own, so that `report` stays in
/// control of it and everything it starts:
/// - a signal to `report` (Ctrl-C, SIGTERM, SIGHUP; see ``InterruptSignals``) sends SIGTERM to the whole
///   group, then SIGKILL if it has not ended within ``gracePeriod``, and the run throws ``Interrupted``;
/// - a time limit does the same and reports ``Outcome/timedOut``;
/// - the child gets `TMPDIR` set to a fresh folder that is removed when it ends (swiftc's driver, for one,
///   leaves a `TemporaryDirectory.*` behind after `swiftc --version`);
/// - ``RunningChildren`` knows it while it runs, so that `report preview` can stop every child at shutdown.
public enum CommandRunner {
    /// How a finished program ended.
    public struct Outcome {
        /// The exit status, or the signal number when `wasKilledBySignal`.
        public let status: Int32
        public let wasKilledBySignal: Bool
        /// Standard output, when it was captured.
        public let output: String
        /// Whether `report` stopped it because it ran past its time limit.
        public var timedOut = false

        public var succeeded: Bool { status == 0 && !wasKilledBySignal && !timedOut }

        /// "exit status 1", "crashed (SIGILL: illegal instruction)" or "was stopped by SIGKILL (…)".
        public var summary: String {
            wasKilledBySignal ? SignalName.describe(status) : "exit status \(status)"
        }

        /// Whether the program ended by crashing (as opposed to exiting, or being stopped from outside).
        public var crashed: Bool { wasKilledBySignal && SignalName.isCrash(status) && !timedOut }
    }

    /// How long a child may take to end after SIGTERM before it gets SIGKILL.
    public static let gracePeriod: TimeInterval = 2

    /// Runs `executable` with `arguments`, looking it up in `PATH` when it has no slash.
    /// - Parameters:
    ///   - captureOutput: capture standard output into `Outcome.output` instead of passing it through.
    ///   - quiet: discard standard error (for probes such as `git` outside a repository).
    ///   - errorLines: receives standard error line by line instead of passing it through, so a progress
    ///     display can print it above its live line (and preview can show it in the page).
    ///   - environment: variables to set for the child on top of `report`'s own.
    ///   - timeLimit: stop the child (and its process group) after this many seconds.
    ///   - logFile: append standard output and standard error to this file instead (when several experiments
    ///     run at once their output would interleave; the file's last lines go on the failure page); it takes
    ///     precedence over `errorLines`.
    /// - Throws: ``Interrupted`` when `report` received a signal, after the child has been stopped; a
    ///   ``ReportFailure`` when the program cannot be started, or once ``RunningChildren/terminateAll()`` has
    ///   been called (nothing new starts).
    public static func run(_ executable: String, _ arguments: [String], captureOutput: Bool = false, quiet: Bool = false,
                           errorLines: ((String) -> Void)? = nil, environment: [String: String] = [:],
                           timeLimit: TimeInterval? = nil, logFile: URL? = nil) throws -> Outcome {
        InterruptSignals.install()
        try InterruptSignals.checkpoint()
        let temporaryFolder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: temporaryFolder) }

        var outputDescriptors: [Int32] = [-1, -1]
        if captureOutput {
            guard pipe(&outputDescriptors) == 0 else { throw ReportFailure("cannot start \(executable): \(errorText())") }
            _ = fcntl(outputDescriptors[0], F_SETFD, FD_CLOEXEC)
        }
        var logDescriptor: Int32 = -1
        if let logFile {
            logDescriptor = open(logFile.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard logDescriptor >= 0 else { throw ReportFailure("cannot write \(logFile.path): \(errorText())") }
        }
        defer { if logDescriptor >= 0 { close(logDescriptor) } }
        let errorRelay = quiet || logFile != nil ? nil : try errorLines.map { try LineRelay(deliver: $0) }
        let process: pid_t
        do {
            process = try RunningChildren.launch {
                try spawn(executable, arguments,
                          outputDescriptor: captureOutput ? outputDescriptors[1] : (logDescriptor >= 0 ? logDescriptor : nil),
                          errorDescriptor: logDescriptor >= 0 ? logDescriptor : errorRelay?.writeDescriptor, quiet: quiet,
                          environment: environment.merging(["TMPDIR": temporaryFolder]) { $1 })
            }
        } catch {
            errorRelay?.abandon()
            if captureOutput { close(outputDescriptors[0]); close(outputDescriptors[1]) }
            throw error
        }
        defer { RunningChildren.remove(process) }
        errorRelay?.start()
        if captureOutput { close(outputDescriptors[1]) }
        defer { if captureOutput { close(outputDescriptors[0]) } }
        defer { errorRelay?.finish() }
        return try wait(for: process, outputDescriptor: captureOutput ? outputDescriptors[0] : nil, timeLimit: timeLimit)
    }

    /// The trimmed standard output of a probe, or `nil` when the program is missing or fails.
    public static func probe(_ executable: String, _ arguments: [String]) -> String? {
        guard let outcome = try? run(executable, arguments, captureOutput: true, quiet: true), outcome.succeeded else {
            return nil
        }
        return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Starting

    private static func spawn(_ executable: String, _ arguments: [String], outputDescriptor: Int32?, errorDescriptor: Int32?,
                              quiet: Bool, environment: [String: String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let outputDescriptor {
            posix_spawn_file_actions_adddup2(&actions, outputDescriptor, 1)
            // A log file is both outputs; it is close-on-exec, so the child keeps only its copies.
            if outputDescriptor != errorDescriptor { posix_spawn_file_actions_addclose(&actions, outputDescriptor) }
        }
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        } else if let errorDescriptor {
            posix_spawn_file_actions_adddup2(&actions, errorDescriptor, 2)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group: a terminal's Ctrl-C reaches `report` only, which then stops the group.
        posix_spawnattr_setpgroup(&attributes, 0)
        // The child starts with default handlers and nothing blocked, whatever `report` set up.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in InterruptSignals.handled + [SIGPIPE] { sigaddset(&defaults, signalNumber) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { $1 }
        let argumentStrings = [executable] + arguments
        let environmentStrings = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        var argumentPointers = argumentStrings.map { strdup($0) } + [nil]
        var environmentPointers = environmentStrings.map { strdup($0) } + [nil]
        defer {
            for pointer in argumentPointers { free(pointer) }
            for pointer in environmentPointers { free(pointer) }
        }
        var process: pid_t = 0
        let result = executable.contains("/")
            ? posix_spawn(&process, executable, &actions, &attributes, &argumentPointers, &environmentPointers)
            : posix_spawnp(&process, executable, &actions, &attributes, &argumentPointers, &environmentPointers)
        guard result == 0 else {
            throw ReportFailure("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return process
    }

    // MARK: - Waiting

    /// Waits for `process`, reading its output if captured, and stops its group on a signal or time-out.
    private static func wait(for process: pid_t, outputDescriptor: Int32?, timeLimit: TimeInterval?) throws -> Outcome {
        let start = Date()
        var output = Data()
        var outputOpen = outputDescriptor != nil
        var status: Int32 = 0
        var reaped = false
        var timedOut = false
        var stopRequestedAt: Date?
        var signalsHandled = 0
        // Short first waits catch quick probes at once; later ones cost nothing measurable.
        var pollInterval: Int32 = 1
        var buffer = [UInt8](repeating: 0, count: 65_536)

        while !reaped || outputOpen {
            if !reaped {
                let result = waitpid(process, &status, WNOHANG)
                if result == process || (result < 0 && errno == ECHILD) { reaped = true }
            }
            if reaped && !outputOpen { break }

            if InterruptSignals.count > signalsHandled {
                signalsHandled = InterruptSignals.count
                // A second signal means "now": no grace period.
                kill(-process, stopRequestedAt == nil ? SIGTERM : SIGKILL)
                if stopRequestedAt == nil { stopRequestedAt = Date() }
            }
            if let timeLimit, !timedOut, stopRequestedAt == nil, Date().timeIntervalSince(start) > timeLimit {
                timedOut = true
                kill(-process, SIGTERM)
                stopRequestedAt = Date()
            }
            if let stopRequestedAt, Date().timeIntervalSince(stopRequestedAt) > gracePeriod {
                kill(-process, SIGKILL)
            }

            var descriptors = [pollfd(fd: InterruptSignals.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
            if outputOpen, let outputDescriptor {
                descriptors.append(pollfd(fd: outputDescriptor, events: Int16(POLLIN), revents: 0))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), reaped ? -1 : pollInterval)
            pollInterval = min(pollInterval * 2, 20)
            guard ready > 0 else { continue }
            if descriptors[0].revents != 0 { InterruptSignals.drainWakeups() }
            if descriptors.count > 1, descriptors[1].revents != 0, let outputDescriptor {
                let count = read(outputDescriptor, &buffer, buffer.count)
                if count > 0 { output.append(contentsOf: buffer[0..<count]) } else if count == 0 || errno != EINTR { outputOpen = false }
            }
        }
        // Anything the child left running in its group goes with it.
        if stopRequestedAt != nil { kill(-process, SIGKILL) }
        if let signal = InterruptSignals.received { throw Interrupted(signal: signal) }

        let signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        var outcome = Outcome(status: signalled ? status & 0x7f : (status >> 8) & 0xff, wasKilledBySignal: signalled,
                              output: String(decoding: output, as: UTF8.self))
        outcome.timedOut = timedOut
        return outcome
    }

    // MARK: - Temporary folders

    /// The prefix of every temporary folder a child gets; the process id after it lets a later run find the
    /// folders of a `report` that was killed outright.
    static let temporaryPrefix = "report-tmp-"

    private static func makeTemporaryFolder() throws -> String {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array("\(base)/\(temporaryPrefix)\(getpid())-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ReportFailure("cannot create a temporary folder in \(base): \(errorText())")
        }
        return String(cString: made)
    }

    /// Removes temporary folders left by `report` processes that no longer run.
    public static func removeAbandonedTemporaryFolders() {
        let base = FileManager.default.temporaryDirectory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base.path) else { return }
        for name in names where name.hasPrefix(temporaryPrefix) {
            let rest = name.dropFirst(temporaryPrefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }), !ProcessLiveness.isReportRunning(pid) else {
                continue
            }
            try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
