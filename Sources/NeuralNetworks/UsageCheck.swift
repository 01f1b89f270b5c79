import Foundation

/// Checks a condition the caller must meet and, when it fails, stops the program with the message *in every
/// build*: `precondition`'s message is stripped by `-O`, so a user of an optimised build saw only
/// "precondition failure" and a register dump for mistakes the library could have named
/// ("layer 2 takes 5 inputs but layer 1 gives 4").
///
/// The message goes to standard error as `error: …`; then the program traps in place (an inline trap, not
/// `fatalError`, whose frames the runtime's backtracer cannot unwind in optimised code), so a backtrace, such
/// as the one `report run` prints, continues into the caller's code and names its file and line.
///
/// - Parameters:
///   - condition: What must hold.
///   - message: What went wrong, in terms of the caller's values; built only when the check fails.
@inline(__always)
func requirement(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { usageFailure(message()) }
}

/// Prints `message` and traps; see ``requirement(_:_:)``.
@inline(never)
func usageFailure(_ message: String) -> Never {
    // A program that started this one (`report run`) may ask for the message in a file, to print it first
    // with the caller's file:line from the backtrace; otherwise it goes to standard error.
    let file = ProcessInfo.processInfo.environment["REPORT_USAGE_FAILURE_FILE"]
    let written = file.map { FileManager.default.createFile(atPath: $0, contents: Data(message.utf8)) } ?? false
    if !written { FileHandle.standardError.write(Data("error: \(message)\n".utf8)) }
    preconditionFailure(message)
}
