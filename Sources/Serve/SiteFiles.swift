import Diagnostics
import Foundation
import Hummingbird
import Markup

/// Answers requests from Output: pretty URLs, the site's 404 page, content types, and — for HTML
/// only — the reload script and, after a failed build, the errors above the last good page.
struct SiteFiles: Sendable {
    let output: URL
    let state: PreviewState

    /// The file for a URL path, or the site's 404 page with status 404.
    func response(for urlPath: String) async -> Response {
        let version = await state.version
        let failure = await state.failure
        guard let file = resolve(urlPath) else {
            let notFound = output.appendingPathComponent("404.html")
            let body = FileManager.default.contents(atPath: notFound.path) ?? Data("<!DOCTYPE html><title>Not found</title><p>Not found</p>".utf8)
            return html(body, status: .notFound, version: version, failure: failure)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return html(Data(), status: .notFound, version: version, failure: failure)
        }
        let type = Self.contentType(of: file.pathExtension)
        if type.hasPrefix("text/html") { return html(data, status: .ok, version: version, failure: failure) }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A HEAD request: the GET response's status and headers, without its body.
    func headResponse(for urlPath: String) async -> Response {
        var response = await response(for: urlPath)
        let length = response.body.contentLength
        response.body = ResponseBody()
        if let length { response.headers[.contentLength] = String(length) }
        return response
    }

    /// Server-sent events: one `reload` event as soon as the site is past the version the page
    /// was served at (`?since=N`, or `Last-Event-ID` when the browser reconnects), then the stream ends
    /// and the browser reconnects. A quiet 25 seconds ends it with a comment only.
    func events(_ request: Request) async -> Response {
        let current = await state.version
        let fromHeader: Int? = request.headers.first { $0.name.canonicalName == "last-event-id" }.flatMap { Int($0.value) }
        let fromQuery: Int? = request.uri.queryParameters.get("since").flatMap { Int(String($0)) }
        let since = fromHeader ?? fromQuery ?? current
        let version = await state.waitForChange(after: since)
        let text = version > since ? "retry: 300\nid: \(version)\nevent: reload\ndata: \(version)\n\n" : "retry: 300\n: waiting\n\n"
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The file under Output for a URL path; never outside Output.
    func resolve(_ urlPath: String) -> URL? {
        let decoded = urlPath.removingPercentEncoding ?? urlPath
        let segments = decoded.split(separator: "/").map(String.init)
        // Names that start with a dot are served (`.well-known/` comes from Content/static/); `.` and `..` never.
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) else { return nil }
        var url = output
        for segment in segments { url.appendPathComponent(segment) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue {
            url.appendPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        }
        // Symlinks must not lead out of Output.
        let real = url.resolvingSymlinksInPath().path
        let root = output.resolvingSymlinksInPath().path
        return real.hasPrefix(root + "/") ? url : nil
    }

    private func html(_ data: Data, status: HTTPResponse.Status, version: Int, failure: [Diagnostic]?) -> Response {
        var page = String(decoding: data, as: UTF8.self)
        var addition = Self.reloadScript(version: version)
        if let failure { addition = Self.errorPanel(failure) + addition }
        if let bodyEnd = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: addition, at: bodyEnd.lowerBound)
        } else {
            page += addition
        }
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    static func reloadScript(version: Int) -> String {
        "<script>(function(){var s=new EventSource(\"/__sitegen/events?since=\(version)\");s.addEventListener(\"reload\",function(){s.close();location.reload();});})();</script>\n"
    }

    /// The build's errors, over the page, until a build succeeds again.
    static func errorPanel(_ diagnostics: [Diagnostic]) -> String {
        var html = MarkupWriter()
        html.open("div", [
            "id": "sitegen-errors", "role": "alert",
            "style": "position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;background:#2b0b0b;color:#ffe9e9;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:16px 20px;border-bottom:4px solid #e5484d",
        ])
        html.element("strong", text: "The last build failed; this is the last good version of the page. Fix the problem and save: the page reloads by itself.")
        html.open("pre", ["style": "white-space:pre-wrap;margin:12px 0 0"])
        html.text(diagnostics.map(\.rendered).joined(separator: "\n\n"))
        html.close("pre")
        html.close("div")
        return html.output
    }

    static func contentType(of fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "xml": "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
