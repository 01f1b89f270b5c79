/// A declared parameter as plain data: what an experiment prints for `--list-parameters` (as JSON) and what
/// `report help experiments/NAME` shows.
public struct ParameterDescription: Codable, Sendable, Equatable {
    public var name: String
    /// `integer`, `unsigned integer`, `number`, `true or false` or `text`.
    public var type: String
    public var defaultValue: String
    public var documentation: String

    public init(name: String, type: String, defaultValue: String, documentation: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.documentation = documentation
    }

    /// Whether `text` is a value of this type, judged from the type name alone, so `report` can check a
    /// `--set` without running the experiment; the experiment checks again with the real type.
    public func accepts(_ text: String) -> Bool {
        switch type {
        case Int.parameterTypeName: return Int(parameterText: text) != nil
        case UInt64.parameterTypeName: return UInt64(parameterText: text) != nil
        case Double.parameterTypeName: return Double(parameterText: text) != nil
        case Bool.parameterTypeName: return Bool(parameterText: text) != nil
        default: return true
        }
    }
}
