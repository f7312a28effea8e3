import Charts
import Diagnostics
import Facts
import Markdown
import Markup
import Model

/// One page to render; jobs are independent, so the pipeline renders them in parallel.
public enum PageJob: Sendable, Hashable {
    case home(page: Int)
    case article(Int)
    case page(Int)
    case notFound
    case companies
    case company(Int)
    case funding(page: Int)
    case salaries(page: Int)
    case tags
    case tag(Int, page: Int)
}

/// Fills the theme's templates with view models: one job, one output file.
public struct SiteRenderer: Sendable {
    public let theme: Theme
    public let site: RenderedSite
    var config: SiteConfig { site.config }

    public init(theme: Theme, site: RenderedSite) {
        self.theme = theme
        self.site = site
    }

    /// Every page of the site, in a fixed order; without article pages when those were written already.
    public func jobs(includingArticles: Bool = true) -> [PageJob] {
        var jobs: [PageJob] = SiteMap.pages(of: .home, count: site.articles.count).indices.map { .home(page: $0 + 1) }
        if includingArticles { jobs += site.articles.indices.map(PageJob.article) }
        jobs += site.pages.indices.map(PageJob.page)
        jobs += [.notFound, .companies, .tags]
        let tableSize = SiteMap.tablePageSize
        jobs += SiteMap.pages(of: .funding, count: site.database.count(of: .funding), size: tableSize).indices.map { .funding(page: $0 + 1) }
        jobs += SiteMap.pages(of: .salaries, count: site.database.count(of: .salary), size: tableSize).indices.map { .salaries(page: $0 + 1) }
        jobs += site.map.companies.indices.map(PageJob.company)
        for (index, tag) in site.map.tags.enumerated() {
            jobs += SiteMap.pages(of: .tag(tag.slug), count: tag.articles.count).indices.map { .tag(index, page: $0 + 1) }
        }
        return jobs
    }

    public func render(_ job: PageJob) -> OutputFile {
        switch job {
        case .home(let page): renderHome(page: page)
        case .article(let index): renderArticle(at: index)
        case .page(let index): renderPage(site.pages[index])
        case .notFound: renderNotFound()
        case .companies: renderCompanies()
        case .company(let index): renderCompany(site.map.companies[index])
        case .funding(let page): renderFunding(page: page)
        case .salaries(let page): renderSalaries(page: page)
        case .tags: renderTags()
        case .tag(let index, let page): renderTag(site.map.tags[index], page: page)
        }
    }

    // MARK: Layout

    /// What a page tells the layout about itself.
    struct PageInfo {
        var route: Route
        var title: String
        var description: String
        var kind: String
        var breadcrumbs: [(title: String, route: Route)] = []
        var openGraphType = "website"
        var published: CalendarDate?
        var jsonLD: JSONValue?
    }

    /// The variables every template can use; see Templates/README.md.
    func layout(_ info: PageInfo) -> [String: Any] {
        let route = info.route
        let root = route == .notFound ? basePath : route.rootPrefix
        let isHome = route == .home || route.segments.first == "page"
        let sections: [(String, Route, Bool)] = [
            (strings.latest, .home, isHome),
            (strings.companies, .companies, route.segments.first == "companies"),
            (strings.funding, .funding, route.segments.first == "funding"),
            (strings.salaries, .salaries, route.segments.first == "salaries"),
            (strings.tags, .tags, route.segments.first == "tags"),
        ] + site.map.navigation.map { ($0.title, $0.route, $0.route == route) }
        let nav: [[String: Any]] = sections.map { title, target, current in
            ["title": title, "href": root + target.outputPath, "current": current && target == route, "section": current]
        }
        let crumbs: [[String: Any]] = info.breadcrumbs.map { ["title": $0.title, "href": root + $0.route.outputPath] }
        let canonical = route.absoluteURL(base: config.baseURL)
        let description = Self.oneLine(info.description, limit: 200)
        return viewModel([
            "lang": config.language == .zh ? "zh-Hans" : "en",
            "site": [
                "title": config.title, "description": config.description, "author": config.author,
                "home": root + Route.home.outputPath, "feed": root + "feed.xml",
            ],
            "page": viewModel([
                "title": info.title, "fullTitle": route == .home ? config.title : "\(info.title) · \(config.title)",
                "description": description, "canonical": canonical, "kind": info.kind,
                "ogType": info.openGraphType, "published": info.published.map(\.description),
            ]),
            "root": root,
            "assets": root + "assets/",
            "nav": nav,
            "breadcrumbs": crumbs,
            "hasBreadcrumbs": !crumbs.isEmpty,
            "jsonLD": info.jsonLD?.serialized(),
            "strings": strings.dictionary,
        ])
    }

    func file(_ info: PageInfo, template: String, _ extra: [String: Any]) -> OutputFile {
        let context = layout(info).merging(extra) { $1 }
        return OutputFile(path: info.route.outputPath, text: theme.render(context, template: template))
    }

    // MARK: Shared view models

    func summary(of rendered: RenderedArticle, from route: Route) -> [String: Any] {
        let article = rendered.article
        return [
            "title": article.title,
            "href": route.link(to: .article(article.slug)),
            "date": displayDate(article.date),
            "dateISO": article.date.description,
            "summary": article.summary ?? Self.oneLine(rendered.body.firstParagraph, limit: 240),
            "readingTime": strings.readingTime(rendered.body.statistics.readingMinutes),
            "tags": article.tags.map { ["name": $0, "href": route.link(to: .tag(Slug.make(from: $0)))] },
            "hasTags": !article.tags.isEmpty,
        ]
    }

    func sourceContext(_ source: SourceReference) -> [String: Any] {
        viewModel(["name": source.name, "url": source.url, "date": source.date.map(displayDate)])
    }

    func displayDate(_ date: CalendarDate) -> String {
        config.language == .zh ? date.longChinese : date.longEnglish
    }

    /// Pagination links for page `page` of `count` items of the list at `route`.
    func pagination(of route: Route, page: Int, count: Int, from current: Route, size: Int = SiteMap.pageSize) -> [String: Any]? {
        let pages = SiteMap.pages(of: route, count: count, size: size).count
        guard pages > 1 else { return nil }
        return viewModel([
            "previous": page > 1 ? current.link(to: route.page(page - 1)) : nil,
            "next": page < pages ? current.link(to: route.page(page + 1)) : nil,
            "label": strings.pageOf(page, pages),
        ])
    }

    /// Rows a chart on a site-wide page draws at most.
    static let chartLimit = 12

    /// A chart figure for `facts` (the largest `chartLimit` values), or nil when they cannot be charted.
    func chart(_ subject: ChartRequest.Subject, facts: [Fact], title: String? = nil) -> String? {
        let charts = FactCharts(config: config)
        guard case .success(let spec) = charts.spec(subject, facts: facts, title: title, type: nil, limit: Self.chartLimit) else { return nil }
        return ChartRenderer().render(spec).html
    }

    var strings: UIStrings { UIStrings(language: config.language) }

    /// The path part of the base URL (`/briefing/`), for pages served at unknown depths like 404.html.
    var basePath: String {
        guard let schemeEnd = config.baseURL.range(of: "://") else { return "/" }
        let afterHost = config.baseURL[schemeEnd.upperBound...].drop { $0 != "/" }
        return afterHost.isEmpty ? "/" : String(afterHost)
    }

    /// A template context where `nil` becomes `false`: `{{#key}}` stays closed, and Mustache does not
    /// fall back to a same-named key of an enclosing context.
    func viewModel(_ values: [String: Any?]) -> [String: Any] {
        values.mapValues { $0 ?? false }
    }

    /// Collapses whitespace and cuts at a word boundary with an ellipsis.
    static func oneLine(_ text: String, limit: Int) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        var result = words.joined(separator: " ")
        guard result.count > limit else { return result }
        result = String(result.prefix(limit))
        if let space = result.lastIndex(of: " "), result.distance(from: result.startIndex, to: space) > limit / 2 {
            result = String(result[..<space])
        }
        return result + "…"
    }
}
