import Diagnostics
import Foundation
import Hummingbird
import Loading
import Logging
import Markup
import ServiceLifecycle
import SitegenKit

/// `sitegen serve`: builds the site, serves Output on loopback, rebuilds when sources change and
/// tells open pages to reload. Output stays plain files; the reload script is added to HTML only as
/// it is served.
public struct PreviewServer: Sendable {
    public var options: BuildOptions
    public var port: Int
    /// Told about each build (its report), for the command line to print.
    public var onBuild: @Sendable (BuildReport) -> Void
    /// Told the port once the server listens (useful with port 0).
    public var onListening: @Sendable (Int) -> Void

    public init(
        options: BuildOptions, port: Int, onBuild: @escaping @Sendable (BuildReport) -> Void = { _ in },
        onListening: @escaping @Sendable (Int) -> Void = { _ in }
    ) {
        self.options = options
        self.port = port
        self.onBuild = onBuild
        self.onListening = onListening
    }

    /// Runs until cancelled, or until SIGINT/SIGTERM when `handleSignals` is true.
    public func run(handleSignals: Bool = true) async throws {
        let state = PreviewState()
        let watcher = SourceWatcher(folders: [options.layout.content, options.layout.templates])
        let session = SiteSession(options: options)
        defer { session.finishWriting() }
        let rebuilder = Rebuilder(session: session, state: state, watcher: watcher, onBuild: onBuild)
        await rebuilder.build()

        let router = Router()
        let files = SiteFiles(output: options.layout.output, state: state)
        router.get("/__sitegen/events") { request, _ in await files.events(request) }
        router.get("**") { request, _ in await files.response(for: request.uri.path) }
        router.get("/") { _, _ in await files.response(for: "/") }
        router.head("**") { request, _ in await files.headResponse(for: request.uri.path) }
        router.head("/") { _, _ in await files.headResponse(for: "/") }
        let onListening = self.onListening
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "sitegen"),
            services: [rebuilder],
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "sitegen.serve", factory: { _ in SwiftLogNoOpLogHandler() }))
        if handleSignals {
            try await app.runService()
        } else {
            try await app.runService(gracefulShutdownSignals: [])
        }
    }
}

/// Rebuilds the site whenever its sources change; a ServiceLifecycle service, so Ctrl-C stops it cleanly.
struct Rebuilder: Service {
    let session: SiteSession
    let state: PreviewState
    let watcher: SourceWatcher
    let onBuild: @Sendable (BuildReport) -> Void

    func run() async throws {
        while !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await watcher.nextChange() }
            } catch {
                return
            }
            await build()
        }
    }

    /// One build, off the cooperative pool; a failed build leaves Output (and so the served site) as it was.
    func build() async {
        let session = self.session
        let report = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: session.build()) }
        }
        // Pages reload first; the terminal hears about it after.
        if report.published {
            await state.published()
        } else {
            await state.failed(report.diagnostics.filter { $0.severity == .error })
        }
        onBuild(report)
    }
}

