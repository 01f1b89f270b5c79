import FlyingFox
import Foundation

/// The HTTP side of `report preview`: FlyingFox on 127.0.0.1, serving the current report with the reload script,
/// and the long-poll status endpoint that script waits on.
///
/// Routes: `GET /` (and `/report.html`) — the page; `GET /__preview/status?after=N` — the state as JSON, answered
/// as soon as its version differs from N, or after ``longPollSeconds`` seconds. Only loopback is bound: a preview
/// is for the person at this machine, and nothing it serves is meant for a network.
final class PreviewServer: @unchecked Sendable {
    /// How long one status request waits for a change; short of FlyingFox's connection timeout.
    static let longPollSeconds = 10.0

    private let server: HTTPServer
    private var runTask: Task<Void, Never>?
    /// ":8000" when a port was asked for, "" when any free one would do.
    private let portDescription: String

    /// - Parameters:
    ///   - port: the port to listen on; 0 picks a free one.
    ///   - reportFile: the published `report.html`, read anew for every request.
    init(port: UInt16, state: PreviewState, reportFile: URL, experimentName: String) throws {
        portDescription = port == 0 ? "" : ":\(port)"
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        server = HTTPServer(address: address, timeout: Self.longPollSeconds * 3, logger: .disabled)
        let routes: [(HTTPRoute, @Sendable (HTTPRequest) async throws -> HTTPResponse)] = [
            ("GET /", { _ in Self.pageResponse(state: state, reportFile: reportFile, experimentName: experimentName) }),
            ("GET /report.html", { _ in Self.pageResponse(state: state, reportFile: reportFile, experimentName: experimentName) }),
            (HTTPRoute("GET \(PreviewPage.statusPath)"), { request in
                let after = request.query["after"].flatMap(Int.init) ?? -1
                let snapshot = await state.waitForChange(after: after, timeout: Self.longPollSeconds)
                return HTTPResponse(statusCode: .ok,
                                    headers: [.contentType: "application/json", .cacheControl: "no-store"],
                                    body: PreviewPage.statusJSON(snapshot))
            }),
        ]
        let configured = DispatchSemaphore(value: 0)
        let server = server
        Task {
            for (route, handler) in routes { await server.appendRoute(route, handler: handler) }
            configured.signal()
        }
        configured.wait()
    }

    /// Starts listening and returns the port, or throws when the port cannot be had.
    func start() throws -> UInt16 {
        let server = server
        let box = StartBox()
        runTask = Task {
            do { try await server.run() } catch { box.failed = true }
        }
        let decided = DispatchSemaphore(value: 0)
        Task {
            // Until the socket listens or `run()` gave up (a port in use fails at once), for at most 10 s.
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, !box.failed {
                if case .ip4(_, let port) = await server.listeningAddress {
                    box.port = port
                    break
                }
                try? await Task.sleep(nanoseconds: 20_000_000)
            }
            decided.signal()
        }
        decided.wait()
        guard let port = box.port else {
            runTask?.cancel()
            throw ReportPreviewError("cannot listen on 127.0.0.1\(portDescription) (is it in use? choose another with --port)")
        }
        return port
    }

    /// Closes the listening socket and every connection.
    func stop() {
        let server = server
        let stopped = DispatchSemaphore(value: 0)
        Task {
            await server.stop(timeout: 1)
            stopped.signal()
        }
        stopped.wait()
        runTask?.cancel()
    }

    private static func pageResponse(state: PreviewState, reportFile: URL, experimentName: String) -> HTTPResponse {
        let report = try? String(contentsOf: reportFile, encoding: .utf8)
        let page = PreviewPage.page(reportHTML: report, experimentName: experimentName, snapshot: state.snapshot)
        return HTTPResponse(statusCode: .ok,
                            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: Data(page.utf8))
    }
}

/// What the start-up tasks learn: the port, or that the server gave up.
private final class StartBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storedPort: UInt16?
    private var storedFailed = false
    var port: UInt16? {
        get { lock.lock(); defer { lock.unlock() }; return storedPort }
        set { lock.lock(); storedPort = newValue; lock.unlock() }
    }
    var failed: Bool {
        get { lock.lock(); defer { lock.unlock() }; return storedFailed }
        set { lock.lock(); storedFailed = newValue; lock.unlock() }
    }
}
