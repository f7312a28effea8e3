import Facts
import Markdown
import Markup
import Model

/// An article with its rendered body, ready for pages that show or list it.
public struct RenderedArticle: Sendable {
    public var article: Article
    public var rendered: RenderedBody
    public var body: RenderedMarkdown { rendered.markdown }
    /// Equal for two renderings whose card on a list (title, date, summary, reading time, tags) is the same.
    public let cardFingerprint: Int

    public init(article: Article, rendered: RenderedBody) {
        self.article = article
        self.rendered = rendered
        var hasher = Hasher()
        hasher.combine(article.title)
        hasher.combine(article.slug)
        hasher.combine(article.date.description)
        hasher.combine(article.summary)
        hasher.combine(article.tags)
        hasher.combine(article.isDraft)
        hasher.combine(article.summary == nil ? rendered.markdown.firstParagraph : "")
        hasher.combine(rendered.markdown.statistics.readingMinutes)
        cardFingerprint = hasher.finalize()
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
    /// The slug of every tag name, made once: article cards on every list show their tags.
    public var tagSlugs: [String: String]
    /// Entities that at least one fact is about, sorted by slug.
    public var companies: [Entity]
    /// Slugs of the articles, newest first, and of the plain pages.
    public var articleSlugs: [String]
    public var pageSlugs: [String]
    /// Rows of the funding and salaries tables.
    public var fundingCount: Int
    public var salaryCount: Int
    /// Output paths of every page (`articles/x/index.html`), and of the pages of articles and pages that
    /// could not be read (`unreadablePaths`), so links to those are not reported on top of their errors.
    public var paths: Set<String>
    public var unreadablePaths: Set<String>
    /// The plain pages, for the navigation every page shows.
    public var navigation: [(title: String, route: Route)]
    /// Files published as they are, by output path: beside their article or page, and from `Content/static/`.
    public var files: [String: PublishedFile]
    /// Every page of the site, in the order the build writes them.
    public private(set) var jobs: [PageJob]
    /// Where each of `jobs` is written, in the same order.
    public private(set) var outputPaths: [String]

    public init(content: SiteContent, database: FactDatabase) {
        var bySlug: [String: TagIndex] = [:]
        var slugs: [String: String] = [:]
        for (index, article) in content.articles.enumerated() {
            for name in article.tags {
                let slug = slugs[name] ?? Slug.make(from: name)
                slugs[name] = slug
                bySlug[slug, default: TagIndex(name: name, slug: slug, articles: [])].articles.append(index)
            }
        }
        tags = bySlug.values.sorted { $0.slug < $1.slug }
        tagSlugs = slugs
        companies = Self.companies(of: database)
        articleSlugs = content.articles.map(\.slug)
        pageSlugs = content.pages.map(\.slug)
        fundingCount = database.count(of: .funding)
        salaryCount = database.count(of: .salary)
        navigation = content.pages.map { ($0.title, Route.page($0.slug)) }
        jobs = []
        outputPaths = []
        paths = []
        files = Dictionary(Self.publishedFiles(of: content).map { ($0.path, $0.file) }, uniquingKeysWith: { first, _ in first })
        unreadablePaths = Set(
            content.unreadableArticleSlugs.map { Route.article($0).outputPath } + content.unreadablePageSlugs.map { Route.page($0).outputPath })
        jobs = makeJobs()
        outputPaths = jobs.map { route(of: $0).outputPath }
        paths = Set(outputPaths).union(unreadablePaths)
    }

    /// Every file published as it is, with its output path: a folder's files beside its article's or
    /// page's own page (`articles/SLUG/chart.png`), static files at the root; in that order.
    public static func publishedFiles(of content: SiteContent) -> [(path: String, file: PublishedFile)] {
        content.articles.flatMap { article in article.files.map { (Route.article(article.slug).urlPath + $0.name, $0) } }
            + content.pages.flatMap { page in page.files.map { (Route.page(page.slug).urlPath + $0.name, $0) } }
            + content.staticFiles.map { ($0.name, $0) }
    }
}

extension SiteMap {
    /// The entities that at least one fact is about, each with a page.
    public static func companies(of database: FactDatabase) -> [Entity] {
        database.entities.entities.filter { database.entitySlugs.contains($0.slug) }
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
    public let index: FactIndex
    /// Position of each article in `articles`, by slug.
    let articlePositions: [String: Int]

    /// `index` may be given when it was made from this same database.
    public init(config: SiteConfig, articles: [RenderedArticle], pages: [RenderedPage], database: FactDatabase, map: SiteMap, index: FactIndex? = nil) {
        self.config = config
        self.articles = articles
        self.pages = pages
        self.database = database
        self.map = map
        self.index = index ?? FactIndex(database: database)
        self.articlePositions = Dictionary(articles.enumerated().map { ($0.element.article.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Lookups the aggregate pages need, built in one pass over the facts.
public struct FactIndex: Sendable {
    /// Facts about each entity, by entity slug, in article order.
    let byEntity: [String: [FactRecord]]
    /// Funding rounds, newest first (undated last), ties by article.
    let fundingByDate: [FactRecord]
    let salaries: [FactRecord]
    /// The facts of the site-wide charts, in the order written: funding rounds and salaries.
    let fundingFacts: [Fact]
    let salaryFacts: [Fact]

    public init(database: FactDatabase) {
        var byEntity: [String: [FactRecord]] = [:]
        var funding: [(index: Int, date: CalendarDate)] = []
        var salaries: [FactRecord] = []
        for (index, record) in database.records.enumerated() {
            if let slug = record.entity?.slug { byEntity[slug, default: []].append(record) }
            switch record.fact.detail {
            case .funding(let round): funding.append((index, round.date ?? CalendarDate(year: 0)))
            case .salary: salaries.append(record)
            default: break
            }
        }
        self.byEntity = byEntity
        // Sorted as positions, not records: a record is large, and moving thousands of them costs more than the comparisons.
        self.fundingByDate = funding.enumerated()
            .sorted { ($0.element.date, $1.offset) > ($1.element.date, $0.offset) }
            .map { database.records[$0.element.index] }
        self.salaries = salaries
        self.fundingFacts = funding.map { database.records[$0.index].fact }
        self.salaryFacts = salaries.map(\.fact)
    }
}
