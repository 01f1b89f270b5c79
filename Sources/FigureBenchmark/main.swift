import Foundation
import Plotting

let figure = Figure()
let axes = figure.axes
var state: UInt64 = 42
func uniform() -> Double {
    state = state &* 6364136223846793005 &+ 1442695040888963407
    return Double(state >> 11) / Double(1 << 53)
}
func normal() -> Double { (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * .pi * uniform()) }
for (k, name) in ["SGD", "Momentum", "AdaGrad", "RMSProp", "Adam"].enumerated() {
    let tau = 40.0 + 60.0 * Double(k)
    let floor = pow(10, -3 + 0.4 * Double(k))
    let y = (0..<500).map { t in (2 * exp(-Double(t) / tau) + floor) * exp(0.15 * normal()) }
    axes.plot(y, label: name, lineWidth: 1.7)
}
axes.yScale = .log10
axes.xLabel = "step"
axes.yLabel = "loss"
axes.title = "损失曲线 Loss curve (synthetic, 5 optimizers × 500 points)"
axes.legend()
let start = Date()
let png = try figure.pngData()
print("png", Date().timeIntervalSince(start), png.count)
try png.write(to: URL(fileURLWithPath: "/tmp/plotout/loss.png"))
try figure.writeSVG(to: URL(fileURLWithPath: "/tmp/plotout/loss.svg"))
try figure.writePDF(to: URL(fileURLWithPath: "/tmp/plotout/loss.pdf"))
let svg1 = try figure.svgData(); let svg2 = try figure.svgData()
let pdf1 = try figure.pdfData(); let pdf2 = try figure.pdfData()
print("svg same", svg1 == svg2, "pdf same", pdf1 == pdf2, "png same", try figure.pngData() == png)
print(String(decoding: svg2, as: UTF8.self).components(separatedBy: "\n").filter { $0.contains("surface") })
