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
        let (loaded, loadProblems) = loader.load()
        report.diagnostics += loadProblems
        let (theme, themeProblems) = Theme.load(from: layout.templates, relativePath: "Templates")
        report.diagnostics += themeProblems + ThemeCheck.diagnostics(layout: layout)

        guard var content = loaded, let theme else { return finish(report) }
        if let baseURL = options.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }

        let database = FactDatabase(content: content)
        report.diagnostics += database.conflicts()
        report.facts = database.records.count

        let bodies = BodyRenderer(config: content.config)
        let articles = content.articles.parallelMap(jobs: options.jobs) { article in
            RenderedArticle(article: article, rendered: bodies.render(article.body, facts: article.facts, unreadableFactIDs: article.unreadableFactIDs))
        }
        let pages = content.pages.parallelMap(jobs: options.jobs) { page in
            RenderedPage(page: page, rendered: bodies.render(page.body))
        }
        report.diagnostics += articles.flatMap(\.body.diagnostics) + pages.flatMap(\.body.diagnostics)
        report.charts = articles.reduce(0) { $0 + $1.rendered.chartCount }
        report.svgSizes = articles.flatMap(\.rendered.svgSizes)

        let site = SiteRenderer(theme: theme, config: content.config, pages: content.pages)
        var files = articles.indices.map { $0 }.parallelMap(jobs: options.jobs) { index in
            site.renderArticle(
                articles[index],
                previous: index + 1 < articles.count ? articles[index + 1].article : nil,
                next: index > 0 ? articles[index - 1].article : nil)
        }
        files += pages.parallelMap(jobs: options.jobs) { site.renderPage($0) }
        files.append(site.renderHome(articles: articles))
        files.append(site.renderNotFound())
        report.pages = files.count
        files.append(OutputFile(path: "facts.json", text: FactExport.json(database.records, site: content.config)))
        files.append(OutputFile(path: "facts.csv", text: FactExport.csv(database.records)))
        report.articles = articles.count

        let (assets, assetProblems) = loader.assets()
        report.diagnostics += assetProblems
        files += assets
        report.files = files.count

        report = finish(report)
        guard publish, report.errorCount == 0, !(options.strict && report.warningCount > 0) else { return report }
        do {
            try OutputWriter(output: layout.output).publish(files)
            report.published = true
        } catch {
            report.diagnostics.append(.error(at: SourceLocation(path: layout.relativePath(of: layout.output)), error.message))
        }
        return report
    }

    private func finish(_ report: BuildReport) -> BuildReport {
        var report = report
        var seen = Set<Diagnostic>()
        report.diagnostics = report.diagnostics.sorted().filter { seen.insert($0).inserted }
        return report
    }
}
