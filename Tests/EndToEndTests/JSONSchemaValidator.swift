import Foundation

/// Checks a JSON value against the part of JSON Schema that `docs/summary.schema.json` uses: `type`, `enum`,
/// `required`, `properties`, `additionalProperties: false`, `items`, `minimum`, `pattern` and local `$ref`s.
/// Written for the tests, independently of the code that writes the summary; any keyword it does not know
/// fails the check, so the schema cannot silently say more than is checked.
struct JSONSchemaValidator {
    let root: [String: Any]

    init(schemaFile: URL) throws {
        root = try JSONSerialization.jsonObject(with: Data(contentsOf: schemaFile)) as! [String: Any]
    }

    /// The violations, as `path: problem` lines; empty when the value conforms.
    func violations(of value: Any) -> [String] {
        var problems: [String] = []
        check(value, against: root, at: "$", problems: &problems)
        return problems
    }

    private static let known: Set<String> = ["$schema", "$id", "title", "description", "type", "enum", "required",
                                              "properties", "additionalProperties", "items", "minimum", "pattern",
                                              "$ref", "$defs"]

    private func check(_ value: Any, against schema: [String: Any], at path: String, problems: inout [String]) {
        for key in schema.keys where !Self.known.contains(key) {
            problems.append("\(path): schema keyword '\(key)' is not checked by this validator")
        }
        if let reference = schema["$ref"] as? String {
            let name = String(reference.dropFirst("#/$defs/".count))
            guard let definitions = root["$defs"] as? [String: Any], let target = definitions[name] as? [String: Any] else {
                problems.append("\(path): unresolved \(reference)")
                return
            }
            check(value, against: target, at: path, problems: &problems)
            return
        }
        if let type = schema["type"] as? String, !Self.value(value, hasType: type) {
            problems.append("\(path): expected \(type), got \(Swift.type(of: value))")
            return
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): \(value) is not one of \(options)")
        }
        if let minimum = schema["minimum"] as? Double, let number = value as? NSNumber, number.doubleValue < minimum {
            problems.append("\(path): \(number) is below \(minimum)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                problems.append("\(path): missing required '\(name)'")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (name, child) in object {
                if let childSchema = properties[name] as? [String: Any] {
                    check(child, against: childSchema, at: "\(path).\(name)", problems: &problems)
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): '\(name)' is not in the schema")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() {
                check(element, against: items, at: "\(path)[\(index)]", problems: &problems)
            }
        }
    }

    private static func value(_ value: Any, hasType type: String) -> Bool {
        // JSONSerialization gives true/false as NSNumbers of Objective-C type "c" (char), numbers as "i", "q", "d".
        let isBoolean = (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBoolean
        case "integer":
            guard let number = value as? NSNumber, !isBoolean else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        case "number": return value is NSNumber && !isBoolean
        default: return false
        }
    }
}
