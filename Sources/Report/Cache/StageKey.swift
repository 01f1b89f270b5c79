import Foundation

/// Everything a stage's result may depend on, each input named, and the digest of them all.
///
/// The components (see ``StageCacheSettings`` for where the digests come from):
/// - `code`: the experiment's sources as tokens, comments dropped, and the text of string literals dropped
///   where no stage can reach it (computed by `report`, see `ExperimentCodeDigest`);
/// - `library`: the content of `libReportKit.so` and its Swift modules;
/// - `parameter NAME`: each option of ``RunContext/resultAffectingArguments`` (so a new `RunContext` field is
///   covered without touching this file);
/// - `BLAS kernels`, `BLAS threads`: OpenBLAS's kernel set and thread count, which decide how sums round;
/// - `stage`: the stage's name and how many stages of that name ran before it;
/// - `result type`: the Swift type the result decodes into;
/// - `file PATH`: the content of every file the program read before the stage began (data it may have captured).
///
/// Files the stage reads while it runs are not in the key: they are stored with the entry and checked on use.
public struct StageKey: Equatable {
    /// Input name → digest or value.
    public var components: [String: String]

    public init(components: [String: String]) {
        self.components = components
    }

    /// The SHA-256 of all components, in name order.
    public var digest: String {
        let lines = components.keys.sorted().map { "\($0)\u{1F}\(components[$0]!)\n" }
        return ContentDigest.sha256("report stage key 1\n" + lines.joined())
    }

    /// The inputs that differ from `previous`, as the reason of a re-run: "the experiment's code",
    /// "file data/points.csv", "parameter epochs", "the library", "BLAS threads".
    public func changedInputs(since previous: [String: String]) -> [String] {
        let names = Set(components.keys).union(previous.keys).sorted()
        return names.filter { components[$0] != previous[$0] }.map(Self.describe)
    }

    /// How an input is named in `--explain` output.
    static func describe(_ component: String) -> String {
        switch component {
        case "code": return "the experiment's code"
        case "library": return "the library (libReportKit)"
        case "result type": return "the stage's result type"
        default: return component
        }
    }
}
