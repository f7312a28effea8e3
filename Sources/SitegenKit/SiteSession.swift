import Foundation
import Loading
import Model
import Publishing
import Rendering

/// Builds the same site again and again in one process, as `sitegen serve` does after each edit.
///
/// The first build is a whole one. Each later build re-reads only the content files that changed,
/// keeps the fact database when no fact changed, renders again only the bodies and pages whose
/// inputs changed, and updates Output in place with just those files; Output then holds exactly what
/// `sitegen build` would write. A change to what every page shows (site.yaml, entities.yaml, the
/// theme, a plain page's title) makes the next build a whole one. A failed build changes nothing:
/// the next one starts again from the last published site.
public final class SiteSession: @unchecked Sendable {
    public let options: BuildOptions
    private let cache = LoadCache()
    private var snapshot: SiteSnapshot?
    /// Builds, and the writing of exports, run here one at a time.
    private let queue = DispatchQueue(label: "sitegen.session")
    /// Counts the builds that changed the exports: exports rendered for an older one are not written.
    private var exportGeneration = 0
    /// Exports being rendered in the background.
    private let pendingExports = DispatchGroup()

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site, or updates it after an edit. An update returns once its pages are in Output;
    /// the large exports (facts.json, facts.csv) are rendered in the background meanwhile and written
    /// unless a newer build changed them again, so a quick second edit never waits for them.
    public func build() -> BuildReport {
        queue.sync {
            let outcome = SiteBuilder(options: options).run(publish: true, previous: snapshot, cache: cache)
            if outcome.report.published {
                // A whole build wrote its own exports: any still being rendered for an older one are stale.
                if outcome.report.updatedFiles == nil { exportGeneration += 1 }
                // The previous snapshot holds the whole site: it is freed off the path of the preview.
                let previous = snapshot
                snapshot = outcome.snapshot
                DispatchQueue.global(qos: .utility).async {
                    withExtendedLifetime(previous) {}
                    Self.returnFreedMemory()
                }
            }
            if !outcome.deferred.isEmpty { renderExports(outcome.deferred) }
            return outcome.report
        }
    }

    /// Renders `exports` off the session's queue, then writes them on it if no newer build changed them.
    private func renderExports(_ exports: [(path: String, render: @Sendable () -> OutputFile)]) {
        exportGeneration += 1
        let generation = exportGeneration
        let output = OutputWriter(output: options.layout.output)
        pendingExports.enter()
        DispatchQueue.global(qos: .utility).async { [self] in
            let files = exports.map { $0.render() }
            queue.async { [self] in
                defer { pendingExports.leave() }
                guard generation == exportGeneration else { return }
                do {
                    try output.update(files, removing: [])
                } catch {
                    // The next build starts from nothing and reports the problem itself.
                    snapshot = nil
                }
                Self.returnFreedMemory()
            }
        }
    }

    /// Waits until Output holds everything the last published build made (a preview calls it before it stops).
    public func finishWriting() {
        pendingExports.wait()
        queue.sync {}
    }

    /// Gives memory freed by the last build back to the system: a preview runs for hours, and the
    /// allocator would otherwise keep the peak of its largest build.
    private static func returnFreedMemory() {
        #if os(Linux)
        _ = mallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (declared in malloc.h, which Glibc's module does not export).
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
#endif
