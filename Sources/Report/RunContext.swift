import Foundation

/// Facts about one run of an experiment that the reproducibility appendix prints.
///
/// `report run` fills these and passes them to the compiled experiment as command-line options
/// (see `Experiment.main()`); everything here is stable between two runs of the same tree on the same machine,
/// except `stageTimings`, which the appendix prints only when `includeTimings` is set.
public struct RunContext: Sendable, Equatable {
    /// The experiment's folder name, e.g. `adam-vs-sgd`.
    public var experimentName: String
    /// The experiment's source folder, for code listings echoed from its files.
    public var sourceDirectory: URL?
    /// The git commit of the tree the experiment was built from, if it is in a git repository.
    public var gitCommit: String?
    /// Whether the tree had uncommitted changes.
    public var gitTreeIsDirty: Bool
    /// The `report` tool's version.
    public var toolVersion: String
    /// The Swift compiler's version line.
    public var swiftVersion: String
    /// Operating system, architecture and processor count, e.g. `Linux x86_64, 2 cores`.
    public var machine: String
    /// Whether the appendix lists per-stage timings (they change run to run, so they are off by default).
    public var includeTimings: Bool
    /// How long each stage took (compiling, then the stages the experiment measured), in order.
    public var stageTimings: [StageTiming] = []
    /// Where and how stages are cached; `nil` runs every stage (as in tests that call an experiment directly).
    public var stageCache: StageCacheSettings?
    /// Where the experiment writes the list of files it read, for `report`'s record of the whole run.
    public var inputListFile: URL?
    /// The parameters set with `report run … --set name=value`, sorted by name: they change the numbers, so
    /// the appendix records them and results caches key on them.
    public var parameters: [ParameterSetting] = []
    /// For the run that aggregates a sweep: the variants' report folders relative to the output folder (e.g.
    /// `variants/seed=3`), in sweep order; empty otherwise. Relative, so the same sweep passes the same text
    /// whichever staging folder it runs in.
    public var sweepVariants: [String] = []
    /// Whether warnings about the output (such as text a figure could not draw for want of a font) fail the
    /// run instead (`report run --strict`, the default in CI).
    public var isStrict = false

    public init(
        experimentName: String,
        sourceDirectory: URL? = nil,
        gitCommit: String? = nil,
        gitTreeIsDirty: Bool = false,
        toolVersion: String = "unknown",
        swiftVersion: String = "unknown",
        machine: String = "unknown",
        includeTimings: Bool = false
    ) {
        self.experimentName = experimentName
        self.sourceDirectory = sourceDirectory
        self.gitCommit = gitCommit
        self.gitTreeIsDirty = gitTreeIsDirty
        self.toolVersion = toolVersion
        self.swiftVersion = swiftVersion
        self.machine = machine
        self.includeTimings = includeTimings
    }
}
