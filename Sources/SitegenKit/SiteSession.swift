import Foundation
import Loading
import Parallel
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
    /// Builds, and the writing of what they leave for after, run here one at a time.
    private let queue = DispatchQueue(label: "sitegen.session")
    /// Builds asked for and not started yet: exports left for after a build are not written when a
    /// newer build will write them anyway.
    private var waiting = 0
    private let waitingLock = NSLock()

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site, or updates it after an edit. An update returns once its pages are in Output;
    /// the large exports (facts.json, facts.csv) follow, and the next build waits for them.
    public func build() -> BuildReport {
        waitingLock.withLock { waiting += 1 }
        return queue.sync {
            waitingLock.withLock { waiting -= 1 }
            return buildNow()
        }
    }

    private func buildNow() -> BuildReport {
        do {
            let outcome = SiteBuilder(options: options).run(publish: true, previous: snapshot, cache: cache)
            if outcome.report.published {
                // The previous snapshot holds the whole site: it is freed off the path of the preview.
                let previous = snapshot
                snapshot = outcome.snapshot
                DispatchQueue.global(qos: .utility).async {
                    withExtendedLifetime(previous) {}
                    Self.returnFreedMemory()
                }
            }
            if !outcome.deferred.isEmpty {
                let output = OutputWriter(output: options.layout.output)
                let jobs = options.jobs
                let paths = outcome.deferred.map(\.path)
                queue.async { [self] in
                    // A newer build is waiting: it writes them. They are marked unwritten so that it does.
                    if waitingLock.withLock({ waiting > 0 }) {
                        for path in paths { snapshot?.inputs[path] = nil }
                        return
                    }
                    do {
                        try output.update(outcome.deferred.parallelMap(jobs: jobs) { $0.render() }, removing: [])
                        Self.returnFreedMemory()
                    } catch {
                        // The next build starts from nothing and reports the problem itself.
                        snapshot = nil
                    }
                }
            }
            return outcome.report
        }
    }

    /// Gives memory freed by the last build back to the system: a preview runs for hours, and the
    /// allocator would otherwise keep the peak of its largest build.
    private static func returnFreedMemory() {
        #if os(Linux)
        _ = mallocTrim(0)
        #endif
    }

    /// Waits until Output holds everything the last published build made, exports left unwritten for
    /// a newer build included (a preview calls it before it stops).
    public func finishWriting() {
        queue.sync {
            guard let snapshot else { return }
            let missing = SiteBuilder.exports(of: snapshot.site).filter { snapshot.inputs[$0.path] == nil }
            guard !missing.isEmpty else { return }
            do {
                try OutputWriter(output: options.layout.output).update(missing.parallelMap(jobs: options.jobs) { $0.render() }, removing: [])
                self.snapshot?.inputs.merge(SiteFeeds(site: snapshot.site).exportInputsByPath(missing.map(\.path))) { $1 }
            } catch {
                self.snapshot = nil
            }
        }
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (declared in malloc.h, which Glibc's module does not export).
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
#endif
