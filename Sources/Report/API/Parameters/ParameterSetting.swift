/// One `--set name=value` as it travels from `report` to the experiment: a name and the value's text.
public struct ParameterSetting: Codable, Sendable, Equatable, Hashable, Comparable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Reads `name=value`.
    /// - Throws: ``ReportError`` when there is no `=` or no name.
    public init(parsing text: String) throws {
        guard let separator = text.firstIndex(of: "="), separator != text.startIndex else {
            throw ReportError("--set needs name=value, got '\(text)'")
        }
        self.init(name: String(text[..<separator]), value: String(text[text.index(after: separator)...]))
    }

    /// `name=value`.
    public var text: String { "\(name)=\(value)" }

    public static func < (left: ParameterSetting, right: ParameterSetting) -> Bool {
        (left.name, left.value) < (right.name, right.value)
    }
}
