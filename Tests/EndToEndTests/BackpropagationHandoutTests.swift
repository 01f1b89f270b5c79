import Foundation
import XCTest

/// The shipped Chinese handout `experiments/backpropagation`, written in Markdown (`handout.md`): its text is
/// assembled from the file and every number in it is computed by the run, matching numpy's independent values.
final class BackpropagationHandoutTests: XCTestCase {
    func testHandoutQuotesComputedNumbersInItsSections() throws {
        let output = try TemporaryFolder.make()
        let result = try ReportExecutable.run(["run", "experiments/backpropagation", "--output", output.path])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertFalse(result.standardError.contains("warning"), result.standardError)
        let markdown = try String(contentsOf: output.appendingPathComponent("backpropagation/report.md"), encoding: .utf8)

        // numpy's float64 values for notes 002 (Tests/NeuralNetworksTests/References), written to 4 significant
        // digits here with printf, not with the library's formatter.
        let referenceURL = ReportExecutable.packageRoot
            .appendingPathComponent("Tests/NeuralNetworksTests/References/backprop-2-2-2.json")
        let reference = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: referenceURL)) as? [String: Any])
        let forward = try XCTUnwrap(reference["forward"] as? [String: Any])
        let backward = try XCTUnwrap(reference["backward"] as? [String: Any])
        let output1 = try XCTUnwrap((forward["a2"] as? [Double])?.first)
        let delta1 = try XCTUnwrap((backward["delta2"] as? [Double])?.first)
        let gradient = try XCTUnwrap((backward["grad_W2"] as? [[Double]])?.first?.first)
        func four(_ value: Double) -> String { String(format: "%.4g", value) }
        XCTAssertTrue(markdown.contains("例如 $`o_1 = \(four(output1))`$，所以 $`\\delta^{(2)}_1 = (\(four(output1)) - 0.01)"),
                      markdown)
        XCTAssertTrue(markdown.contains("= \(four(delta1))`$。隐藏层的误差"), markdown)
        XCTAssertTrue(markdown.contains("更新后 $`w_5 = 0.4 - 0.5 \\times \(four(gradient)) = \(four(0.4 - 0.5 * gradient))`$"),
                      markdown)

        // The front matter's subtitle and course stand under the title (the file's first heading); no date,
        // since the handout is not dated.
        XCTAssertTrue(markdown.hasPrefix("# 反向传播：逐步计算\n\n*课程笔记 002 与 003 的两个例题*\n\n人工神经网络\n\n"),
                      String(markdown.prefix(200)))

        // Headings of handout.md are the numbered sections; @sec: references are computed and linked.
        for (number, title) in [(1, "2–2–2 sigmoid 网络（笔记 002）"), (2, "房价预测：3–2–2–1 ReLU 网络（笔记 003）"),
                                (3, "每个数都经过检验：梯度检验"), (4, "sigmoid 的导数与梯度消失")] {
            XCTAssertTrue(markdown.contains("\n## \(number) \(title)\n"), "section \(number)")
        }
        XCTAssertTrue(markdown.contains("[第 2 节](#sec-2)指出笔记 003 手算中的错误"), markdown)
        XCTAssertTrue(markdown.contains("> [!WARNING]\n> **笔记 003 的手算有两处错误"), markdown)
        XCTAssertFalse(markdown.contains("{{"), "a placeholder was left in report.md")
        XCTAssertFalse(markdown.contains("{#"), "a section name was left in report.md")
    }
}
