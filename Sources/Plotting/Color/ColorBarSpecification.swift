/// A colour bar drawn to the right of an axes: the colour map as a vertical strip with a labelled axis.
struct ColorBarSpecification {
    var colormap: Colormap
    var lower: Double
    var upper: Double
    var scale: Scale
    var label: String?

    static let gap = 14.0
    static let barWidth = 16.0

    func ticks(length: Double, theme: Theme) -> AxisTicks {
        Axes.ticks(scale: scale, limits: lower...upper, length: length, spacing: 1.5 * theme.yTickSpacing)
    }

    /// Width the colour bar needs beside a plot of the given height.
    func requiredWidth(canvas: Canvas, theme: Theme, plotHeight: Double) -> Double {
        let ticks = ticks(length: plotHeight, theme: theme)
        let widest = ticks.labels.map { canvas.width(of: $0, size: theme.tickLabelSize) }.max() ?? 0
        var width = Self.gap + Self.barWidth + theme.tickLength + theme.tickLabelPadding + widest
        if let label { width += theme.axisLabelPadding + canvas.height(of: RichText(label), size: theme.axisLabelSize) }
        return width + 4
    }

    func draw(on canvas: Canvas, beside plot: PageRect, theme: Theme) {
        let bar = PageRect(x: plot.maxX + Self.gap, y: plot.minY, width: Self.barWidth, height: plot.height)
        if canvas.drawsVectors {
            // The colour map's samples as gradient stops reproduce its linear interpolation exactly.
            canvas.fillVerticalGradient(bar, colors: colormap.samples)
        } else {
            let steps = 256
            let pixels: [UInt32] = (0..<steps).map { row in
                let color = colormap.color(at: 1 - (Double(row) + 0.5) / Double(steps))
                return ImageArtist.premultipliedPixel(color)
            }
            canvas.drawImage(pixels: pixels, width: 1, height: steps, in: bar, smooth: true)
        }
        canvas.newPath()
        canvas.rectangle(bar)
        canvas.setColor(theme.axisLineColor)
        canvas.setLineWidth(theme.axisLineWidth * 0.8)
        canvas.stroke()

        let ticks = ticks(length: plot.height, theme: theme)
        let mapping = AxisMapping(scale: scale, lower: lower, upper: upper, start: bar.maxY, end: bar.minY)
        canvas.newPath()
        for value in ticks.major {
            let y = mapping.position(value)
            guard y.isFinite else { continue }
            canvas.move(to: PagePoint(x: bar.maxX, y: y))
            canvas.line(to: PagePoint(x: bar.maxX + theme.tickLength, y: y))
        }
        canvas.setLineWidth(theme.tickWidth)
        canvas.stroke()
        var right = bar.maxX
        for (value, label) in zip(ticks.major, ticks.labels) {
            let y = mapping.position(value)
            guard y.isFinite else { continue }
            let x = bar.maxX + theme.tickLength + theme.tickLabelPadding
            canvas.draw(label, size: theme.tickLabelSize, color: theme.textColor, at: PagePoint(x: x, y: y),
                        horizontal: .left, vertical: .center)
            right = max(right, x + canvas.width(of: label, size: theme.tickLabelSize))
        }
        if let multiplier = ticks.multiplier {
            canvas.draw(multiplier, size: theme.tickLabelSize, color: theme.textColor,
                        at: PagePoint(x: bar.minX, y: bar.minY - 4), horizontal: .left, vertical: .bottom)
        }
        if let label {
            canvas.draw(RichText(label), size: theme.axisLabelSize, color: theme.textColor,
                        at: PagePoint(x: right + theme.axisLabelPadding, y: bar.minY + bar.height / 2),
                        horizontal: .center, vertical: .top, rotation: Double.pi / 2)
        }
    }
}
