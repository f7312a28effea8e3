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
    /// Bytes of every SVG variant drawn, for the chart size budget.
    public var svgSizes: [Int] = []
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
        let layout = options.layout
        let loader = ContentLoader(layout: layout, includeDrafts: options.includeDrafts, jobs: options.jobs)
        var stopwatch = Stopwatch()
        let (loaded, loadProblems) = loader.load()
        stopwatch.lap("load", into: &report)
        report.diagnostics += loadProblems
        let (theme, themeProblems) = Theme.load(from: layout.templates, relativePath: "Templates")
        report.diagnostics += themeProblems + ThemeCheck.diagnostics(layout: layout)

        guard var content = loaded, let theme else { return finish(report) }
        if let baseURL = options.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }

        let database = FactDatabase(content: content)
        stopwatch.lap("facts", into: &report)
        report.diagnostics += database.conflicts()
        report.facts = database.records.count

        let map = SiteMap(content: content, database: database)
        let bodies = BodyRenderer(config: content.config)
        let articles = content.articles.parallelMap(jobs: options.jobs) { article in
            let links = LinkCheck(paths: map.paths, pageFolder: Route.article(article.slug).urlPath)
            let rendered = bodies.render(article.body, facts: article.facts, unreadableFactIDs: article.unreadableFactIDs, links: links)
            return RenderedArticle(article: article, rendered: rendered)
        }
        let pages = content.pages.parallelMap(jobs: options.jobs) { page in
            RenderedPage(page: page, rendered: bodies.render(page.body, links: LinkCheck(paths: map.paths, pageFolder: Route.page(page.slug).urlPath)))
        }
        stopwatch.lap("markdown+charts", into: &report)
        report.diagnostics += articles.flatMap(\.body.diagnostics) + pages.flatMap(\.body.diagnostics)
        report.diagnostics += Self.checkFragments(articles.map(\.rendered) + pages.map(\.rendered), routes: articles.map { Route.article($0.article.slug) } + pages.map { Route.page($0.page.slug) })
        report.charts = articles.reduce(0) { $0 + $1.rendered.chartCount }
        report.svgSizes = articles.flatMap(\.rendered.svgSizes)

        let site = RenderedSite(config: content.config, articles: articles, pages: pages, database: database, map: map)
        let renderer = SiteRenderer(theme: theme, site: site)
        var files = renderer.jobs().parallelMap(jobs: options.jobs) { renderer.render($0) }
        stopwatch.lap("templates", into: &report)
        report.pages = files.count
        report.articles = articles.count
        files += SiteFeeds(site: site).files()
        files.append(OutputFile(path: "facts.json", text: FactExport.json(database.records, site: content.config)))
        files.append(OutputFile(path: "facts.csv", text: FactExport.csv(database.records)))

        stopwatch.lap("feeds+exports", into: &report)
        let (assets, assetProblems) = loader.assets()
        report.diagnostics += assetProblems
        files += assets
        report.files = files.count

        report = finish(report)
        guard publish, report.errorCount == 0, !(options.strict && report.warningCount > 0) else { return report }
        do {
            try OutputWriter(output: layout.output).publish(files)
            report.published = true
            stopwatch.lap("write", into: &report)
        } catch {
            report.diagnostics.append(.error(at: SourceLocation(path: layout.relativePath(of: layout.output)), error.message))
        }
        return report
    }

    /// Links to `#section` of another body page must find that id there.
    static func checkFragments(_ bodies: [RenderedBody], routes: [Route]) -> [Diagnostic] {
        var anchors: [String: Set<String>] = [:]
        for (body, route) in zip(bodies, routes) { anchors[route.outputPath] = body.anchors }
        return bodies.flatMap(\.fragmentLinks).compactMap { link in
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
