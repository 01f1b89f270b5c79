import ArgumentParser

@main
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Train, plot, report.")
}
