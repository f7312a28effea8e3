import Diagnostics
import Facts
import Foundation
import Loading
import Markdown
import Model
import Parallel
import Publishing
import Rendering

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var layout: SiteLayout
    public var includeDrafts = false
    /// Replaces `base_url` from site.yaml.
    public var baseURL: String?
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Warnings fail the build too.
    public var strict = false
    /// Told what the build is doing as each stage starts (the command line shows it on a terminal).
    public var progress: (@Sendable (String) -> Void)?

    public init(layout: SiteLayout) {
        self.layout = layout
    }
}

/// What a build did: the counts for the summary line and every diagnostic, sorted.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var pages = 0
    public var articles = 0
    public var files = 0
    public var charts = 0
    public var facts = 0
    /// Whether Output was replaced.
    public var published = false
    /// Wall time of each stage, in order, for `--verbose` and the benchmark.
    public var stages: [(name: String, duration: Duration)] = []

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// Content + Templates → Output: load, render bodies, fill templates, publish atomically.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Validates everything and, when `publish` is true and nothing failed, replaces Output.
    public func build(publish: Bool) -> BuildReport {
        var report = BuildReport()
        var stopwatch = Stopwatch()
        let loader = ContentLoader(layout: options.layout, includeDrafts: options.includeDrafts, jobs: options.jobs)
        // A build writes into a staging folder from the start (article pages as soon as their bodies
        // render); the folder only becomes Output if nothing failed.
        var staging: StagingFolder?
        if publish {
            do {
                staging = try OutputWriter(output: options.layout.output).stage()
            } catch {
                report.diagnostics.append(.error(at: outputLocation, error.message))
                return finish(report)
            }
        }
        guard let site = validate(loader: loader, staging: staging, report: &report, stopwatch: &stopwatch) else {
            staging?.discard()
            return finish(report)
        }
        let (assets, assetProblems) = loader.assets()
        report.diagnostics += assetProblems
        report = finish(report)
        guard let staging, report.errorCount == 0, !(options.strict && report.warningCount > 0) else {
            staging?.discard()
            return report
        }
        do {
            try write(site, into: staging, assets: assets, report: &report, stopwatch: &stopwatch)
            report.published = true
        } catch {
            staging.discard()
            report.diagnostics.append(.error(at: outputLocation, error.message))
        }
        return report
    }

    private var outputLocation: SourceLocation { SourceLocation(path: options.layout.relativePath(of: options.layout.output)) }

    /// Load → facts → Markdown and charts: everything that can find a problem. With a staging folder,
    /// each article's page is written as soon as its body is rendered, and only a digest of it is kept.
    /// `nil` when nothing can be rendered.
    private func validate(
        loader: ContentLoader, staging: StagingFolder?, report: inout BuildReport, stopwatch: inout Stopwatch
    ) -> (site: RenderedSite, theme: Theme)? {
        let layout = options.layout
        options.progress?("reading Content/")
        let (loaded, loadProblems) = loader.load()
        stopwatch.lap("load", into: &report)
        report.diagnostics += loadProblems
        let (theme, themeProblems) = Theme.load(from: layout.templates, relativePath: "Templates")
        report.diagnostics += themeProblems + ThemeCheck.diagnostics(layout: layout)
        guard var content = loaded, let theme else { return nil }
        if let baseURL = options.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }

        let database = FactDatabase(content: content)
        stopwatch.lap("facts", into: &report)
        report.diagnostics += database.conflicts()
        report.facts = database.records.count

        let map = SiteMap(content: content, database: database)
        options.progress?("rendering \(content.articles.count) articles and their charts")
        let bodies = BodyRenderer(config: content.config, drawsCharts: staging != nil)
        let articleIDs = theme.reservedIDs(for: .article)
        let pageIDs = theme.reservedIDs(for: .page)
        let articlePages = staging.map { _ in
            SiteRenderer(theme: theme, site: RenderedSite(config: content.config, articles: [], pages: [], database: database, map: map))
        }
        let sources = content.articles
        let results = sources.indices.map { $0 }.parallelMap(jobs: options.jobs) { index -> ArticleResult in
            var article = sources[index]
            let links = LinkCheck(paths: map.paths, pageFolder: Route.article(article.slug).urlPath)
            let body = bodies.render(article.body, facts: article.facts, unreadableFactIDs: article.unreadableFactIDs, links: links, reservedIDs: articleIDs)
            // The Markdown is not needed once rendered; at 10,000 articles it is tens of megabytes.
            article.body.markdown = ""
            let rendered = RenderedArticle(article: article, rendered: body)
            var failure: PublishingError?
            if let staging, let articlePages {
                let previous = index + 1 < sources.count ? sources[index + 1] : nil
                let next = index > 0 ? sources[index - 1] : nil
                do throws(PublishingError) {
                    try staging.write(articlePages.renderArticle(rendered, previous: previous, next: next))
                } catch {
                    failure = error
                }
            }
            return ArticleResult(
                digest: staging == nil ? rendered : rendered.digest(keepingHTML: index < SiteFeeds.feedLength), diagnostics: body.markdown.diagnostics,
                fragmentLinks: body.fragmentLinks, failure: failure)
        }
        let pages = content.pages.parallelMap(jobs: options.jobs) { page in
            let links = LinkCheck(paths: map.paths, pageFolder: Route.page(page.slug).urlPath)
            return RenderedPage(page: page, rendered: bodies.render(page.body, links: links, reservedIDs: pageIDs))
        }
        stopwatch.lap("markdown+charts+articles", into: &report)
        let articles = results.map(\.digest)
        report.diagnostics += results.flatMap(\.diagnostics) + pages.flatMap(\.body.diagnostics)
        report.diagnostics += results.compactMap(\.failure).map { .error(at: outputLocation, $0.message) }
        var anchored = articles.map { ($0.rendered, Route.article($0.article.slug)) } + pages.map { ($0.rendered, Route.page($0.page.slug)) }
        for index in results.indices { anchored[index].0.fragmentLinks = results[index].fragmentLinks }
        report.diagnostics += Self.checkFragments(anchored)
        report.charts = articles.reduce(0) { $0 + $1.rendered.chartCount } + pages.reduce(0) { $0 + $1.rendered.chartCount }
        report.articles = articles.count
        return (RenderedSite(config: content.config, articles: articles, pages: pages, database: database, map: map), theme)
    }

    /// What rendering one article leaves: a digest for the aggregate pages, and what to report.
    private struct ArticleResult: Sendable {
        var digest: RenderedArticle
        var diagnostics: [Diagnostic]
        var fragmentLinks: [FragmentLink]
        var failure: PublishingError?
    }

    /// Renders the remaining pages (article pages are written already) and the feeds and exports into
    /// the staging folder, then swaps it into Output.
    private func write(
        _ validated: (site: RenderedSite, theme: Theme), into staging: StagingFolder, assets: [OutputFile],
        report: inout BuildReport, stopwatch: inout Stopwatch
    ) throws(PublishingError) {
        let site = validated.site
        let renderer = SiteRenderer(theme: validated.theme, site: site)
        let pages = renderer.jobs(includingArticles: false)
        options.progress?("writing \(pages.count) more pages")
        // The feeds and exports are large single files: they render beside the pages, not after them.
        let others: [@Sendable () -> OutputFile] = [
            { OutputFile(path: "facts.json", contents: FactExport.jsonBytes(site.database.records, site: site.config)) },
            { OutputFile(path: "facts.csv", contents: FactExport.csvBytes(site.database.records)) },
        ] + SiteFeeds(site: site).renderers
        let jobs = others.map(WriteJob.file) + pages.map(WriteJob.page)
        let failures = jobs.parallelMap(jobs: options.jobs) { job -> PublishingError? in
            do throws(PublishingError) {
                switch job {
                case .page(let page): try staging.write(renderer.render(page))
                case .file(let render): try staging.write(render())
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        for asset in assets { try staging.write(asset) }
        report.pages = pages.count + site.articles.count
        report.files = jobs.count + site.articles.count + assets.count
        stopwatch.lap("pages+feeds+exports", into: &report)
        try staging.commit()
        stopwatch.lap("swap", into: &report)
    }

    /// Links to `#section` of another body page must find that id there.
    static func checkFragments(_ bodies: [(RenderedBody, Route)]) -> [Diagnostic] {
        var anchors: [String: Set<String>] = [:]
        for (body, route) in bodies { anchors[route.outputPath] = body.anchors }
        return bodies.flatMap(\.0.fragmentLinks).compactMap { link in
            guard let path = link.path, let ids = anchors[path], !ids.contains(link.fragment) else { return nil }
            return .error(at: link.location, "broken link: \(path.replacingOccurrences(of: "/index.html", with: "/")) has no section \"#\(link.fragment)\"\(Suggestion.hint(for: link.fragment, in: ids))")
        }
    }

    private func finish(_ report: BuildReport) -> BuildReport {
        var report = report
        var seen = Set<Diagnostic>()
        report.diagnostics = report.diagnostics.sorted().filter { seen.insert($0).inserted }
        return report
    }
}

/// One file to write: a page, or a feed or export.
private enum WriteJob: Sendable {
    case page(PageJob)
    case file(@Sendable () -> OutputFile)
}

/// Measures stages of a build; the only clock in the pipeline, and it never reaches the output.
struct Stopwatch {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init() { last = clock.now }

    mutating func lap(_ name: String, into report: inout BuildReport) {
        let now = clock.now
        report.stages.append((name, now - last))
        last = now
    }
}
