/// A type an experiment parameter can have: it reads itself from the text after `--set name=` and writes
/// itself back the same way, so a value survives the trip through the command line unchanged.
public protocol ParameterValue: Sendable, Equatable {
    /// The value `text` spells, or `nil` when it is not one (`"ten"` for an `Int`).
    init?(parameterText text: String)
    /// The text that reads back as this value.
    var parameterText: String { get }
    /// The name `report help` shows, e.g. `integer`.
    static var parameterTypeName: String { get }
}

extension Int: ParameterValue {
    public init?(parameterText text: String) { self.init(text) }
    public var parameterText: String { String(self) }
    public static var parameterTypeName: String { "integer" }
}

extension UInt64: ParameterValue {
    public init?(parameterText text: String) { self.init(text) }
    public var parameterText: String { String(self) }
    public static var parameterTypeName: String { "unsigned integer" }
}

extension Double: ParameterValue {
    /// Finite decimals only: a learning rate of `nan` is a typing mistake, not a setting.
    public init?(parameterText text: String) {
        guard let value = Double(text), value.isFinite else { return nil }
        self = value
    }
    /// Swift's shortest round-trip spelling, so `0.1` stays `0.1`.
    public var parameterText: String { "\(self)" }
    public static var parameterTypeName: String { "number" }
}

extension Float: ParameterValue {
    public init?(parameterText text: String) {
        guard let value = Float(text), value.isFinite else { return nil }
        self = value
    }
    public var parameterText: String { "\(self)" }
    public static var parameterTypeName: String { "number" }
}

extension Bool: ParameterValue {
    public init?(parameterText text: String) {
        switch text.lowercased() {
        case "true", "yes", "1": self = true
        case "false", "no", "0": self = false
        default: return nil
        }
    }
    public var parameterText: String { self ? "true" : "false" }
    public static var parameterTypeName: String { "true or false" }
}

extension String: ParameterValue {
    public init?(parameterText text: String) { self = text }
    public var parameterText: String { self }
    public static var parameterTypeName: String { "text" }
}
