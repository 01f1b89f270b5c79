import Foundation

/// The environment variables that may change what an experiment computes, for cache keys and run records.
///
/// An experiment can read any variable (`ProcessInfo.processInfo.environment["FAULT"]`), so a cache that keyed
/// only on the ones we know of (OpenBLAS's) would reuse results computed under another setting. Every variable
/// is therefore part of the key except those that describe the terminal or session, that CI services change on
/// every job, or that `report` itself sets to a fresh value for each child (temporary folders, sockets).
public enum RelevantEnvironment {
    /// Variables left out by name.
    static let ignoredNames: Set<String> = [
        "_", "CI", "CLICOLOR", "CLICOLOR_FORCE", "COLORTERM", "COLUMNS", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY",
        "EDITOR", "FORCE_COLOR", "HISTFILE", "HISTSIZE", "LESS", "LESSOPEN", "LINES", "LS_COLORS", "MAIL", "NO_COLOR",
        "OLDPWD", "PAGER", "PROMPT_COMMAND", "PS1", "PS2", "PWD", "SHLVL", "SSH_AUTH_SOCK", "SSH_CLIENT",
        "SSH_CONNECTION", "SSH_TTY", "STY", "SWIFT_BACKTRACE", "TERM", "TMPDIR", "TMUX", "TMUX_PANE", "VISUAL",
        "WINDOWID",
    ]
    /// Variables left out by prefix: terminal programs, desktop sessions, CI services' per-job values, and what
    /// `report` passes each child (`REPORT_PROGRESS_SOCKET`, `REPORT_PARENT_PID`, …).
    static let ignoredPrefixes = ["TERM_", "XDG_", "GITHUB_", "RUNNER_", "CI_", "GITLAB_", "BUILDKITE", "REPORT_"]

    /// `environment` without the ignored variables.
    public static func relevant(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        environment.filter { name, _ in
            !ignoredNames.contains(name) && !ignoredPrefixes.contains { name.hasPrefix($0) }
        }
    }
}
