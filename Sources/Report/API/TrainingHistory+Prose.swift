import NeuralNetworks

extension TrainingHistory {
    /// How the run ended, as a sentence for prose: "The run diverged at epoch 3 (step 41): the training loss
    /// became NaN or infinite." or "The run trained all 40 epochs; the final training loss is 0.0123.";
    /// in Chinese for a Chinese document. Computed from the history, so the handout never claims a
    /// convergence the run did not reach.
    /// - Parameters:
    ///   - language: The document's language.
    ///   - format: How the final loss is written.
    public func outcomeSentence(language: DocumentLanguage, format: NumberFormat = .automatic) -> String {
        let chinese = language == .chinese
        if let epoch = divergedAtEpoch {
            let step = divergedAtStep.map { chinese ? "（第 \($0) 步）" : " (step \($0))" } ?? ""
            guard chinese else {
                return "The run diverged at epoch \(epoch)\(step)" + (divergenceCause.map { ": \($0.description)." } ?? ".")
            }
            let cause: String
            switch divergenceCause {
            case .loss?: cause = "：训练损失变为 NaN 或无穷大。"
            case .gradient?: cause = "：梯度变为 NaN 或无穷大。"
            case .parameter?: cause = "：参数变为 NaN 或无穷大。"
            case .validationLoss?: cause = "：验证损失变为 NaN 或无穷大。"
            case nil: cause = "。"
            }
            return "训练在第 \(epoch) 轮\(step)发散\(cause)"
        }
        guard let last = epochs.last else { return chinese ? "训练没有运行任何一轮。" : "The run trained no epochs." }
        let loss = format.text(last.trainingLoss, language: language)
        return chinese
            ? "训练完成全部 \(epochs.count) 轮，最终训练损失为 \(loss)。"
            : "The run trained all \(epochs.count) epochs; the final training loss is \(loss)."
    }
}
