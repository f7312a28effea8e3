import Facts
import Model

/// What one page is made of, beyond what every page shares (the site's settings, the theme and the
/// navigation): two renderings of a page with equal inputs write the same bytes. A preview compares a
/// page's inputs before and after an edit and renders again only the pages whose inputs changed.
///
/// Each kind's inputs are listed beside nothing else: `SiteRenderer.inputs(of:)` names, for every
/// page kind, the values its context function reads. A test builds the site after each kind of edit
/// and compares the result with a clean build, so a value read but not listed here is caught.
public struct PageInputs: Equatable, Sendable {
    enum Part: Equatable, Sendable {
        case article(Article)
        case page(Page)
        /// A rendered body, by fingerprint.
        case body(Int)
        /// Articles' cards on a list, by fingerprint.
        case cards([Int])
        case records(ArraySlice<FactRecord>)
        case entity(Entity)
        case paths(Set<String>)
        case facts([Fact?])
        case texts([String])
        case count(Int)
    }

    var parts: [Part]

    init(_ parts: [Part]) {
        self.parts = parts
    }
}

extension SiteRenderer {
    /// The inputs of `job`'s page: everything its view model reads that a content edit can change.
    public func inputs(of job: PageJob) -> PageInputs {
        switch job {
        case .home(let page):
            let slice = site.articles.dropFirst((page - 1) * SiteMap.pageSize).prefix(SiteMap.pageSize)
            var parts: [PageInputs.Part] = [.cards(slice.map(\.cardFingerprint)), .count(SiteMap.pageCount(count: site.articles.count))]
            if page == 1 {
                parts.append(.facts(site.articles.prefix(6).map { Self.headlineFact(of: $0.article) }))
                parts.append(.records(site.database.records[...]))
            }
            return PageInputs(parts)
        case .article(let index):
            return articleInputs(
                site.articles[index], previous: index + 1 < site.articles.count ? site.articles[index + 1].article : nil,
                next: index > 0 ? site.articles[index - 1].article : nil)
        case .page(let index):
            return PageInputs([.page(site.pages[index].page), .body(site.pages[index].rendered.fingerprint)])
        case .notFound:
            return PageInputs([])
        case .companies:
            return PageInputs([.texts(site.map.companies.map(\.slug)), .records(site.database.records[...])])
        case .company(let index):
            let entity = site.map.companies[index]
            let records = site.index.byEntity[entity.slug] ?? []
            let articles = Set(records.compactMap { site.articlePositions[$0.article.slug] }).sorted()
            return PageInputs([.entity(entity), .records(records[...]), .cards(articles.map { site.articles[$0].cardFingerprint })])
        case .funding(let page):
            return tableInputs(site.index.fundingByDate, page: page)
        case .salaries(let page):
            return tableInputs(site.index.salaries, page: page)
        case .tags:
            return PageInputs([.texts(site.map.tags.map { "\($0.slug) \($0.articles.count) \($0.name)" })])
        case .tag(let index, let page):
            let tag = site.map.tags[index]
            let slice = tag.articles.dropFirst((page - 1) * SiteMap.pageSize).prefix(SiteMap.pageSize)
            return PageInputs([.texts([tag.name, tag.slug]), .count(tag.articles.count), .cards(slice.map { site.articles[$0].cardFingerprint })])
        }
    }

    /// The inputs of an article's page, given its neighbours (older, newer), as `renderArticle` takes them.
    public func articleInputs(_ rendered: RenderedArticle, previous: Article?, next: Article?) -> PageInputs {
        let article = rendered.article
        return PageInputs([
            .article(article), .body(rendered.rendered.fingerprint),
            .texts([previous?.slug ?? "", previous?.title ?? "", next?.slug ?? "", next?.title ?? ""]),
            // The facts table shows each fact's company and conflict, which the records carry.
            .records(site.database.records(ofArticle: article.slug)),
        ])
    }

    /// A page of the funding or salaries table: its rows, and on page 1 every row (the chart draws them all).
    private func tableInputs(_ all: [FactRecord], page: Int) -> PageInputs {
        let rows = page == 1 ? all[...] : all.dropFirst((page - 1) * SiteMap.tablePageSize).prefix(SiteMap.tablePageSize)
        return PageInputs([.records(rows), .count(SiteMap.pageCount(count: all.count, size: SiteMap.tablePageSize))])
    }
}

extension SiteFeeds {
    /// What the feed is made of: the latest articles and their bodies.
    public var feedInputs: PageInputs {
        PageInputs(entries.flatMap { [.article(site.articles[$0].article), .body(site.articles[$0].rendered.fingerprint)] })
    }

    /// What the sitemap is made of: every page, and the articles' dates.
    public var sitemapInputs: PageInputs {
        PageInputs([.paths(site.map.paths), .cards(site.articles.map(\.cardFingerprint))])
    }

    /// What facts.json and facts.csv are made of.
    public var exportInputs: PageInputs {
        PageInputs([.records(site.database.records[...])])
    }
}
