import Facts
import Markdown
import Markup
import Model

/// An article with its rendered body, ready for pages that show or list it.
public struct RenderedArticle: Sendable {
    public var article: Article
    public var rendered: RenderedBody
    public var body: RenderedMarkdown { rendered.markdown }

    public init(article: Article, rendered: RenderedBody) {
        self.article = article
        self.rendered = rendered
    }
}

/// A plain page with its rendered body.
public struct RenderedPage: Sendable {
    public var page: Page
    public var rendered: RenderedBody
    public var body: RenderedMarkdown { rendered.markdown }

    public init(page: Page, rendered: RenderedBody) {
        self.page = page
        self.rendered = rendered
    }
}

/// A tag and the articles that carry it, newest first.
public struct TagIndex: Sendable {
    public var name: String
    public var slug: String
    /// Indices into the site's articles (newest first).
    public var articles: [Int]
}

/// Every page the build writes, known before any is rendered, so body links can be checked.
public struct SiteMap: Sendable {
    /// Sorted by slug.
    public var tags: [TagIndex]
    /// Entities that at least one fact is about, sorted by slug.
    public var companies: [Entity]
    /// Output paths of every page (`articles/x/index.html`).
    public var paths: Set<String>
    /// The plain pages, for the navigation every page shows.
    public var navigation: [(title: String, route: Route)]
    /// Articles per page on paginated lists.
    public static let pageSize = 20
    /// Rows per page of the funding and salaries tables.
    public static let tablePageSize = 50

    public init(content: SiteContent, database: FactDatabase) {
        var bySlug: [String: TagIndex] = [:]
        for (index, article) in content.articles.enumerated() {
            for name in article.tags {
                let slug = Slug.make(from: name)
                bySlug[slug, default: TagIndex(name: name, slug: slug, articles: [])].articles.append(index)
            }
        }
        tags = bySlug.values.sorted { $0.slug < $1.slug }
        let withFacts = Set(database.records.compactMap(\.entity?.slug))
        companies = database.entities.entities.filter { withFacts.contains($0.slug) }

        var routes: [Route] = [.home, .notFound, .tags, .companies]
        routes += Self.pages(of: .funding, count: database.count(of: .funding), size: Self.tablePageSize)
        routes += Self.pages(of: .salaries, count: database.count(of: .salary), size: Self.tablePageSize)
        routes += Self.pages(of: .home, count: content.articles.count)
        routes += content.articles.map { .article($0.slug) } + content.pages.map { .page($0.slug) }
        routes += tags.flatMap { Self.pages(of: .tag($0.slug), count: $0.articles.count) }
        routes += companies.map { .company($0.slug) }
        paths = Set(routes.map(\.outputPath))
        navigation = content.pages.map { ($0.title, Route.page($0.slug)) }
    }

    /// The routes of a list's pages: the list itself, then `page/2/`, `page/3/`…
    static func pages(of route: Route, count: Int, size: Int = pageSize) -> [Route] {
        let pageCount = max(1, (count + size - 1) / size)
        return (1...pageCount).map { route.page($0) }
    }
}

extension RenderedArticle {
    /// What aggregate pages need once the article's own page is written: the body's charts are
    /// dropped, and its HTML unless the feed carries it (at 10,000 articles they are most of the
    /// build's memory).
    public func digest(keepingHTML: Bool) -> RenderedArticle {
        var slim = self
        if !keepingHTML { slim.rendered.markdown.html = "" }
        slim.rendered.keyFigures = []
        slim.rendered.fragmentLinks = []
        slim.rendered.markdown.diagnostics = []
        return slim
    }
}

/// Everything the page renderers share: the content, rendered, and the fact database.
public struct RenderedSite: Sendable {
    public var config: SiteConfig
    /// Newest first.
    public var articles: [RenderedArticle]
    public var pages: [RenderedPage]
    public var database: FactDatabase
    public var map: SiteMap
    /// Facts grouped for the aggregate pages, computed once: pages render in parallel and must not
    /// each scan every fact of the site.
    let index: FactIndex

    public init(config: SiteConfig, articles: [RenderedArticle], pages: [RenderedPage], database: FactDatabase, map: SiteMap) {
        self.config = config
        self.articles = articles
        self.pages = pages
        self.database = database
        self.map = map
        self.index = FactIndex(database: database, articles: articles)
    }
}

/// Lookups the aggregate pages need, built in one pass over the facts.
struct FactIndex: Sendable {
    /// Facts about each entity, by entity slug, in article order.
    let byEntity: [String: [FactRecord]]
    /// Funding rounds, newest first (undated last), ties by article.
    let fundingByDate: [FactRecord]
    let salaries: [FactRecord]
    /// Position of each article in the site's list, by slug.
    let articlePositions: [String: Int]

    init(database: FactDatabase, articles: [RenderedArticle]) {
        var byEntity: [String: [FactRecord]] = [:]
        var funding: [(record: FactRecord, date: CalendarDate)] = []
        var salaries: [FactRecord] = []
        for record in database.records {
            if let slug = record.entity?.slug { byEntity[slug, default: []].append(record) }
            switch record.fact.detail {
            case .funding(let round): funding.append((record, round.date ?? CalendarDate(year: 0)))
            case .salary: salaries.append(record)
            default: break
            }
        }
        self.byEntity = byEntity
        self.fundingByDate = funding.enumerated()
            .sorted { ($0.element.date, $1.offset) > ($1.element.date, $0.offset) }
            .map(\.element.record)
        self.salaries = salaries
        self.articlePositions = Dictionary(articles.enumerated().map { ($0.element.article.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }
}
