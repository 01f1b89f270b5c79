import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `report preview`: serves the report, notices an edit, serves the new text, and stops cleanly.
final class PreviewTests: XCTestCase {
    /// A running `report preview` and what it printed.
    private final class RunningPreview {
        let process = Process()
        let errorFile: URL
        private(set) var address: URL!

        init(arguments: [String], in directory: URL) throws {
            errorFile = try TemporaryFolder.make().appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
            process.executableURL = ReportExecutable.path
            process.arguments = ["preview"] + arguments
            process.currentDirectoryURL = directory
            var environment = ProcessInfo.processInfo.environment
            environment["CI"] = "true"
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = try FileHandle(forWritingTo: errorFile)
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // The first line on standard output is the address, printed once the server listens.
            var text = ""
            while !text.contains("\n") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            address = URL(string: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }

        var standardError: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

        /// The processes below the preview: its compiles and runs, and theirs (swift-frontend, the linker).
        var descendants: [Int32] {
            var found: [Int32] = []
            var parents = [process.processIdentifier]
            while let parent = parents.popLast() {
                let tasks = "/proc/\(parent)/task"
                for task in (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? [] {
                    let list = (try? String(contentsOfFile: "\(tasks)/\(task)/children", encoding: .utf8)) ?? ""
                    let children = list.split(separator: " ").compactMap { Int32($0) }
                    found += children
                    parents += children
                }
            }
            return found
        }

        func stop(_ signalNumber: Int32 = SIGTERM) -> Int32 {
            kill(process.processIdentifier, signalNumber)
            process.waitUntilExit()
            return process.terminationStatus
        }

        deinit {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
    }

    /// GET `url`, or `nil` when nothing answers.
    private func fetch(_ url: URL) -> String? {
        final class Body: @unchecked Sendable { var text: String? }
        let done = DispatchSemaphore(value: 0)
        let body = Body()
        let task = URLSession.shared.dataTask(with: url) { data, _, _ in
            body.text = data.map { String(decoding: $0, as: UTF8.self) }
            done.signal()
        }
        task.resume()
        done.wait()
        return body.text
    }

    /// Fetches `url` until its body satisfies `condition`, for up to `seconds`.
    private func waitForPage(_ url: URL, seconds: Double, until condition: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let page = fetch(url), condition(page) { return page }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return nil
    }

    /// Copies the fixture into a folder of its own, so edits here do not disturb the other tests.
    private func freshExperiment() throws -> (root: URL, output: URL) {
        let root = try TemporaryFolder.make()
        try TemporaryFolder.write([
            "experiments/trainer/Trainer.swift": ProgressFixture.source,
            "experiments/trainer/notes.md": "The prose lives in a Markdown file: first version.\n",
        ], under: root)
        return (root, root.appendingPathComponent("output"))
    }

    func testServesTheReportAndServesTheNewTextAfterAProseEdit() throws {
        let (root, output) = try freshExperiment()
        let preview = try RunningPreview(arguments: ["experiments/trainer", "--output", output.path, "--port", "0"], in: root)
        let address = try XCTUnwrap(preview.address, preview.standardError)
        XCTAssertEqual(address.host, "127.0.0.1")
        XCTAssertNotEqual(address.port, 0, "a free port was chosen")

        let first = try XCTUnwrap(waitForPage(address, seconds: 240) { $0.contains("first version") }, preview.standardError)
        XCTAssertTrue(first.contains("<script>"), "the served page reloads itself")
        XCTAssertTrue(first.contains("/__preview/status"))
        let written = try String(contentsOf: output.appendingPathComponent("trainer/report.html"), encoding: .utf8)
        XCTAssertNil(written.range(of: "<script", options: .caseInsensitive), "report.html on disk has no script")

        let status = try XCTUnwrap(fetch(URL(string: "__preview/status?after=-1", relativeTo: address)!))
        XCTAssertTrue(status.contains("\"status\":\"ready\""), status)

        try "The prose lives in a Markdown file: second version.\n"
            .write(to: root.appendingPathComponent("experiments/trainer/notes.md"), atomically: true, encoding: .utf8)
        let second = try XCTUnwrap(waitForPage(address, seconds: 120) { $0.contains("second version") }, preview.standardError)
        XCTAssertFalse(second.contains("first version"))
        XCTAssertTrue(preview.standardError.contains("report: changed: notes.md"), preview.standardError)
        XCTAssertTrue(preview.standardError.contains("report: compiled trainer (cached)"), "a prose edit does not recompile")

        // A broken edit keeps the previous report on the page, with the compiler's error above it.
        let source = root.appendingPathComponent("experiments/trainer/Trainer.swift")
        try (ProgressFixture.source + "\nbroken here\n").write(to: source, atomically: true, encoding: .utf8)
        // The banner, not the script that also holds its wording.
        let failed = try XCTUnwrap(waitForPage(address, seconds: 240) { $0.contains("\">The last run failed") }, preview.standardError)
        XCTAssertTrue(failed.contains("second version"), "the previous report is still shown")
        XCTAssertTrue(failed.contains("Trainer.swift:"), "the compiler's message names the file")
        XCTAssertTrue(preview.process.isRunning, "a failed run does not end the preview")

        XCTAssertEqual(preview.stop(SIGINT), 0, preview.standardError)
        XCTAssertTrue(preview.standardError.contains("report: preview stopped"), preview.standardError)
        XCTAssertNil(fetch(address), "nothing listens any more")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path), ["trainer"], "no staging folder left")
    }

    func testStoppingDuringACompileLeavesNoChildAndNoStagingFolder() throws {
        let (root, output) = try freshExperiment()
        let preview = try RunningPreview(arguments: ["experiments/trainer", "--output", output.path], in: root)
        XCTAssertNotNil(preview.address, preview.standardError)
        // The first run starts with a compile: stop the preview while a child is running.
        let deadline = Date().addingTimeInterval(60)
        var children: [Int32] = []
        while children.count < 2, Date() < deadline {
            children = preview.descendants
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTAssertGreaterThanOrEqual(children.count, 2, "swiftc and its frontend were seen: \(preview.standardError)")
        XCTAssertEqual(preview.stop(SIGTERM), 0, preview.standardError)
        // Gone, or a zombie waiting for init to reap it (which runs nothing).
        func isRunning(_ pid: Int32) -> Bool {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.range(of: ") ", options: .backwards) else { return false }
            return !stat[close.upperBound...].hasPrefix("Z")
        }
        Thread.sleep(forTimeInterval: 0.5)
        for child in children {
            XCTAssertFalse(isRunning(child), "process \(child) outlived the preview")
        }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        XCTAssertFalse(left.contains { $0.contains("staging") }, "\(left)")
    }

    func testAPortInUseIsAClearError() throws {
        let (root, output) = try freshExperiment()
        let holder = try RunningPreview(arguments: ["experiments/trainer", "--output", output.path], in: root)
        let port = try XCTUnwrap(holder.address?.port)
        let second = try ReportExecutable.run(["preview", "experiments/trainer", "--output", output.path, "--port", "\(port)"], in: root)
        XCTAssertNotEqual(second.status, 0)
        XCTAssertTrue(second.standardError.contains("cannot listen on 127.0.0.1"), second.standardError)
        _ = holder.stop()
    }
}
