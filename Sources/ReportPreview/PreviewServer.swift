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
    private var runTask: Task<Void, any Error>?

    /// - Parameters:
    ///   - port: the port to listen on; 0 picks a free one.
    ///   - reportFile: the published `report.html`, read anew for every request.
    init(port: UInt16, state: PreviewState, reportFile: URL, experimentName: String) throws {
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
        runTask = Task { try await server.run() }
        let listening = DispatchSemaphore(value: 0)
        let box = ResultBox()
        Task {
            do {
                try await server.waitUntilListening(timeout: 10)
                if case .ip4(_, let port) = await server.listeningAddress { box.port = port }
            } catch {}
            listening.signal()
        }
        listening.wait()
        guard let port = box.port else {
            runTask?.cancel()
            throw ReportPreviewError("cannot listen on 127.0.0.1 (is the port already in use? choose another with --port)")
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

/// Carries the port out of the task that learns it.
private final class ResultBox: @unchecked Sendable {
    var port: UInt16?
}
