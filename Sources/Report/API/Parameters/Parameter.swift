/// A setting of an experiment that `report run … --set name=value` can change: typed, with a default and a
/// one-line description.
///
/// ```swift
/// @main
/// struct AdamVersusSGD: Experiment {
///     /// Epochs per optimizer: enough for Adam to settle on two moons.
///     static let epochs = Parameter("epochs", default: 200, "Training epochs for each optimizer.")
///     static let seed = Parameter("seed", default: UInt64(42), "Seed of the data and the initial weights.")
///     static let parameters: [any ParameterDeclaration] = [epochs, seed]
///
///     static func makeDocument(run: ExperimentRun) throws -> Document {
///         let history = train(epochs: run[epochs], seed: run[seed])
///         …
///     }
/// }
/// ```
///
/// `report help experiments/adam-vs-sgd` lists the declared parameters; `--set epochs=10` is checked against
/// the type before the experiment starts, and `--set seed=0...9` runs one variant per value (a sweep).
public struct Parameter<Value: ParameterValue>: ParameterDeclaration {
    public let name: String
    public let defaultValue: Value
    public let documentation: String

    /// Declares a parameter.
    /// - Parameters:
    ///   - name: what `--set` calls it; letters, digits and `-`/`_`, e.g. `learningRate`.
    ///   - defaultValue: the value when `--set` does not name it.
    ///   - documentation: one line for `report help`.
    public init(_ name: String, default defaultValue: Value, _ documentation: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.documentation = documentation
    }

    public var typeName: String { Value.parameterTypeName }
    public var defaultText: String { defaultValue.parameterText }

    public func accepts(_ text: String) -> Bool { Value(parameterText: text) != nil }

    /// The value `settings` give this parameter, or its default.
    func value(in settings: [ParameterSetting]) -> Value {
        guard let setting = settings.last(where: { $0.name == name }),
              let value = Value(parameterText: setting.value) else { return defaultValue }
        return value
    }
}

/// What `report` needs to know about a parameter whatever its type: for listing and for checking `--set`.
public protocol ParameterDeclaration: Sendable {
    var name: String { get }
    /// The type as `report help` shows it, e.g. `integer` or `number`.
    var typeName: String { get }
    var defaultText: String { get }
    var documentation: String { get }
    /// Whether `text` is a value of the parameter's type.
    func accepts(_ text: String) -> Bool
}

extension ParameterDeclaration {
    /// The plain description that travels from the experiment to `report` (`--list-parameters`).
    public var description: ParameterDescription {
        ParameterDescription(name: name, type: typeName, defaultValue: defaultText, documentation: documentation)
    }
}
