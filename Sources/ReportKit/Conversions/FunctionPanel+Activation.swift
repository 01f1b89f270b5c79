extension FunctionPanel {
    /// An activation function of the engine and its derivative, exactly as training computes them.
    ///
    /// - Parameters:
    ///   - activation: The activation.
    ///   - name: Title of the function's panel.
    ///   - derivativeName: Title of the derivative's panel (default: `name` followed by a prime).
    public init(_ activation: Activation, name: String, derivativeName: String? = nil) {
        self.init(name: name, derivativeName: derivativeName, function: { activation.value(at: $0) },
                  derivative: { activation.derivative(at: $0) })
    }
}
