import ReportKit

/// 初始化、正则化与批归一化 — initialisation, L2, dropout and batch norm of notes 001 and 003, measured.
///
/// A Chinese handout: how the initial weight scale decides whether a deep tanh network's signal survives
/// (with the notes' Xavier code checked against its own formula), how L2 and dropout tame an over-fitting
/// network, what notes 003's dropout arithmetic gets wrong, and how batch norm speeds up a deep sigmoid network.
@main
struct Regularization: Experiment {
    /// Seeds the data, the initial weights, the dropout masks and the shuffling.
    static let seed: UInt64 = 3

    // snippet: initialization
    /// 10 层、每层 256 个 tanh 神经元，输入是 500 个 N(0, 1) 样本。
    static let depth = 10
    static let width = 256
    static let probeSampleCount = 500
    /// |a| 超过这个值的 tanh 神经元算作饱和（导数 1 − a² < 0.02）。
    static let saturationThreshold = 0.99
    // end snippet

    // snippet: overfitting
    /// 只有 60 个带噪声的训练点，网络 2–64–64–1 却有四千多个参数：容易过拟合。
    static let trainingCount = 60
    static let validationCount = 500
    static let moonNoise = 0.35
    static let hiddenWidth = 64
    static let epochs = 1000
    static let learningRate = 0.01
    static let weightDecay = 0.01
    static let keepProbability = 0.5
    // end snippet

    // snippet: batch-norm
    /// 6 个各 32 个 sigmoid 神经元的隐藏层，1024 个两月牙点（正好 32 个批量），SGD，批量 32。
    static let deepHiddenLayers = 6
    static let deepWidth = 32
    static let deepEpochs = 60
    static let deepLearningRate = 0.1
    static let deepBatchSize = 32
    // end snippet

    /// Notes 003's dropout example: the two outputs of the first hidden layer, the mask it draws, keep 0.5.
    static let notesActivations = [12.241, 47.549]
    static let notesMask = [0.0, 1.0]
    static let notesKeepProbability = 0.5
    /// Samples for the average output of the engine's dropout layer.
    static let dropoutSamples = 100_000

    static func makeDocument(run: ExperimentRun) throws -> Document {
        let initializations = run.measure("activation statistics") { InitializationProbe.all() }
        let fits = run.measure("over-fitting runs") { OverfittingRuns.train() }
        let dropoutMeans = run.measure("dropout averages") {
            DropoutAverages(input: notesActivations, keepProbability: notesKeepProbability, samples: dropoutSamples, seed: seed)
        }
        let normalization = run.measure("batch-norm runs") { BatchNormRuns.train() }

        return Document(title: "初始化、正则化与批归一化", language: numbers.language, seed: seed) {
            Prose(introduction)
            Section("初始化：信号能否穿过十层网络") {
                Prose(initializationExplanation)
                FigureBlock(name: "activation-spread",
                            caption: "\(depth) 层 tanh 网络每层输出 $a^{(l)}$ 的标准差（对数坐标），四种初始化，同一批 \(probeSampleCount) 个 $N(0, 1)$ 输入。",
                            spreadFigure(initializations))
                initializationTable(initializations)
                Prose(initializationSentence(initializations))
                Callout(.warning, xavierCodeWarning(initializations))
                Snippet("initialization", caption: "网络和输入（实验源代码）")
            }
            Section("过拟合、L2 正则化与 Dropout") {
                Prose(overfittingExplanation(fits))
                FigureBlock(name: "decision-boundaries",
                            caption: "同一个网络、同样的 \(trainingCount) 个训练点（圆点为类别 0，三角为类别 1）训练 \(epochs) 轮：不加正则化、L2（$\\lambda = \(weightDecay)$）、Dropout（保留概率 \(keepProbability)）。底色是预测为类别 1 的概率。",
                            boundaryFigure(fits))
                FigureBlock(name: "overfitting-curves",
                            caption: "训练损失（实线）和验证损失（虚线，\(validationCount) 个新点），对数坐标；Dropout 的训练曲线是训练时开着 Dropout 的损失。",
                            overfittingCurveFigure(fits))
                overfittingTable(fits)
                Prose(overfittingSentence(fits))
                Snippet("overfitting", caption: "数据、网络和超参数（实验源代码）")
            }
            Section("笔记 003 的 Dropout 例子") {
                Prose(dropoutExplanation)
                dropoutTable(dropoutMeans)
                Callout(.warning, dropoutWarning(dropoutMeans))
            }
            Section("批归一化：让深层 sigmoid 网络学得动") {
                Prose(batchNormExplanation)
                FigureBlock(name: "batch-norm-curves",
                            caption: "\(deepHiddenLayers) 个 sigmoid 隐藏层的网络，有无批归一化，同样的初始权重、数据顺序和学习率 $\\alpha = \(deepLearningRate)$：每轮的训练损失（实线）和验证损失（虚线）。",
                            batchNormFigure(normalization))
                batchNormTable(normalization)
                Prose(batchNormSentence(normalization))
                Snippet("batch-norm", caption: "网络和超参数（实验源代码）")
            }
        }
    }
}
