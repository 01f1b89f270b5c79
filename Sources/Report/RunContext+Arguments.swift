import Foundation

/// The command-line contract between `report run` and a compiled experiment.
///
/// `report run` turns a `RunContext` into options for the experiment executable; the executable's
/// `Experiment.main()` reads them back. Both sides use this one file so the two can never disagree.
extension RunContext {
    /// The options that carry this context, e.g. `["--experiment-name", "adam-vs-sgd", …]`.
    public var commandLineArguments: [String] {
        var arguments = [
            "--experiment-name", experimentName,
            "--tool-version", toolVersion,
            "--swift-version", swiftVersion,
            "--machine", machine,
        ]
        if let sourceDirectory { arguments += ["--source-directory", sourceDirectory.path] }
        if let gitCommit { arguments += ["--git-commit", gitCommit] }
        if gitTreeIsDirty { arguments.append("--git-dirty") }
        if includeTimings { arguments.append("--timings") }
        for setting in parameters {
            arguments += ["--set", setting.text]
        }
        for variant in sweepVariants {
            arguments += ["--sweep-variant", variant]
        }
        if isStrict { arguments.append("--strict") }
        for timing in stageTimings {
            arguments += ["--stage-timing", "\(timing.name)=\(timing.seconds)"]
        }
        arguments += cacheArguments
        return arguments
    }

    /// Reads a context and the output directory from `arguments` (without the program name).
    /// - Throws: `RunContext.ArgumentError` naming the option that is unknown or lacks its value.
    public static func parse(_ arguments: [String]) throws -> (context: RunContext, outputDirectory: URL) {
        var context = RunContext(experimentName: "")
        var outputDirectory: URL?
        var index = 0
        func value(for option: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw ArgumentError(message: "option \(option) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let option = arguments[index]
            switch option {
            case "--output": outputDirectory = URL(fileURLWithPath: try value(for: option), isDirectory: true)
            case "--experiment-name": context.experimentName = try value(for: option)
            case "--tool-version": context.toolVersion = try value(for: option)
            case "--swift-version": context.swiftVersion = try value(for: option)
            case "--machine": context.machine = try value(for: option)
            case "--source-directory": context.sourceDirectory = URL(fileURLWithPath: try value(for: option), isDirectory: true)
            case "--git-commit": context.gitCommit = try value(for: option)
            case "--git-dirty": context.gitTreeIsDirty = true
            case "--timings": context.includeTimings = true
            case "--set":
                let text = try value(for: option)
                guard let setting = try? ParameterSetting(parsing: text) else {
                    throw ArgumentError(message: "--set needs name=value, got \(text)")
                }
                context.parameters.removeAll { $0.name == setting.name }
                context.parameters.append(setting)
                context.parameters.sort()
            case "--sweep-variant": context.sweepVariants.append(try value(for: option))
            case "--strict": context.isStrict = true
            case "--stage-timing":
                let text = try value(for: option)
                guard let separator = text.lastIndex(of: "="), let seconds = Double(text[text.index(after: separator)...]) else {
                    throw ArgumentError(message: "--stage-timing needs name=seconds, got \(text)")
                }
                context.stageTimings.append(StageTiming(name: String(text[..<separator]), seconds: seconds))
            case _ where Self.cacheOptions.contains(option):
                try context.parseCacheOption(option, value: Self.cacheFlags.contains(option) ? nil : try value(for: option))
            default: throw ArgumentError(message: "unknown option \(option)")
            }
            index += 1
        }
        guard let outputDirectory else {
            throw ArgumentError(message: "missing --output <directory>; experiments are normally started by `report run`")
        }
        if context.experimentName.isEmpty {
            context.experimentName = outputDirectory.lastPathComponent
        }
        return (context, outputDirectory)
    }

    /// A command-line option the experiment executable could not understand.
    public struct ArgumentError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
