import Charts
import Diagnostics
import Facts
import Markdown
import Markup
import Model
import Templating

/// Fills the theme's templates with view models: one job, one output file.
public struct SiteRenderer: Sendable {
    public let theme: Theme
    public let site: RenderedSite
    var config: SiteConfig { site.config }
    /// `strings.*` and `site.*` without its links: the same on every page, so made once.
    private let stringsValue: TemplateValue

    public init(theme: Theme, site: RenderedSite) {
        self.theme = theme
        self.site = site
        self.stringsValue = .object(TemplateObject(UIStrings(language: site.config.language).dictionary.sorted { $0.key < $1.key }.map { ($0.key, .text($0.value)) }))
    }

    /// Renders the page of `job`.
    public func render(_ job: PageJob) -> OutputFile {
        fill(context(for: job))
    }

    /// Fills a page's template with its view model.
    public func fill(_ context: PageContext) -> OutputFile {
        OutputFile(path: context.path, contents: theme.render(context.template, context.model))
    }

    /// The view model of `job`'s page, ready for its template.
    public func context(for job: PageJob) -> PageContext {
        switch job {
        case .home(let page): homeContext(page: page)
        case .article(let index): articleContext(at: index)
        case .page(let index): plainPageContext(site.pages[index])
        case .notFound: notFoundContext()
        case .companies: companiesContext()
        case .company(let index): companyContext(site.map.companies[index])
        case .funding(let page): fundingContext(page: page)
        case .salaries(let page): salariesContext(page: page)
        case .tags: tagsContext()
        case .tag(let index, let page): tagContext(site.map.tags[index], page: page)
        }
    }

    // MARK: Layout

    /// What a page tells the layout about itself.
    struct PageInfo {
        var route: Route
        var title: String
        var description: String
        var kind: PageKind
        var breadcrumbs: [(title: String, route: Route)] = []
        var openGraphType = "website"
        var published: CalendarDate?
        /// A draft, built only with --drafts: marked on the page and kept out of search engines.
        var isDraft = false
        var jsonLD: JSONValue?
        /// What the page adds to `page.*`.
        var pageFields: [(String, TemplateValue)] = []
    }

    /// The variables every template can use; see Templates/README.md.
    func layout(_ info: PageInfo) -> LayoutModel {
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
        let nav = sections.map { title, target, current in
            NavigationLink(title: title, href: root + target.outputPath, current: current && target == route, section: current)
        }
        let siteValue: TemplateValue = [
            "title": .text(config.title), "description": .text(config.description), "author": .text(config.author),
            "home": .text(root + Route.home.outputPath), "feed": .text(root + "feed.xml"), "search": .bool(config.search),
        ]
        let head = PageHead(
            title: info.title, fullTitle: route == .home ? config.title : "\(info.title) · \(config.title)",
            description: Self.oneLine(info.description, limit: 200), canonical: route.absoluteURL(base: config.baseURL),
            kind: info.kind.rawValue, ogType: info.openGraphType, published: info.published.map(\.description), isDraft: info.isDraft,
            extra: info.pageFields)
        return LayoutModel(
            lang: config.language == .zh ? "zh-Hans" : "en", site: siteValue, page: head, root: root, nav: nav,
            breadcrumbs: info.breadcrumbs.map { Link(title: $0.title, href: root + $0.route.outputPath) },
            jsonLD: info.jsonLD?.serialized(), strings: stringsValue)
    }

    /// Renders a page of `info.kind` with the layout's variables and the page's own `content`.
    func file(_ info: PageInfo, _ content: [(String, TemplateValue)]) -> PageContext {
        var model = layout(info)
        model.content = content
        return PageContext(path: info.route.outputPath, template: info.kind.template, model: model.templateValue)
    }

    // MARK: Shared view models

    func summary(of rendered: RenderedArticle, from route: Route) -> ArticleCard {
        let article = rendered.article
        return ArticleCard(
            title: article.title,
            href: route.link(to: .article(article.slug)),
            date: displayDate(article.date),
            dateISO: article.date.description,
            summary: article.summary ?? Self.oneLine(rendered.body.firstParagraph, limit: 240),
            readingTime: strings.readingTime(rendered.body.statistics.readingMinutes),
            tags: article.tags.map { ArticleCard.Tag(name: $0, href: route.link(to: .tag(site.map.tagSlugs[$0] ?? Slug.make(from: $0)))) })
    }

    func sourceModel(_ source: SourceReference) -> SourceModel {
        SourceModel(name: source.name, url: source.url, date: source.date.map(displayDate))
    }

    func displayDate(_ date: CalendarDate) -> String {
        config.language == .zh ? date.longChinese : date.longEnglish
    }

    /// Pagination links for page `page` of `count` items of the list at `route`.
    func pagination(of route: Route, page: Int, count: Int, from current: Route, size: Int = SiteMap.pageSize) -> Pagination? {
        let pages = SiteMap.pageCount(count: count, size: size)
        guard pages > 1 else { return nil }
        return Pagination(
            previous: page > 1 ? current.link(to: route.page(page - 1)) : nil,
            next: page < pages ? current.link(to: route.page(page + 1)) : nil,
            label: strings.pageOf(page, pages))
    }

    /// Rows a chart on a site-wide page draws at most.
    static let chartLimit = 12

    /// A chart figure for `facts` (the largest `chartLimit` values), or nil when they cannot be charted.
    /// Companies and employers are named as their entities are, so one written `MINIMAX` is not a row
    /// of its own.
    func chart(_ subject: ChartRequest.Subject, facts: [Fact], title: String? = nil) -> String? {
        let charts = FactCharts(config: config)
        let named = facts.map { fact in
            var fact = fact
            guard let name = site.database.entity(of: fact)?.name else { return fact }
            switch fact.detail {
            case .funding(var round):
                round.company = name
                fact.detail = .funding(round)
            case .salary(var salary):
                salary.employer = name
                fact.detail = .salary(salary)
            case .distribution, .figure:
                break
            }
            return fact
        }
        guard case .success(let spec) = charts.spec(subject, facts: named, title: title, type: nil, limit: Self.chartLimit) else { return nil }
        return ChartRenderer().render(spec).html
    }

    var strings: UIStrings { UIStrings(language: config.language) }

    /// The path part of the base URL (`/briefing/`), for pages served at unknown depths like 404.html.
    var basePath: String {
        guard let schemeEnd = config.baseURL.range(of: "://") else { return "/" }
        let afterHost = config.baseURL[schemeEnd.upperBound...].drop { $0 != "/" }
        return afterHost.isEmpty ? "/" : String(afterHost)
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
