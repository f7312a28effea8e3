import Facts
import Markup
import Model

extension SiteRenderer {
    /// The front page: latest briefings, headline figures and site-wide charts; later pages list older briefings.
    func renderHome(page: Int) -> OutputFile {
        let route = Route.home.page(page)
        let size = SiteMap.pageSize
        let slice = site.articles.dropFirst((page - 1) * size).prefix(size)
        var info = PageInfo(route: route, title: page == 1 ? config.title : strings.pageOf(page, nil), description: config.description, kind: "home")
        if page > 1 { info.breadcrumbs = [(strings.latest, .home)] }
        if page == 1 { info.jsonLD = datasetJSONLD() }
        var extra: [String: Any] = [
            "articles": slice.map { summary(of: $0, from: route) },
            "hasArticles": !slice.isEmpty,
            "isFirstPage": page == 1,
        ]
        if let pagination = pagination(of: .home, page: page, count: site.articles.count, from: route) { extra["pagination"] = pagination }
        if page == 1 {
            let headlines = site.articles.prefix(6).compactMap { rendered in
                Self.headlineFact(of: rendered.article).map { headline($0, article: rendered.article, from: route) }
            }
            extra["headlines"] = headlines
            extra["hasHeadlines"] = !headlines.isEmpty
            let allFacts = site.database.records.map(\.fact)
            let charts = [chart(.funding, facts: allFacts, title: strings.fundingChartTitle), chart(.salaries, facts: allFacts, title: strings.salaryChartTitle)]
                .compactMap { $0 }.map { ["html": $0] }
            extra["charts"] = charts
            extra["hasCharts"] = !charts.isEmpty
        }
        return file(info, template: "index", extra)
    }

    /// The figure an article leads with: money first, then shares, then counts; the first written of its kind.
    static func headlineFact(of article: Article) -> Fact? {
        func rank(_ fact: Fact) -> Int {
            switch fact.quotableValues.first?.unit {
            case .money: 0
            case .percent: fact.kind == .distribution ? 3 : 1
            default: 2
            }
        }
        return article.facts.enumerated().min { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }?.element
    }

    private func headline(_ fact: Fact, article: Article, from route: Route) -> [String: Any] {
        [
            "value": fact.written, "label": fact.label,
            "href": route.link(to: .article(article.slug), fragment: "fact-\(fact.id)"), "article": article.title,
        ]
    }

    func renderArticle(at index: Int) -> OutputFile {
        renderArticle(
            site.articles[index], previous: index + 1 < site.articles.count ? site.articles[index + 1].article : nil,
            next: index > 0 ? site.articles[index - 1].article : nil)
    }

    /// An article's page; its neighbours (older, newer) are given, so it can be rendered as soon
    /// as its body is, before the other articles are.
    public func renderArticle(_ rendered: RenderedArticle, previous: Article?, next: Article?) -> OutputFile {
        let article = rendered.article
        let route = Route.article(article.slug)
        var info = PageInfo(
            route: route, title: article.title, description: article.summary ?? rendered.body.firstParagraph, kind: "article",
            breadcrumbs: [(strings.latest, .home)], openGraphType: "article", published: article.date)
        info.jsonLD = newsArticleJSONLD(rendered)
        let articleContext = summary(of: rendered, from: route).merging(viewModel([
            "body": rendered.body.html,
            "toc": rendered.body.headings.filter { $0.level == 2 }.map { ["text": $0.text, "id": $0.id] },
            "hasToc": rendered.body.headings.count { $0.level == 2 } >= 3,
            "source": article.source.map(sourceContext),
            "facts": factRows(article.facts, article: article),
            "hasFacts": !article.facts.isEmpty,
            "keyFigures": rendered.rendered.keyFigures.map { ["html": $0.html] },
            "hasKeyFigures": !rendered.rendered.keyFigures.isEmpty,
        ])) { $1 }
        return file(info, template: "article", viewModel([
            "article": articleContext,
            "previous": previous.map { ["title": $0.title, "href": route.link(to: .article($0.slug))] },
            "next": next.map { ["title": $0.title, "href": route.link(to: .article($0.slug))] },
        ]))
    }

    func renderPage(_ rendered: RenderedPage) -> OutputFile {
        let page = rendered.page
        let info = PageInfo(
            route: .page(page.slug), title: page.title, description: page.summary ?? rendered.body.firstParagraph, kind: "page",
            breadcrumbs: [(strings.latest, .home)])
        var context = layout(info)
        var pageContext = context["page"] as? [String: Any] ?? [:]
        pageContext.merge(viewModel(["summary": page.summary, "body": rendered.body.html])) { $1 }
        context["page"] = pageContext
        return OutputFile(path: info.route.outputPath, text: theme.render(context, template: "page"))
    }

    /// 404.html is served from any depth, so its links start at the base URL's path.
    func renderNotFound() -> OutputFile {
        file(PageInfo(route: .notFound, title: strings.notFoundTitle, description: config.description, kind: "not-found"), template: "404", [:])
    }

    // MARK: JSON-LD

    private func newsArticleJSONLD(_ rendered: RenderedArticle) -> JSONValue {
        let article = rendered.article
        let url = Route.article(article.slug).absoluteURL(base: config.baseURL)
        let organisation = JSONValue.object([("@type", .string("Organization")), ("name", .string(config.author.isEmpty ? config.title : config.author))])
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("NewsArticle")),
            ("headline", .string(String(article.title.prefix(110)))), ("datePublished", .string(article.date.description)),
            ("dateModified", .string(article.date.description)), ("mainEntityOfPage", .string(url)), ("url", .string(url)),
            ("author", organisation), ("publisher", organisation), ("inLanguage", .string(config.language == .zh ? "zh-Hans" : "en")),
            ("wordCount", .number(String(rendered.body.statistics.words + rendered.body.statistics.cjkCharacters))),
        ]
        if let summary = article.summary { members.append(("description", .string(summary))) }
        if !article.tags.isEmpty { members.append(("keywords", .string(article.tags.joined(separator: ", ")))) }
        if let source = article.source {
            members.append(("isBasedOn", .object([("@type", .string("CreativeWork")), ("name", .string(source.name))] + (source.url.map { [("url", .string($0))] } ?? []))))
        }
        return .object(members)
    }

    private func datasetJSONLD() -> JSONValue {
        let base = config.baseURL
        func download(_ file: String, _ format: String) -> JSONValue {
            .object([("@type", .string("DataDownload")), ("encodingFormat", .string(format)), ("contentUrl", .string(base + file))])
        }
        return .object([
            ("@context", .string("https://schema.org")), ("@type", .string("Dataset")),
            ("name", .string("\(config.title): facts")),
            ("description", .string("Every figure cited in \(config.title), with exact values, currencies, periods, dates and sources (\(site.database.records.count) facts).")),
            ("url", .string(base)), ("isAccessibleForFree", .bool(true)),
            ("creator", .object([("@type", .string("Organization")), ("name", .string(config.author.isEmpty ? config.title : config.author))])),
            ("distribution", .array([download("facts.json", "application/json"), download("facts.csv", "text/csv")])),
        ])
    }
}
