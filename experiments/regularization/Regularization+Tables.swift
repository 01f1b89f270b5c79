import ReportKit

extension Regularization {
    static func initializationTable(_ probes: [InitializationProbe]) -> Table {
        var columns: [TableColumn<InitializationProbe>] = [
            TableColumn("初始化") { $0.name },
            TableColumn("$n \\, \\mathrm{Var}(W)$", format: .fixed(3)) { $0.gain },
        ]
        for layer in [1, depth / 2, depth] {
            columns.append(TableColumn("$\\mathrm{std}(a^{(\(layer))})$", format: .scientific(2)) { $0.standardDeviations[layer] })
        }
        columns.append(TableColumn("第 \(depth) 层饱和比例", format: .percent(1)) { $0.saturatedShares[depth - 1] })
        return Table(name: "initialization", caption: "四种初始化：实际抽到的权重的 $n\\,\\mathrm{Var}(W)$、第 1、\(depth / 2)、\(depth) 层输出的标准差，以及第 \(depth) 层 $|a| > \(saturationThreshold)$ 的神经元比例。",
                     rows: probes, columns: columns)
    }

    static func overfittingTable(_ runs: OverfittingRuns) -> Table {
        let columns: [TableColumn<OverfittingRuns.Fit>] = [
            TableColumn("设置") { $0.name },
            TableColumn("训练损失", format: .fixed(4)) { $0.training.loss },
            TableColumn("训练准确率", format: .percent(1)) { $0.training.accuracy },
            TableColumn("验证损失", format: .fixed(4)) { $0.validation.loss },
            TableColumn("验证准确率", format: .percent(1)) { $0.validation.accuracy },
            TableColumn("Σ‖W‖²", format: .fixed(1)) { $0.weightSquares },
        ]
        return Table(name: "overfitting", caption: "训练 \(epochs) 轮之后（评估时不用 Dropout）：\(trainingCount) 个训练点和 \(validationCount) 个验证点上的损失和准确率，以及权重的平方和。",
                     rows: runs.fits, columns: columns)
    }

    static func dropoutTable(_ averages: DropoutAverages) -> Table {
        let rows = Array(averages.input.indices)
        let columns: [TableColumn<Int>] = [
            TableColumn("神经元") { "$a_{\($0 + 1)}$" },
            TableColumn("输入 $a$", format: .fixed(3)) { averages.input[$0] },
            TableColumn("笔记：掩码 $\\times a \\times p$", format: .fixed(4)) { notesMask[$0] * notesActivations[$0] * notesKeepProbability },
            TableColumn("倒置 dropout：掩码 $\\times a \\div p$", format: .fixed(4)) { notesMask[$0] * notesActivations[$0] / notesKeepProbability },
            TableColumn("引擎训练输出的平均", format: .fixed(3)) { averages.inverted[$0] },
            TableColumn("笔记算法的平均", format: .fixed(3)) { averages.notesMethod[$0] },
            TableColumn("评估时的输出", format: .fixed(3)) { averages.evaluation[$0] },
        ]
        return Table(name: "dropout", caption: "笔记 003 的例子（$p = \(notesKeepProbability)$，掩码 $[0, 1]$）按两种算法各算一次，再在 \(numbers.text(dropoutSamples, .groupedInteger)) 次随机掩码上取平均。",
                     rows: rows, columns: columns)
    }

    static func batchNormTable(_ runs: BatchNormRuns) -> Table {
        let checkpoints = [1, 10, deepEpochs]
        var columns: [TableColumn<BatchNormRuns.Run>] = [
            TableColumn("网络") { $0.name },
            TableColumn("参数个数") { $0.parameterCount },
        ]
        for epoch in checkpoints {
            columns.append(TableColumn("第 \(epoch) 轮训练损失", format: .fixed(4)) { run in
                run.history.epochs.first { $0.epoch == epoch }?.trainingLoss ?? .nan
            })
        }
        // The validation curve with batch norm jumps from epoch to epoch, so one epoch's value is a lottery.
        columns.append(TableColumn("最后 10 轮平均验证准确率", format: .percent(1)) { run in
            let last = run.history.epochs.suffix(10).compactMap(\.validationAccuracy)
            return last.isEmpty ? .nan : last.reduce(0, +) / Double(last.count)
        })
        columns.append(TableColumn("结果") { run in run.history.divergedAtEpoch.map { "第 \($0) 轮发散" } ?? "完成" })
        return Table(name: "batch-norm", caption: "有无批归一化的训练损失，以及最后 10 轮验证准确率的平均。", rows: runs.runs, columns: columns)
    }
}
