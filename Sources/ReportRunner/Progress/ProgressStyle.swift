/// How `report` shows progress: decided once from the command line and the environment.
public struct ProgressStyle: Equatable, Sendable {
    /// Where the lines go and how they behave.
    public enum Mode: Equatable, Sendable {
        /// A terminal: one line per running stage, redrawn in place (`\r` and erase-line), kept lines above it.
        case live
        /// A log (CI, a pipe, a file): one line per finished stage, and at most one progress line per
        /// ``ProgressRenderer/plainProgressInterval`` seconds while a long stage runs.
        case plain
        /// `--quiet`: warnings, errors and what child programs print; no stage or progress lines.
        case quiet
    }

    public var mode: Mode
    /// `--verbose`: also command lines and one line per finished training run.
    public var isVerbose: Bool
    /// Whether lines are coloured (ANSI SGR codes).
    public var usesColor: Bool

    public init(mode: Mode, isVerbose: Bool = false, usesColor: Bool = false) {
        self.mode = mode
        self.isVerbose = isVerbose
        self.usesColor = usesColor
    }

    /// The style for this run.
    ///
    /// Live only on a terminal that can redraw (`TERM` set and not `dumb`) and outside CI (`CI` set to anything
    /// but `false` or `0`; CI services often run commands under a pseudo-terminal whose log cannot redraw).
    /// Colour follows the NO_COLOR convention (no-color.org): any non-empty `NO_COLOR` turns it off, and a
    /// non-empty `FORCE_COLOR` other than `0` turns it on even off a terminal.
    /// - Parameters:
    ///   - quiet: `--quiet`; wins over `verbose`.
    ///   - verbose: `--verbose`.
    ///   - environment: the process environment.
    ///   - isTerminal: whether standard error is a terminal.
    public static func detect(quiet: Bool, verbose: Bool, environment: [String: String], isTerminal: Bool) -> ProgressStyle {
        func isSet(_ name: String) -> Bool {
            guard let value = environment[name] else { return false }
            return !value.isEmpty && value != "0" && value.lowercased() != "false"
        }
        let canRedraw = isTerminal && (environment["TERM"].map { !$0.isEmpty && $0 != "dumb" } ?? false)
        let mode: Mode = quiet ? .quiet : (canRedraw && !isSet("CI") ? .live : .plain)
        // no-color.org: "when present and not an empty string", whatever its value.
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let usesColor = isSet("FORCE_COLOR") || (canRedraw && !noColor)
        return ProgressStyle(mode: mode, isVerbose: verbose && !quiet, usesColor: usesColor)
    }
}
