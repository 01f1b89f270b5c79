import Foundation

/// A function of one variable and its derivative, for activation-function figures.
public struct FunctionPanel {
    /// Title of the function's panel, e.g. "sigmoid σ(x)".
    public var name: String
    /// Title of the derivative's panel; nil gives `name` + "′".
    public var derivativeName: String?
    public var function: (Double) -> Double
    public var derivative: (Double) -> Double

    /// - Parameters:
    ///   - name: Title of the function's panel.
    ///   - derivativeName: Title of the derivative's panel (default: `name` followed by a prime).
    ///   - function: f(x).
    ///   - derivative: f′(x).
    public init(name: String, derivativeName: String? = nil, function: @escaping (Double) -> Double,
                derivative: @escaping (Double) -> Double) {
        self.name = name
        self.derivativeName = derivativeName
        self.function = function
        self.derivative = derivative
    }

    /// σ(x) = 1/(1 + e^(−x)), σ′(x) = σ(x)(1 − σ(x)).
    public static let sigmoid = FunctionPanel(
        name: "sigmoid $σ(x)$", derivativeName: "$σ′(x) = σ(x)(1 − σ(x))$",
        function: { 1 / (1 + exp(-$0)) },
        derivative: { let s = 1 / (1 + exp(-$0)); return s * (1 - s) })

    /// tanh(x), tanh′(x) = 1 − tanh²(x).
    public static let tanh = FunctionPanel(
        name: "$tanh(x)$", derivativeName: "$tanh′(x) = 1 − tanh²(x)$",
        function: { Foundation.tanh($0) },
        derivative: { let t = Foundation.tanh($0); return 1 - t * t })

    /// ReLU(x) = max(0, x), ReLU′(x) = 1 for x > 0 and 0 otherwise (the value 0 at x = 0 is the usual choice).
    public static let relu = FunctionPanel(
        name: "$ReLU(x) = max(0, x)$", derivativeName: "$ReLU′(x)$",
        function: { max(0, $0) },
        derivative: { $0 > 0 ? 1 : 0 })
}
