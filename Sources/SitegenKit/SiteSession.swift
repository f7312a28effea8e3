import Foundation
import Loading

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
    private let lock = NSLock()

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site, or updates it after an edit; one build at a time.
    public func build() -> BuildReport {
        lock.withLock {
            let (report, next) = SiteBuilder(options: options).run(publish: true, previous: snapshot, cache: cache)
            if report.published {
                // The previous snapshot holds the whole site: it is freed off the path of the preview.
                let previous = snapshot
                snapshot = next
                DispatchQueue.global(qos: .utility).async { withExtendedLifetime(previous) {} }
            }
            return report
        }
    }
}
