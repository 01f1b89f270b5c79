import Foundation
import Report

/// The `--set` options of one `report run`, checked against the experiment's declared parameters and expanded
/// into the variants to run.
///
/// `--set epochs=10` fixes a value. `--set seed=0...9` (an integer range, both ends included) or
/// `--set learningRate=0.01,0.1,0.5` (a list) sweeps: one variant per value, and per combination when several
/// options sweep, the first option varying slowest.
public struct ParameterSweep: Equatable {
    /// One `--set` option: a name and the values it takes (one for a fixed value).
    public struct Assignment: Equatable {
        public let name: String
        public let values: [String]
    }

    public let assignments: [Assignment]

    /// Reads `name=value`, `name=a...b` and `name=a,b,c` options.
    /// - Throws: ``ReportFailure`` for a malformed option or a name given twice.
    public init(options: [String]) throws {
        var assignments: [Assignment] = []
        for option in options {
            guard let setting = try? ParameterSetting(parsing: option) else {
                throw ReportFailure("--set needs name=value (or name=first...last, or name=a,b,c), got '\(option)'")
            }
            guard !assignments.contains(where: { $0.name == setting.name }) else {
                throw ReportFailure("--set \(setting.name) is given twice")
            }
            assignments.append(Assignment(name: setting.name, values: try Self.values(of: setting)))
        }
        self.assignments = assignments
    }

    private init(assignments: [Assignment]) {
        self.assignments = assignments
    }

    /// Only the options whose parameter is in `names`.
    public func restricted(to names: Set<String>) -> ParameterSweep {
        ParameterSweep(assignments: assignments.filter { names.contains($0.name) })
    }

    /// Whether any option takes more than one value.
    public var isSweep: Bool { assignments.contains { $0.values.count > 1 } }

    /// Every combination of values, each sorted by parameter name (the order `RunContext` keeps).
    public var variants: [[ParameterSetting]] {
        assignments.reduce([[]]) { partial, assignment in
            partial.flatMap { prefix in assignment.values.map { prefix + [ParameterSetting(name: assignment.name, value: $0)] } }
        }.map { $0.sorted() }
    }

    /// The sub-folder of a sweep's report that holds a variant: `seed=3`, or `learningRate=0.1,seed=3`, with
    /// only the swept parameters named.
    public func folderName(of variant: [ParameterSetting]) -> String {
        let swept = Set(assignments.filter { $0.values.count > 1 }.map(\.name))
        return variant.filter { swept.contains($0.name) }
            .map { "\($0.name)=\($0.value.replacingOccurrences(of: "/", with: "∕"))" }
            .joined(separator: ",")
    }

    /// Checks every name and value against the declared parameters.
    /// - Throws: ``ReportFailure`` naming the unknown parameter or the ill-typed value, and listing the
    ///   parameters with their types and defaults.
    public func check(against parameters: [ParameterDescription], experiment: String) throws {
        for assignment in assignments {
            guard let declared = parameters.first(where: { $0.name == assignment.name }) else {
                throw ReportFailure("experiment '\(experiment)' has no parameter '\(assignment.name)'. "
                                    + Self.listing(parameters))
            }
            if let bad = assignment.values.first(where: { !declared.accepts($0) }) {
                throw ReportFailure("parameter '\(assignment.name)' of '\(experiment)' is \(Self.article(declared.type)) "
                                    + "\(declared.type), and '\(bad)' is not one. " + Self.listing(parameters))
            }
        }
    }

    /// "Its parameters: …" with one line per parameter, or a sentence saying there are none.
    public static func listing(_ parameters: [ParameterDescription]) -> String {
        guard !parameters.isEmpty else { return "It declares no parameters." }
        return "Its parameters:\n" + table(parameters)
    }

    /// What `report help <experiment-folder>` prints: the experiment's description and its parameters.
    public static func helpText(experiment: ExperimentEntry, parameters: [ParameterDescription]) -> String {
        var lines = ["\(experiment.name): \(experiment.summary)", ""]
        if parameters.isEmpty {
            lines.append("It declares no parameters.")
        } else {
            lines.append("PARAMETERS (--set name=value; a sweep: --set name=first...last or --set name=a,b,c):")
            lines.append(table(parameters))
        }
        return lines.joined(separator: "\n")
    }

    /// One line per parameter: name, type and default, and its documentation.
    public static func table(_ parameters: [ParameterDescription]) -> String {
        let nameWidth = parameters.map(\.name.count).max() ?? 0
        let kinds = parameters.map { "\($0.type), default \($0.defaultValue)" }
        let kindWidth = kinds.map(\.count).max() ?? 0
        return zip(parameters, kinds).map { parameter, kind in
            "  " + parameter.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + kind.padding(toLength: kindWidth, withPad: " ", startingAt: 0) + "  " + parameter.documentation
        }.joined(separator: "\n")
    }

    private static func article(_ type: String) -> String {
        type.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    /// The values an option takes: a range of integers, a comma-separated list, or the one value.
    private static func values(of setting: ParameterSetting) throws -> [String] {
        let text = setting.value
        if let range = text.range(of: "..."), let first = Int(text[..<range.lowerBound]),
           let last = Int(text[range.upperBound...]) {
            guard first <= last else {
                throw ReportFailure("--set \(setting.name)=\(text): the range must run upwards")
            }
            guard last - first < 1000 else {
                throw ReportFailure("--set \(setting.name)=\(text) would run \(last - first + 1) variants; at most 1000")
            }
            return (first...last).map(String.init)
        }
        if text.contains(",") {
            let values = text.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard !values.contains(where: \.isEmpty) else {
                throw ReportFailure("--set \(setting.name)=\(text) has an empty value in its list")
            }
            return values
        }
        return [text]
    }
}
