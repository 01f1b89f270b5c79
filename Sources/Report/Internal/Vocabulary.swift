/// The words the writers add around the author's text, in the document's language.
struct Vocabulary {
    let language: DocumentLanguage

    /// The text of a reference, e.g. "Figure 3" / "图 3".
    func figure(_ number: Int) -> String {
        language == .chinese ? "图 \(number)" : "Figure \(number)"
    }

    /// The text of a reference, e.g. "Table 1" / "表 1".
    func table(_ number: Int) -> String {
        language == .chinese ? "表 \(number)" : "Table \(number)"
    }

    /// The text of an `@eq:` reference to equation number `number` (already in parentheses), e.g. "Equation (3)" /
    /// "式 (3)".
    func equation(_ number: String) -> String {
        language == .chinese ? "式 \(number)" : "Equation \(number)"
    }

    /// The text of a reference to a section, e.g. "Section 2.1" / "第 2.1 节".
    func section(_ number: String) -> String {
        language == .chinese ? "第 \(number) 节" : "Section \(number)"
    }

    /// The label in front of a caption: English adds a full stop ("Figure 3."), Chinese does not ("图 3").
    func captionLabel(_ reference: String) -> String {
        language == .chinese ? reference : reference + "."
    }

    var contents: String { language == .chinese ? "目录" : "Contents" }

    func callout(_ kind: Callout.Kind) -> String {
        switch (kind, language) {
        case (.note, .english): return "Note"
        case (.note, .chinese): return "注意"
        case (.warning, .english): return "Warning"
        case (.warning, .chinese): return "警告"
        }
    }

    var metricHeader: String { language == .chinese ? "指标" : "Metric" }
    var valueHeader: String { language == .chinese ? "数值" : "Value" }

    var appendixTitle: String { language == .chinese ? "附录：可复现性" : "Appendix: Reproducibility" }
    var itemHeader: String { language == .chinese ? "项目" : "Item" }
    var experiment: String { language == .chinese ? "实验" : "Experiment" }
    var seed: String { language == .chinese ? "随机种子" : "Random seed" }
    var noSeed: String { language == .chinese ? "未设置" : "none" }
    var gitCommit: String { language == .chinese ? "Git 提交" : "Git commit" }
    var notInGit: String { language == .chinese ? "不在 Git 仓库中" : "not in a Git repository" }
    var dirtyTree: String { language == .chinese ? "（有未提交的修改）" : " (with uncommitted changes)" }
    var cleanTree: String { language == .chinese ? "（无未提交的修改）" : " (clean tree)" }
    var toolVersion: String { language == .chinese ? "report 版本" : "report version" }
    var swiftVersion: String { language == .chinese ? "Swift 版本" : "Swift version" }
    var machine: String { language == .chinese ? "机器" : "Machine" }
    var parameterSettings: String { language == .chinese ? "命令行参数（--set）" : "Parameters set (--set)" }
    var gateHeader: String { language == .chinese ? "门限" : "Gate" }
    var gateHeld: String { language == .chinese ? "（通过）" : "(held)" }
    var gateMissed: String { language == .chinese ? "（未通过）" : "(missed)" }
    var gateBannerTitle: String { language == .chinese ? "**门限未通过**" : "**Gate failed**" }
    var stageTimings: String { language == .chinese ? "各阶段耗时" : "Stage timings" }
}
