import Foundation

extension Figure {
    /// How functions and derivatives are arranged.
    public enum FunctionLayout: Sendable {
        /// Functions in the top row, their derivatives in the row below (2 × n panels, x shared).
        case derivativesBelow
        /// One panel per function with f solid and f′ dashed.
        case overlaid
        /// Two panels: every function on the left, every derivative on the right, so that their sizes can be
        /// compared on one axis (σ′ peaks at ¼, tanh′ at 1); each function keeps its colour and line style in both.
        case compared
    }

    /// Functions and their derivatives, e.g. sigmoid, tanh and ReLU on [−6, 6] (the activation-function figure).
    ///
    /// ```swift
    /// let figure = Figure.functionsWithDerivatives([.sigmoid, .tanh, .relu])
    /// ```
    ///
    /// - Parameters:
    ///   - functions: One entry per column.
    ///   - xRange: The x interval.
    ///   - samples: Points per curve.
    ///   - layout: Derivatives below (2 rows) or overlaid (1 row).
    ///   - title: Figure title.
    ///   - width: Page width in logical units.
    ///   - height: Page height in logical units.
    ///   - theme: The visual style.
    public static func functionsWithDerivatives(
        _ functions: [FunctionPanel], xRange: ClosedRange<Double> = -6...6, samples: Int = 1000,
        layout: FunctionLayout = .derivativesBelow, title: String? = nil, width: Double = 800, height: Double = 500,
        theme: Theme = Theme()
    ) -> Figure {
        if layout == .compared {
            return comparedFunctions(functions, xRange: xRange, samples: samples, title: title, width: width,
                                     height: height, theme: theme)
        }
        let columns = max(functions.count, 1)
        let rows = layout == .derivativesBelow ? 2 : 1
        let figure = Figure(width: width, height: height, rows: rows, columns: columns,
                            sharedX: layout == .derivativesBelow, theme: theme)
        figure.title = title
        let x = ScalarGrid.linspace(xRange, count: max(samples, 2))
        for (column, panel) in functions.enumerated() {
            let values = x.map(panel.function)
            let derivatives = x.map(panel.derivative)
            let derivativeName = panel.derivativeName ?? panel.name + "′"
            let top = figure[0, column]
            top.plot(x, values, label: layout == .overlaid ? panel.name : nil, color: theme.cycleColor(0))
            top.title = layout == .overlaid ? nil : panel.name
            let bottom = layout == .derivativesBelow ? figure[1, column] : top
            bottom.plot(x, derivatives, label: layout == .overlaid ? derivativeName : nil, color: theme.cycleColor(1),
                        style: layout == .overlaid ? .dashed : .solid)
            if layout == .derivativesBelow {
                bottom.title = derivativeName
            } else {
                top.legend(location: .best)
            }
            for axes in top === bottom ? [top] : [top, bottom] {
                axes.horizontalLine(at: 0, color: Color(gray: 0.1), lineWidth: 0.7)
                axes.verticalLine(at: 0, color: Color(gray: 0.1), lineWidth: 0.7)
            }
        }
        return figure
    }

    /// The ``FunctionLayout/compared`` layout: functions in the left panel, derivatives in the right one.
    private static func comparedFunctions(_ functions: [FunctionPanel], xRange: ClosedRange<Double>, samples: Int,
                                          title: String?, width: Double, height: Double, theme: Theme) -> Figure {
        let figure = Figure(width: width, height: height, columns: 2, sharedX: true, theme: theme)
        figure.title = title
        let x = ScalarGrid.linspace(xRange, count: max(samples, 2))
        let styles = LineStyle.distinguishableCycle
        let (left, right) = (figure[0, 0], figure[0, 1])
        for (index, panel) in functions.enumerated() {
            let style = styles[index % styles.count]
            left.plot(x, x.map(panel.function), label: panel.name, color: theme.cycleColor(index), style: style)
            right.plot(x, x.map(panel.derivative), label: panel.derivativeName ?? panel.name + "′",
                       color: theme.cycleColor(index), style: style)
        }
        for axes in [left, right] {
            axes.horizontalLine(at: 0, color: Color(gray: 0.1), lineWidth: 0.7)
            axes.verticalLine(at: 0, color: Color(gray: 0.1), lineWidth: 0.7)
            axes.xLabel = "$x$"
            axes.legend(location: .best)
        }
        return figure
    }

    /// The logistic family σ(wx + b) for several (w, b): w sets the steepness (slope w/4 at the centre), b
    /// shifts the centre to x = −b/w. Curves differ in line style as well as colour, so they stay apart in grey.
    ///
    /// ```swift
    /// let figure = Figure.sigmoidFamily([(1, 0), (5, 0), (1, 2), (5, -5)])
    /// ```
    ///
    /// - Parameters:
    ///   - parameters: (w, b) pairs, one curve each.
    ///   - xRange: The x interval.
    ///   - title: Panel title.
    ///   - lineStyles: Styles given to the curves in turn (repeated when there are more curves).
    ///   - width: Page width.
    ///   - height: Page height.
    ///   - theme: The visual style.
    public static func sigmoidFamily(_ parameters: [(weight: Double, bias: Double)], xRange: ClosedRange<Double> = -6...6,
                                     title: String? = "$σ(wx + b)$",
                                     lineStyles: [LineStyle] = LineStyle.distinguishableCycle,
                                     width: Double = 800, height: Double = 500,
                                     theme: Theme = Theme()) -> Figure {
        let figure = Figure(width: width, height: height, theme: theme)
        let axes = figure.axes
        let x = ScalarGrid.linspace(xRange, count: 600)
        for (index, (weight, bias)) in parameters.enumerated() {
            let y = x.map { 1 / (1 + exp(-(weight * $0 + bias))) }
            axes.plot(x, y, label: "$w = \(TickFormatter.format(weight, decimals: TickFormatter.sharedDecimals([weight]))), "
                        + "b = \(TickFormatter.format(bias, decimals: TickFormatter.sharedDecimals([bias])))$",
                      style: lineStyles.isEmpty ? .solid : lineStyles[index % lineStyles.count])
        }
        axes.horizontalLine(at: 0.5, color: Color(gray: 0.45), lineWidth: 0.8, style: .dashed)
        axes.verticalLine(at: 0, color: Color(gray: 0.1), lineWidth: 0.7)
        axes.title = title
        axes.xLabel = "$x$"
        axes.yLabel = "$σ(wx + b)$"
        axes.legend()
        return figure
    }
}

