import Diagnostics
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

/// Fills the theme's templates with view models: one call, one output file.
public struct SiteRenderer: Sendable {
    public let theme: Theme
    public let config: SiteConfig
    /// Plain pages, for the navigation every page shows.
    let navigationPages: [(title: String, route: Route)]

    public init(theme: Theme, config: SiteConfig, pages: [Page]) {
        self.theme = theme
        self.config = config
        self.navigationPages = pages.map { ($0.title, Route.page($0.slug)) }
    }

    // MARK: Pages

    public func renderHome(articles: [RenderedArticle]) -> OutputFile {
        let route = Route.home
        var context = layout(for: route, title: config.title, description: config.description, kind: "home")
        context["articles"] = articles.map { summary(of: $0, from: route) }
        context["hasArticles"] = !articles.isEmpty
        return file(route, template: "index", context)
    }

    public func renderArticle(_ rendered: RenderedArticle, previous: Article?, next: Article?) -> OutputFile {
        let article = rendered.article
        let route = Route.article(article.slug)
        let description = article.summary ?? rendered.body.firstParagraph
        var context = layout(for: route, title: article.title, description: description, kind: "article")
        context["article"] = summary(of: rendered, from: route).merging(viewModel([
            "body": rendered.body.html,
            "toc": rendered.body.headings.filter { $0.level == 2 }.map { ["text": $0.text, "id": $0.id] },
            "hasToc": rendered.body.headings.count { $0.level == 2 } >= 3,
            "source": article.source.map(sourceContext),
            "facts": factRows(article.facts),
            "hasFacts": !article.facts.isEmpty,
            "keyFigures": rendered.rendered.keyFigures.map { ["html": $0.html] },
            "hasKeyFigures": !rendered.rendered.keyFigures.isEmpty,
        ])) { $1 }
        context["previous"] = previous.map { ["title": $0.title, "href": route.link(to: .article($0.slug))] }
        context["next"] = next.map { ["title": $0.title, "href": route.link(to: .article($0.slug))] }
        return file(route, template: "article", context)
    }

    public func renderPage(_ rendered: RenderedPage) -> OutputFile {
        let page = rendered.page
        let route = Route.page(page.slug)
        var context = layout(for: route, title: page.title, description: page.summary ?? rendered.body.firstParagraph, kind: "page")
        var pageContext = context["page"] as? [String: Any] ?? [:]
        pageContext.merge(viewModel(["summary": page.summary, "body": rendered.body.html])) { $1 }
        context["page"] = pageContext
        return file(route, template: "page", context)
    }

    public func renderNotFound() -> OutputFile {
        // 404.html is served from any depth, so its links are absolute from the base URL's path.
        let route = Route.notFound
        let context = layout(for: route, title: strings.notFoundTitle, description: config.description, kind: "not-found")
        return file(route, template: "404", context)
    }

    // MARK: View models

    /// The variables every template can use; see Templates/README.md.
    func layout(for route: Route, title: String, description: String, kind: String) -> [String: Any] {
        let root = route == .notFound ? basePath : route.rootPrefix
        let isHome = route == .home
        var nav: [[String: Any]] = [["title": strings.latest, "href": root + Route.home.outputPath, "current": isHome]]
        nav += navigationPages.map { page in
            ["title": page.title, "href": root + page.route.outputPath, "current": page.route == route]
        }
        return [
            "lang": config.language == .zh ? "zh-Hans" : "en",
            "site": [
                "title": config.title, "description": config.description, "author": config.author,
                "home": root + Route.home.outputPath,
            ],
            "page": [
                "title": title, "fullTitle": isHome ? config.title : "\(title) · \(config.title)",
                "description": Self.oneLine(description, limit: 200), "canonical": route.absoluteURL(base: config.baseURL),
                "kind": kind,
            ],
            "root": root,
            "assets": root + "assets/",
            "nav": nav,
            "strings": strings.dictionary,
        ]
    }

    func summary(of rendered: RenderedArticle, from route: Route) -> [String: Any] {
        let article = rendered.article
        return [
            "title": article.title,
            "href": route.link(to: .article(article.slug)),
            "date": displayDate(article.date),
            "dateISO": article.date.description,
            "summary": article.summary ?? Self.oneLine(rendered.body.firstParagraph, limit: 240),
            "readingTime": strings.readingTime(rendered.body.statistics.readingMinutes),
            "tags": article.tags.map { ["name": $0, "slug": Slug.make(from: $0)] },
            "hasTags": !article.tags.isEmpty,
        ]
    }

    func sourceContext(_ source: SourceReference) -> [String: Any] {
        viewModel(["name": source.name, "url": source.url, "date": source.date.map(displayDate)])
    }

    func displayDate(_ date: CalendarDate) -> String {
        config.language == .zh ? date.longChinese : date.longEnglish
    }

    var strings: UIStrings { UIStrings(language: config.language) }

    /// The path part of the base URL (`/briefing/`), for pages served at unknown depths like 404.html.
    var basePath: String {
        guard let schemeEnd = config.baseURL.range(of: "://") else { return "/" }
        let afterHost = config.baseURL[schemeEnd.upperBound...].drop { $0 != "/" }
        return afterHost.isEmpty ? "/" : String(afterHost)
    }

    private func file(_ route: Route, template: String, _ context: [String: Any]) -> OutputFile {
        OutputFile(path: route.outputPath, text: theme.render(context, template: template))
    }

    /// A template context without its `nil` values, so that `{{#key}}` sections stay closed for them.
    func viewModel(_ values: [String: Any?]) -> [String: Any] {
        values.compactMapValues { $0 }
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
