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
    ///
    /// Started with `posix_spawn` and reaped with `waitpid`: 1.4 ms per child, where Foundation's `Process`
    /// took ~50 ms to notice that a child had ended (six children a run).
    /// - Parameters:
    ///   - captureOutput: capture standard output into `Outcome.output` instead of passing it through.
    ///   - quiet: discard standard error (for probes such as `git` outside a repository).
    public static func run(_ executable: String, _ arguments: [String], captureOutput: Bool = false, quiet: Bool = false) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if quiet { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
        var outputPipe: [Int32] = [-1, -1]
        if captureOutput {
            guard pipe(&outputPipe) == 0 else { throw ReportFailure("cannot start \(executable): no pipe (\(String(cString: strerror(errno))))") }
            posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
            posix_spawn_file_actions_addclose(&actions, outputPipe[0])
            posix_spawn_file_actions_addclose(&actions, outputPipe[1])
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = executable.contains("/")
            ? posix_spawn(&child, executable, &actions, nil, argv, environ)
            : posix_spawnp(&child, executable, &actions, nil, argv, environ)
        if captureOutput { close(outputPipe[1]) }
        guard spawned == 0 else {
            if captureOutput { close(outputPipe[0]) }
            throw ReportFailure("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        // Read before waiting: a full pipe would otherwise block the child forever.
        var data = Data()
        if captureOutput {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(outputPipe[0], &buffer, buffer.count)
                if count > 0 { data.append(buffer, count: count); continue }
                if count < 0 && errno == EINTR { continue }
                break
            }
            close(outputPipe[0])
        }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        // The W* macros are not imported into Swift: the low 7 bits are the signal, the next byte the status.
        let signal = status & 0x7f
        return Outcome(
            status: signal == 0 ? (status >> 8) & 0xff : signal,
            wasKilledBySignal: signal != 0,
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
