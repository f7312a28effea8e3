import Foundation
import Serve
import SitegenKit
import Testing
import Loading

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `sitegen serve` end to end on a random loopback port: request, edit, see the change and the reload
/// event; a broken file shows its error over the last good page; fixing it recovers.
@Suite("Preview server", .serialized)
struct ServeTests {
    final class Port: @unchecked Sendable {
        private var value: Int?
        private let lock = NSLock()
        func set(_ port: Int) { lock.withLock { value = port } }
        var current: Int? { lock.withLock { value } }
    }

    func get(_ url: URL, headers: [String: String] = [:]) async throws -> (Int, String, String) {
        var request = URLRequest(url: url, timeoutInterval: 30)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Content-Type") ?? "", String(decoding: data, as: UTF8.self))
    }

    func waitFor(_ description: String, _ condition: () async throws -> Bool) async throws {
        for _ in 0..<300 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for \(description)")
    }

    @Test func servesRebuildsAndReloads() async throws {
        let site = try TemporarySite(articles: ["a.md": article(title: "First title", extra: "slug: a\n")])
        defer { site.delete() }
        try site.write("Content/static/.well-known/security.txt", "Contact: mailto:desk@example.org\n")
        let port = Port()
        let server = PreviewServer(options: BuildOptions(layout: SiteLayout(root: site.root)), port: 0, onListening: { port.set($0) })
        let running = Task { try await server.run(handleSignals: false) }
        defer { running.cancel() }
        try await waitFor("the server to listen") { port.current ?? 0 > 0 }
        let base = try #require(URL(string: "http://127.0.0.1:\(port.current ?? 0)/"))

        let (status, type, page) = try await get(base.appendingPathComponent("articles/a/"))
        #expect(status == 200 && type.hasPrefix("text/html"))
        #expect(page.contains("<h1>First title</h1>") && page.contains("EventSource(\"/__sitegen/events?since=1\")"))
        #expect(try await get(base.appendingPathComponent("assets/style.css")).1.hasPrefix("text/css"))
        let missing = try await get(base.appendingPathComponent("no/such/page/"))
        #expect(missing.0 == 404 && missing.2.contains("Page not found"))
        #expect(try await get(base.appendingPathComponent("../../etc/passwd")).0 == 404)
        // Static files under a dot folder are served, and HEAD answers like GET without a body.
        #expect(try await get(base.appendingPathComponent(".well-known/security.txt")).2 == "Contact: mailto:desk@example.org\n")
        var head = URLRequest(url: base.appendingPathComponent("articles/a/"))
        head.httpMethod = "HEAD"
        let (headData, headResponse) = try await URLSession.shared.data(for: head)
        #expect((headResponse as? HTTPURLResponse)?.statusCode == 200 && headData.isEmpty)

        // Edit: the reload event arrives and the page changes.
        async let event = get(base.appendingPathComponent("__sitegen/events"), headers: ["Last-Event-ID": "1"])
        try await Task.sleep(for: .milliseconds(300))
        try site.write("Content/articles/a.md", article(title: "Second title", extra: "slug: a\n"))
        let (_, eventType, eventText) = try await event
        #expect(eventType.hasPrefix("text/event-stream") && eventText.contains("event: reload") && eventText.contains("id: 2"))
        #expect(try await get(base.appendingPathComponent("articles/a/")).2.contains("<h1>Second title</h1>"))

        // Break the front matter: the last good page is served with the error over it.
        try site.write("Content/articles/a.md", "---\ntitle: Third\ndate: 2025-07-22\nslug: a\ntitel: typo\n---\nBody\n")
        try await waitFor("the failed build") { try await get(base.appendingPathComponent("articles/a/")).2.contains("sitegen-errors") }
        let broken = try await get(base.appendingPathComponent("articles/a/")).2
        #expect(broken.contains("<h1>Second title</h1>") && broken.contains("unknown field &quot;titel&quot;"))

        // Fix it: the site recovers without a restart.
        try site.write("Content/articles/a.md", article(title: "Fourth title", extra: "slug: a\n"))
        try await waitFor("the recovery") { try await get(base.appendingPathComponent("articles/a/")).2.contains("<h1>Fourth title</h1>") }
        #expect(!(try await get(base.appendingPathComponent("articles/a/")).2.contains("sitegen-errors")))
    }
}
