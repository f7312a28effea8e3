import Facts
import Markup
import Model
import Templating

extension SiteRenderer {
    /// The front page: latest briefings, headline figures and site-wide charts; later pages list older briefings.
    func homeContext(page: Int) -> PageContext {
        let route = Route.home.page(page)
        let size = SiteMap.pageSize
        let slice = site.articles.dropFirst((page - 1) * size).prefix(size)
        var info = PageInfo(route: route, title: page == 1 ? config.title : strings.pageOf(page, nil), description: config.description, kind: .home)
        if page > 1 { info.breadcrumbs = [(strings.latest, .home)] }
        if page == 1 { info.jsonLD = datasetJSONLD() }
        var content: [(String, TemplateValue)] = [
            ("articles", slice.map { summary(of: $0, from: route) }.templateValue),
            ("hasArticles", .bool(!slice.isEmpty)),
            ("isFirstPage", .bool(page == 1)),
        ]
        if let pagination = pagination(of: .home, page: page, count: site.articles.count, from: route) {
            content.append(("pagination", pagination.templateValue))
        }
        if page == 1 {
            let headlines = site.articles.prefix(6).compactMap { rendered in
                Self.headlineFact(of: rendered.article).map { headline($0, article: rendered.article, from: route) }
            }
            let charts = [
                chart(.funding, facts: site.index.fundingFacts, title: strings.fundingChartTitle),
                chart(.salaries, facts: site.index.salaryFacts, title: strings.salaryChartTitle),
            ]
                .compactMap { $0 }.map(ChartFigure.init)
            content += [
                ("headlines", .list(headlines)), ("hasHeadlines", .bool(!headlines.isEmpty)),
                ("charts", charts.templateValue), ("hasCharts", .bool(!charts.isEmpty)),
            ]
        }
        return file(info, content)
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

    private func headline(_ fact: Fact, article: Article, from route: Route) -> TemplateValue {
        [
            "value": .text(fact.written), "label": .text(fact.label),
            "href": .text(route.link(to: .article(article.slug), fragment: "fact-\(fact.id)")), "article": .text(article.title),
        ]
    }

    func articleContext(at index: Int) -> PageContext {
        articleContext(
            site.articles[index], previous: index + 1 < site.articles.count ? site.articles[index + 1].article : nil,
            next: index > 0 ? site.articles[index - 1].article : nil)
    }

    /// An article's page; its neighbours (older, newer) are given, so it can be rendered as soon
    /// as its body is, before the other articles are.
    public func renderArticle(_ rendered: RenderedArticle, previous: Article?, next: Article?) -> OutputFile {
        fill(articleContext(rendered, previous: previous, next: next))
    }

    func articleContext(_ rendered: RenderedArticle, previous: Article?, next: Article?) -> PageContext {
        let article = rendered.article
        let route = Route.article(article.slug)
        var info = PageInfo(
            route: route, title: article.title, description: article.summary ?? rendered.body.firstParagraph, kind: .article,
            breadcrumbs: [(strings.latest, .home)], openGraphType: "article", published: article.date)
        info.jsonLD = newsArticleJSONLD(rendered)
        info.isDraft = article.isDraft
        let headings = rendered.body.headings.filter { $0.level == 2 }
        let articleFields = summary(of: rendered, from: route).fields + [
            ("body", .html(rendered.body.html)),
            ("toc", .list(headings.map { ["text": .text($0.text), "id": .text($0.id)] })),
            ("hasToc", .bool(headings.count >= 3)),
            ("source", article.source.map(sourceModel).templateValue),
            ("facts", factRows(article.facts, article: article)),
            ("hasFacts", .bool(!article.facts.isEmpty)),
            ("keyFigures", rendered.rendered.keyFigures.map { ChartFigure(html: $0.html) }.templateValue),
            ("hasKeyFigures", .bool(!rendered.rendered.keyFigures.isEmpty)),
        ]
        return file(info, [
            ("article", .object(TemplateObject(articleFields))),
            ("previous", previous.map { Link(title: $0.title, href: route.link(to: .article($0.slug))) }.templateValue),
            ("next", next.map { Link(title: $0.title, href: route.link(to: .article($0.slug))) }.templateValue),
        ])
    }

    func plainPageContext(_ rendered: RenderedPage) -> PageContext {
        let page = rendered.page
        var info = PageInfo(
            route: .page(page.slug), title: page.title, description: page.summary ?? rendered.body.firstParagraph, kind: .page,
            breadcrumbs: [(strings.latest, .home)])
        info.isDraft = page.isDraft
        info.pageFields = [("summary", TemplateValue(page.summary)), ("body", .html(rendered.body.html))]
        return file(info, [])
    }

    /// 404.html is served from any depth, so its links start at the base URL's path.
    func notFoundContext() -> PageContext {
        file(PageInfo(route: .notFound, title: strings.notFoundTitle, description: config.description, kind: .notFound), [])
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
