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
    /// Articles per page on paginated lists.
    public static let pageSize = 20

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

        var routes: [Route] = [.home, .notFound, .tags, .companies, .funding, .salaries]
        routes += Self.pages(of: .home, count: content.articles.count)
        routes += content.articles.map { .article($0.slug) } + content.pages.map { .page($0.slug) }
        routes += tags.flatMap { Self.pages(of: .tag($0.slug), count: $0.articles.count) }
        routes += companies.map { .company($0.slug) }
        paths = Set(routes.map(\.outputPath))
    }

    /// The routes of a list's pages: the list itself, then `page/2/`, `page/3/`…
    static func pages(of route: Route, count: Int) -> [Route] {
        let pageCount = max(1, (count + pageSize - 1) / pageSize)
        return (1...pageCount).map { route.page($0) }
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

    public init(config: SiteConfig, articles: [RenderedArticle], pages: [RenderedPage], database: FactDatabase, map: SiteMap) {
        self.config = config
        self.articles = articles
        self.pages = pages
        self.database = database
        self.map = map
    }
}
